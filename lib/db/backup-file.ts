import * as z from 'zod/mini';
import { CodedError } from '../model/errors';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupFile } from '../model';
import { canonicalUrl } from '../archive/canonical-url';
import { annotationsToHighlights, isAnnotationDocument } from './web-annotation';

/** Largest backup file accepted (characters of JSON text). */
export const MAX_BACKUP_CHARS = 100 * 1024 * 1024;
/** Deepest JSON nesting accepted; real backups need 5. Checked before JSON.parse touches the text. */
export const MAX_JSON_DEPTH = 32;

const refuse = (message: string): never => {
  throw new CodedError('invalid-file', message);
};

/** Nesting depth of JSON text, stopping early once past `limit` (strings and escapes skipped). */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return deepest;
}

const Envelope = z.object({ format: z.string(), version: z.number() });

/**
 * Reads and fully validates a backup file before anything touches the database. Refusals (CodedError
 * `invalid-file`) say why: too large, too deeply nested, not JSON, another format, a newer version, or
 * the first invalid records with their paths (a `javascript:` URL anywhere refuses the whole file).
 */
export function parseBackup(text: string): BackupFile {
  return backupFrom(parseJson(text));
}

/** JSON text within our size and nesting limits, parsed; refusals say why. */
function parseJson(text: string): unknown {
  if (text.length > MAX_BACKUP_CHARS) refuse(`The file is too large (${Math.round(text.length / 1048576)} MB; at most 100 MB).`);
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) refuse(`The file is nested more than ${MAX_JSON_DEPTH} levels deep: it is not a backup.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    return refuse(`The file is not valid JSON (${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}).`);
  }
}

/**
 * What the options page imports: our backup/index file, or a W3C Web Annotation document (ours or another
 * annotation tool's), read as a file holding only highlights. Their targets become the article's canonical
 * URL (a Wayback copy's address names its original); `skipped` counts annotations we cannot place.
 */
export function parseImportFile(text: string, now: number): { file: BackupFile; skipped: number } {
  const raw = parseJson(text);
  if (!isAnnotationDocument(raw)) return { file: backupFrom(raw), skipped: 0 };
  const { highlights, skipped } = annotationsToHighlights(raw, now);
  const placed = highlights.map((highlight) => ({ ...highlight, url: canonicalUrl(highlight.url) ?? highlight.url }));
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    generator: 'W3C Web Annotation',
    articles: [],
    notes: [],
    trash: [],
    settings: null,
    highlights: placed,
  };
  const checked = BackupFile.safeParse(file);
  if (!checked.success) refuse(`The annotations could not be read as highlights (${checked.error.issues[0]?.message ?? 'invalid'}). Nothing was changed.`);
  return { file: checked.data!, skipped };
}

function backupFrom(raw: unknown): BackupFile {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) refuse('This is not a SecurityVibes Companion backup or index file.');
  const version = envelope.data!.version;
  if (version > BACKUP_VERSION)
    refuse(
      `This file was written by a newer version of SecurityVibes Companion (format version ${version}; this one reads up to ${BACKUP_VERSION}). Update the extension first.`,
    );
  if (!Number.isInteger(version) || version < 1) refuse(`Unknown backup format version ${version}.`);
  const parsed = BackupFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more problems)` : '';
    refuse(`The file is damaged or unsafe and was not imported: ${issues.join('; ')}${more}. Nothing was changed.`);
  }
  return parsed.data!;
}
