import { strToU8, zipSync } from 'fflate';
import type { ArticleRecord, Note } from '../model';

/** YAML double-quoted scalar (JSON strings are valid YAML and escape everything hostile). */
const quoted = (value: string) => JSON.stringify(value);

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
    `# ${title.replace(/\s+/g, ' ')}`,
    '',
    note.text,
    '',
  ];
  return lines.join('\n');
}

/** A file name from the article URL's last path segment, unique within the zip. */
function fileName(url: string, used: Set<string>): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  const base = (segments.at(-1) ?? 'note').replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^[-.]+/, '').slice(0, 80) || 'note';
  let name = `${base}.md`;
  for (let n = 2; used.has(name); n += 1) name = `${base}-${n}.md`;
  used.add(name);
  return name;
}

/** A zip with one Markdown file per note (sorted by URL, so the output is reproducible). */
export function notesToZip(notes: readonly Note[], articles: ReadonlyMap<string, ArticleRecord>): Uint8Array {
  const used = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  for (const note of [...notes].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    files[`notes/${fileName(note.url, used)}`] = strToU8(noteToMarkdown(note, articles.get(note.url) ?? null));
  }
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
