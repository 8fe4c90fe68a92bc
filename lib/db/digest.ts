import type { Tag } from '../model';
import { allRequests, putAll } from './errors';
import type { Store, StoredArticle } from './schema';
import { forEachIndexToken, normalize } from './text';

/**
 * The digest (schema v4): what related and search need about every article, pre-normalised and packed
 * a thousand articles to a record, so that the background rebuilds its in-memory catalog after waking
 * with one read of a few records instead of reading and re-tokenising every article (≈ 7 s at 20k).
 * It is written in the same transaction as the articles it summarises, so it is never stale.
 *
 * One row per article: [id, url, title, publishedAt, rubrique slug, rubrique name, tag slugs and names
 * interleaved, normalised title, distinct search tokens of title + excerpt joined by spaces, publication
 * time in ms or null, and — only when the site declared the article's address with https — a final 1
 * (ArticleRecord.https; rows written before it have no such field)]. On disk the tokens are stored only inverted, per chunk (token → row positions,
 * as typed arrays): loading appends a few thousand lists per chunk instead of splitting every row, and
 * the record is half the size.
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
  time: number | null,
  https?: 1,
];

/**
 * Where each field sits in a DigestRow: every reader goes through these names, never a bare position.
 * The row stays an array on disk because the chunk's JSON then carries no key names, which every
 * worker wake clones and parses: at 20k synthetic articles 6.9 M characters instead of 8.9 M with named
 * keys (Node 22, five rounds on a loaded 2-core machine: parse 38–71 ms against 43–76 ms).
 */
export const ROW = { id: 0, url: 1, title: 2, publishedAt: 3, categorySlug: 4, categoryName: 5, tags: 6, normTitle: 7, tokens: 8, time: 9, https: 10 } as const;

/** A copy of the row with its tokens field replaced. */
function withTokens(row: DigestRow, tokens: string): DigestRow {
  const copy: DigestRow = [...row];
  copy[ROW.tokens] = tokens;
  return copy;
}

export interface DigestChunk {
  chunk: number;
  /** JSON of DigestRow[] (one string clones far faster than thousands of small arrays). */
  rows: string;
  /** The distinct tokens of these rows joined by spaces; token k lists positions[offsets[k]..offsets[k+1]). */
  tokens: string;
  offsets: Uint32Array;
  /** Positions of rows in `rows` (a chunk holds at most DIGEST_CHUNK rows). */
  positions: Uint16Array;
}

/** A chunk read back: its rows and their inverted tokens. */
export interface ParsedChunk {
  rows: DigestRow[];
  tokens: string[];
  offsets: Uint32Array;
  positions: Uint16Array;
}

export const DIGEST_CHUNK = 1024;
export const chunkOf = (id: number) => Math.floor(id / DIGEST_CHUNK);

function rowOf(article: StoredArticle): DigestRow {
  const tags = article.tags.flatMap((tag) => [tag.slug, tag.name]);
  const row: DigestRow = [
    article.id,
    article.url,
    article.title,
    article.publishedAt,
    article.category?.slug ?? null,
    article.category?.name ?? null,
    tags,
    normalize(article.title),
    '',
    publishedTime(article.publishedAt),
  ];
  if (article.https) row[ROW.https] = 1;
  return row;
}

