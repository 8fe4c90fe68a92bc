import { strToU8, zipSync } from 'fflate';
import type { ArticleRecord, Note } from '../model';

/** YAML double-quoted scalar (JSON strings are valid YAML and escape everything hostile). */
const quoted = (value: string) => JSON.stringify(value);

/**
 * A title as the text of a Markdown heading, shown as written: HTML (`<`, `>`, `&`) as entities, and every
 * ASCII punctuation mark that means something inline or ends an ATX heading (emphasis, code, links,
 * images, strikethrough, table pipes, a closing `#`, GFM's bare links) escaped with a backslash. A title
 * is page text.
 */
export function markdownHeadingText(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters would break the heading line
  const oneLine = title.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const escaped = oneLine.replace(/[\\`*_[\]()!#~|<>&@]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
  // GFM links bare `http://…`, `www.…` and `a@b.c` too: a backslash inside each breaks the pattern.
  return escaped.replace(/(?<=[a-z]):/gi, '\\:').replace(/(?<=(?:^|[^a-z0-9])www)\./gi, '\\.');
}

/** One note as Markdown with YAML front matter: title, url, rubrique, tags, rating, created, updated. */
export function noteToMarkdown(note: Note, article: ArticleRecord | null): string {
  const title = article?.title ?? note.url;
  const lines = [
    '---',
    `title: ${quoted(title)}`,
    `url: ${quoted(note.url)}`,
    `rubrique: ${article?.category ? quoted(article.category.name) : 'null'}`,
    `tags: [${(article?.tags ?? []).map((tag) => quoted(tag.name)).join(', ')}]`,
    `rating: ${note.rating ?? 'null'}`,
    `created: ${quoted(new Date(note.createdAt).toISOString())}`,
    `updated: ${quoted(new Date(note.updatedAt).toISOString())}`,
    '---',
    '',
    `# ${markdownHeadingText(title)}`,
    '',
    note.text,
    '',
  ];
  return lines.join('\n');
}

/** Windows device names: a file called `con.md` or `com1.tar.md` cannot be created there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * A file name from the article URL's last path segment: letters, digits, `.`, `_`, `-` only, no leading or
 * trailing dot or dash, never a Windows device name, and unique within the zip ignoring case (macOS and
 * Windows file systems would otherwise let one note overwrite another on unzipping).
 */
export function noteFileName(url: string, used: Set<string>): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  let base = (segments.at(-1) ?? 'note').replace(/[^a-zA-Z0-9._-]+/g, '-').slice(0, 80).replace(/^[-.]+|[-.]+$/g, '') || 'note';
  if (WINDOWS_DEVICE.test(base)) base = `note-${base}`;
  let name = `${base}.md`;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base}-${n}.md`;
  used.add(name.toLowerCase());
  return name;
}

/** A zip with one Markdown file per note (sorted by URL, so the output is reproducible). */
export function notesToZip(notes: readonly Note[], articles: ReadonlyMap<string, ArticleRecord>): Uint8Array {
  const used = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  for (const note of [...notes].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    files[`notes/${noteFileName(note.url, used)}`] = strToU8(noteToMarkdown(note, articles.get(note.url) ?? null));
  }
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
