import type { Tag } from '../model';
import { allRequests } from './errors';
import { STORES, type StoredArticle } from './schema';
import { indexTokens, normalize } from './text';

/**
 * The digest (schema v4): what related and search need about every article, pre-normalised and packed
 * a thousand articles to a record, so that the background rebuilds its in-memory catalog after waking
 * with one read of a few records instead of reading and re-tokenising every article (≈ 7 s at 20k).
 * It is written in the same transaction as the articles it summarises, so it is never stale.
 *
 * One row per article: [id, url, title, publishedAt, rubrique slug, rubrique name, tag slugs and names
 * interleaved, normalised title, distinct search tokens of title + excerpt joined by spaces].
 */
export type DigestRow = [
  id: number,
  url: string,
  title: string,
  publishedAt: string | null,
  categorySlug: string | null,
  categoryName: string | null,
  tags: string[],
  normTitle: string,
  tokens: string,
];

export interface DigestChunk {
  chunk: number;
  /** JSON of DigestRow[] (one string clones far faster than thousands of small arrays). */
  rows: string;
}

export const DIGEST_CHUNK = 1024;
export const chunkOf = (id: number) => Math.floor(id / DIGEST_CHUNK);

export function digestRow(article: StoredArticle): DigestRow {
  const tags = article.tags.flatMap((tag) => [tag.slug, tag.name]);
  return [
    article.id,
    article.url,
    article.title,
    article.publishedAt,
    article.category?.slug ?? null,
    article.category?.name ?? null,
    tags,
    normalize(article.title),
    indexTokens(`${article.title} ${article.excerpt}`).join(' '),
  ];
}

export function tagsOfRow(row: DigestRow): Tag[] {
  const out: Tag[] = [];
  for (let i = 0; i + 1 < row[6].length; i += 2) out.push({ slug: row[6][i]!, name: row[6][i + 1]! });
  return out;
}

export function parseChunk(chunk: DigestChunk): DigestRow[] {
  return JSON.parse(chunk.rows) as DigestRow[];
}

interface DigestStore {
  get(key: number): Promise<unknown>;
  put(value: DigestChunk): Promise<unknown>;
}

/**
 * Replaces these articles' rows in their chunks (inside the caller's write transaction). `fresh` says
 * the index was empty, so no chunk needs reading first.
 */
export async function writeDigest(tx: { objectStore(name: string): unknown }, rows: readonly DigestRow[], fresh: boolean): Promise<void> {
  const store = tx.objectStore(STORES.digest) as DigestStore;
  const byChunk = new Map<number, DigestRow[]>();
  for (const row of rows) {
    const key = chunkOf(row[0]);
    const list = byChunk.get(key);
    if (list) list.push(row);
    else byChunk.set(key, [row]);
  }
  const keys = [...byChunk.keys()];
  const current = fresh ? keys.map(() => undefined) : await allRequests(keys, (key) => store.get(key) as Promise<DigestChunk | undefined>);
  await allRequests(keys.entries(), ([i, key]) => {
    const merged = new Map<number, DigestRow>();
    const existing = current[i];
    if (existing) for (const row of parseChunk(existing)) merged.set(row[0], row);
    for (const row of byChunk.get(key)!) merged.set(row[0], row);
    return store.put({ chunk: key, rows: JSON.stringify([...merged.values()]) });
  });
}