function publishedTime(iso: string | null): number | null {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

/** What a chunk is packed from: an article to tokenise, or a row read back from the chunk with its tokens. */
export type ChunkSource = StoredArticle | { row: DigestRow; tokens: readonly string[] };

/**
 * Packs rows (each id once) into a chunk record, tokenising the articles straight into the chunk's
 * inverted lists: a token repeated in a row is skipped because its list already ends with that row, so
 * no per-row token set, list or joined string is ever built (at 20k articles that was a third of the
 * digest's cost). Lists keep the order in which tokens first appear in the chunk.
 */
export function packChunk(chunk: number, sources: readonly ChunkSource[]): DigestChunk {
  const lists = new Map<string, number[]>();
  const add = (token: string, position: number) => {
    const list = lists.get(token);
    if (!list) lists.set(token, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  };
  const rows = sources.map((source, position): DigestRow => {
    if ('row' in source) {
      for (const token of source.tokens) add(token, position);
      return withTokens(source.row, '');
    }
    forEachIndexToken(`${source.title} ${source.excerpt}`, (token) => add(token, position));
    return rowOf(source);
  });
  const offsets = new Uint32Array(lists.size + 1);
  let total = 0;
  let k = 0;
  for (const list of lists.values()) {
    offsets[k] = total;
    total += list.length;
    k += 1;
  }
  offsets[k] = total;
  const positions = new Uint16Array(total);
  let at = 0;
  for (const list of lists.values()) for (const position of list) positions[at++] = position;
  return { chunk, rows: JSON.stringify(rows), tokens: [...lists.keys()].join(' '), offsets, positions };
}

/** The tokens of the row at `position` of a parsed chunk, joined by spaces (read back from the inversion). */
export function tokensAt(chunk: Pick<ParsedChunk, 'tokens' | 'offsets' | 'positions'>, position: number): string {
  const out: string[] = [];
  chunk.tokens.forEach((token, k) => {
    for (let i = chunk.offsets[k]!; i < chunk.offsets[k + 1]!; i += 1) if (chunk.positions[i] === position) out.push(token);
  });
  return out.join(' ');
}

/** A parsed chunk's rows with their tokens put back in place (to repack the chunk, or to patch the catalog). */
export function rowsWithTokens(chunk: ParsedChunk): { row: DigestRow; tokens: string[] }[] {
  const perRow = chunk.rows.map((): string[] => []);
  chunk.tokens.forEach((token, k) => {
    for (let i = chunk.offsets[k]!; i < chunk.offsets[k + 1]!; i += 1) perRow[chunk.positions[i]!]?.push(token);
  });
  return chunk.rows.map((row, i) => ({ row: withTokens(row, perRow[i]!.join(' ')), tokens: perRow[i]! }));
}

export function tagsOfRow(row: DigestRow): Tag[] {
  const out: Tag[] = [];
  const tags = row[ROW.tags];
  for (let i = 0; i + 1 < tags.length; i += 2) out.push({ slug: tags[i]!, name: tags[i + 1]! });
  return out;
}

export function parseChunk(chunk: DigestChunk): ParsedChunk {
  return {
    rows: JSON.parse(chunk.rows) as DigestRow[],
    tokens: chunk.tokens ? chunk.tokens.split(' ') : [],
    offsets: chunk.offsets,
    positions: chunk.positions,
  };
}

/**
 * The chunk records holding these articles' rows: each chunk's `current` record (absent for an empty
 * index, or a chunk not written yet) with these articles' rows added or replaced.
 */
export function packDigest(articles: readonly StoredArticle[], current: ReadonlyMap<number, DigestChunk> = new Map()): DigestChunk[] {
  const byChunk = new Map<number, StoredArticle[]>();
  for (const article of articles) {
    const key = chunkOf(article.id);
    const list = byChunk.get(key);
    if (list) list.push(article);
    else byChunk.set(key, [article]);
  }
  return [...byChunk].map(([key, chunkArticles]) => {
    const merged = new Map<number, ChunkSource>();
    const existing = current.get(key);
    if (existing) for (const entry of rowsWithTokens(parseChunk(existing))) merged.set(entry.row[ROW.id], entry);
    for (const article of chunkArticles) merged.set(article.id, article);
    return packChunk(key, [...merged.values()]);
  });
}

/**
 * Replaces these articles' rows in their chunks (inside the caller's write transaction, whose
 * completion reports a failed put) and returns the chunk records written. `fresh` says the index was
 * empty, so no chunk needs reading first: then the chunks are packed and their puts made at once.
 */
export async function writeDigest(store: Store<'digest', 'readwrite'>, articles: readonly StoredArticle[], fresh: boolean): Promise<DigestChunk[]> {
  const keys = [...new Set(articles.map((article) => chunkOf(article.id)))];
  const current = fresh ? [] : await allRequests(keys, (key) => store.get(key));
  const records = packDigest(articles, new Map(current.flatMap((chunk) => (chunk ? [[chunk.chunk, chunk] as const] : []))));
  putAll(store, records);
  return records;
}

/** The rows of these ids in chunk records just written (with their tokens, as the catalog takes them). */
export function rowsIn(records: readonly DigestChunk[], ids: ReadonlySet<number>): DigestRow[] {
  return records.flatMap((record) => rowsWithTokens(parseChunk(record)).flatMap(({ row }) => (ids.has(row[ROW.id]) ? [row] : [])));
}
