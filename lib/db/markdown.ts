import { strToU8, zipSync } from 'fflate';
import type { ArticleRecord, Highlight, Note } from '../model';
import { highlightsToMarkdown } from './highlight-markdown';
import { noteOfHighlightsOnly } from './highlights';
import { markdownHeadingText } from './markdown-text';

export { markdownHeadingText };

/** YAML double-quoted scalar (JSON strings are valid YAML and escape everything hostile). */
const quoted = (value: string) => JSON.stringify(value);

/**
 * One note as Markdown with YAML front matter: title, url, rubrique, tags, rating, created, updated; the
 * article's highlights follow the note, each as `> quote` then its own note.
 */
export function noteToMarkdown(note: Note, article: ArticleRecord | null, highlights: readonly Highlight[] = []): string {
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
  if (highlights.length) lines.push('## Highlights', '', highlightsToMarkdown(highlights), '');
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
  let base =
    (segments.at(-1) ?? 'note')
      .replace(/[^a-zA-Z0-9._-]+/g, '-')
      .slice(0, 80)
      .replace(/^[-.]+|[-.]+$/g, '') || 'note';
  if (WINDOWS_DEVICE.test(base)) base = `note-${base}`;
  let name = `${base}.md`;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base}-${n}.md`;
  used.add(name.toLowerCase());
  return name;
}

/** The note of an article that has highlights but no note: empty, dated by its highlights. */
/**
 * A zip with one Markdown file per article with a note or highlights (sorted by URL, so the output is
 * reproducible).
 */
export function notesToZip(notes: readonly Note[], articles: ReadonlyMap<string, ArticleRecord>, highlights: readonly Highlight[] = []): Uint8Array {
  const used = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  const byUrl = new Map<string, Highlight[]>();
  for (const highlight of highlights) byUrl.set(highlight.url, [...(byUrl.get(highlight.url) ?? []), highlight]);
  const all = new Map(notes.map((note) => [note.url, note]));
  for (const [url, list] of byUrl) if (!all.has(url)) all.set(url, noteOfHighlightsOnly(url, list));
  for (const note of [...all.values()].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    files[`notes/${noteFileName(note.url, used)}`] = strToU8(noteToMarkdown(note, articles.get(note.url) ?? null, byUrl.get(note.url) ?? []));
  }
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
