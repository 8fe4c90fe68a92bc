import type { IDBPTransaction } from 'idb';
import type { ArticleRecord } from '../model';
import { bucketOf, packBuckets, readBuckets, type ArticleBucket } from './buckets';
import { rowsIn, writeDigest, type DigestRow } from './digest';
import { allRequests, putAll } from './errors';
import { mergeArticle, type ArticleFacts } from './merge';
import { applyEntries, buildPostings, CategoryDictionary, emptyPosting, findId, postingKeysOf, toMinutes, type PostingEntry } from './postings';
import { META_KEY, NO_TIME, STORES, type Meta, type PostingRecord, type StoredArticle } from './schema';

export type WriteTx = IDBPTransaction<unknown, string[], 'readwrite'>;
export type Incoming = { facts: ArticleFacts } | { record: ArticleRecord };
export type Outcome = 'added' | 'updated' | 'kept';

/** Stores that an article write touches; callers include them in their transaction. */
export const ARTICLE_WRITE_STORES = [STORES.articleBuckets, STORES.postings, STORES.meta, STORES.digest] as const;

/** Above this many changed postings it is cheaper to list the keys once than to probe each one. */
const BULK = 64;

export async function readMeta(tx: { objectStore(name: string): { get(key: string): Promise<unknown> } }): Promise<Meta> {
  const meta = (await tx.objectStore(STORES.meta).get(META_KEY)) as Meta | undefined;
  return meta ?? { nextId: 1, docCount: 0, categories: [], lastUpdatedAt: null };
}

function publicPart(stored: StoredArticle): ArticleRecord {
  const { id: _id, pub: _pub, ...record } = stored;
  return record;
}

function factsOf(record: ArticleRecord): ArticleFacts {
  return { ...record };
}

/**
 * Upserts articles inside the caller's transaction: merges with what is stored, gives new articles an
 * id, and updates their buckets, every affected postings list, the digest and the meta record.
 * Everything happens in the one transaction, so a failure anywhere leaves no trace.
 */
export interface WriteResult {
  outcomes: Outcome[];
  /** Digest rows of the records added or changed, for the in-memory catalog to patch itself (computed on demand). */
  written: () => DigestRow[];
  docCount: number;
}

export async function writeArticles(tx: WriteTx, items: readonly Incoming[], now: number, dryRun = false): Promise<WriteResult> {
  const buckets = tx.objectStore(STORES.articleBuckets);
  const meta = await readMeta(tx);
  const fresh = meta.docCount === 0;
  const urls = items.map((item) => ('facts' in item ? item.facts.url : item.record.url));
  // An empty index has nothing to merge with: no read at all (the bulk import of a backup or index file).
  const current = fresh ? new Map<number, ArticleBucket>() : await readBuckets(buckets, urls.map(bucketOf));
  const existing = articlesIn(current, urls);
  const categories = new CategoryDictionary([...meta.categories]);
  const batch = new Map<string, StoredArticle>();
  const before = new Map<string, StoredArticle | undefined>();
  const outcomes: Outcome[] = [];
  items.forEach((item, i) => {
    const url = urls[i]!;
    if (!before.has(url)) before.set(url, existing.get(url));
    const current = batch.get(url) ?? existing.get(url);
    const currentPublic = current && publicPart(current);
    let next: ArticleRecord;
    if ('facts' in item) next = mergeArticle(currentPublic, item.facts, now);
    else if (!currentPublic) next = item.record;
    else {
      const merged = mergeArticle(currentPublic, factsOf(item.record), now);
      const firstSeenAt = Math.min(currentPublic.firstSeenAt, item.record.firstSeenAt);
      next = merged === currentPublic && firstSeenAt === currentPublic.firstSeenAt ? merged : { ...merged, firstSeenAt };
    }
    if (current && next === currentPublic) {
      outcomes.push('kept');
      return;
    }
    const id = current?.id ?? meta.nextId++;
    const stored: StoredArticle = { ...next, id };
    const pub = toMinutes(next.publishedAt);
    if (pub !== NO_TIME) stored.pub = pub;
    batch.set(url, stored);
    outcomes.push(current ? 'updated' : 'added');
  });
  const added = [...batch.keys()].filter((url) => !before.get(url)).length;
  if (batch.size === 0 || dryRun) return { outcomes, written: () => [], docCount: meta.docCount + (dryRun ? added : 0) };

  // Requests are made as soon as their values are ready and awaited together at the end: the browser
  // stores the buckets while the postings and the digest (tokenising) are being computed here.
  const writes = new PendingWrites();
  putAll(buckets, packBuckets(batch.values(), current).values());
  // Into an empty index the postings are built in one pass and written without reading anything.
  if (fresh) putAll(tx.objectStore(STORES.postings), buildPostings(batch.values(), categories).values());
  else writes.add(writePostings(tx, postingChanges(batch, before, categories)));
  const digest = writeDigest(tx, [...batch.values()], fresh);
  writes.add(digest);
  meta.docCount += added;
  meta.categories = categories.slugs;
  meta.lastUpdatedAt = Math.max(meta.lastUpdatedAt ?? 0, now);
  writes.add(tx.objectStore(STORES.meta).put(meta, META_KEY));
  await writes.settled();
  const records = await digest;
  const ids = new Set([...batch.values()].map((stored) => stored.id));
  return { outcomes, written: () => rowsIn(records, ids), docCount: meta.docCount };
}

/** The stored articles with these URLs among buckets read beforehand. */
function articlesIn(buckets: ReadonlyMap<number, ArticleBucket>, urls: readonly string[]): Map<string, StoredArticle> {
  const wanted = new Set(urls);
  const found = new Map<string, StoredArticle>();
  for (const bucket of buckets.values()) for (const article of bucket.articles) if (wanted.has(article.url)) found.set(article.url, article);
  return found;
}

/**
 * Writes in flight, awaited together. Each is observed as soon as it is added, so if a later step
 * throws (and the caller aborts the transaction) their AbortErrors do not surface as unhandled rejections.
 */
class PendingWrites {
  private readonly pending: Promise<unknown>[] = [];
  add(write: Promise<unknown>): void {
    write.catch(() => undefined);
    this.pending.push(write);
  }
  settled(): Promise<unknown[]> {
    return Promise.all(this.pending);
  }
}

interface PostingChange {
  slug: string;
  name: string;
  upsert: PostingEntry[];
  remove: number[];
}

function postingChanges(
  batch: Map<string, StoredArticle>,
  before: Map<string, StoredArticle | undefined>,
  categories: CategoryDictionary,
): Map<string, PostingChange> {
  const changes = new Map<string, PostingChange>();
  const change = (key: string, slug: string, name: string) => {
    let found = changes.get(key);
    if (!found) changes.set(key, (found = { slug, name, upsert: [], remove: [] }));
    return found;
  };
  for (const [url, stored] of batch) {
    const old = before.get(url);
    const entry = { id: stored.id, min: stored.pub ?? NO_TIME, cat: categories.indexOf(stored.category?.slug) };
    const unchangedPlace = old && old.pub === stored.pub && old.category?.slug === stored.category?.slug;
    const oldKeys = new Set(old ? postingKeysOf(old).map((k) => k.key) : []);
    const newKeys = postingKeysOf(stored);
    for (const { key, slug, name } of newKeys) if (!unchangedPlace || !oldKeys.has(key)) change(key, slug, name).upsert.push(entry);
    const kept = new Set(newKeys.map((k) => k.key));
    for (const { key, slug, name } of old ? postingKeysOf(old) : []) if (!kept.has(key)) change(key, slug, name).remove.push(stored.id);
  }
  return changes;
}

interface PostingStore {
  get(key: string): Promise<unknown>;
  getAllKeys(): Promise<IDBValidKey[]>;
  put(value: PostingRecord): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

/** Updates the postings lists these changes touch (read, merged, written back). */
async function writePostings(tx: WriteTx, changes: Map<string, PostingChange>): Promise<unknown> {
  const store: PostingStore = tx.objectStore(STORES.postings);
  return putPostings(store, changes, await readPostings(store, [...changes.keys()]));
}

async function readPostings(store: PostingStore, wanted: string[]): Promise<Map<string, PostingRecord>> {
  let keys = wanted;
  if (keys.length > BULK) {
    const existing = new Set((await store.getAllKeys()) as string[]);
    keys = keys.filter((key) => existing.has(key));
  }
  const loaded = await allRequests(keys, (key) => store.get(key) as Promise<PostingRecord | undefined>);
  const current = new Map<string, PostingRecord>();
  loaded.forEach((posting, i) => posting && current.set(keys[i]!, posting));
  return current;
}

function putPostings(store: PostingStore, changes: Map<string, PostingChange>, current: Map<string, PostingRecord>): Promise<unknown> {
  const puts: PostingRecord[] = [];
  const emptied: string[] = [];
  for (const [key, change] of changes) {
    let posting = current.get(key) ?? emptyPosting(key, change.slug, change.name);
    if (change.remove.length > 0) posting = removeIds(posting, change.remove);
    posting = applyEntries(posting, change.upsert);
    if (posting.ids.length === 0) emptied.push(key);
    else puts.push(posting);
  }
  putAll(store, puts);
  return allRequests(emptied, (key) => store.delete(key));
}

function removeIds(posting: PostingRecord, ids: readonly number[]): PostingRecord {
  const drop = new Set(ids.map((id) => findId(posting.ids, id)).filter((at) => at >= 0));
  if (drop.size === 0) return posting;
  const keep = (_: number, i: number) => !drop.has(i);
  return { ...posting, ids: posting.ids.filter(keep), mins: posting.mins.filter(keep), cats: posting.cats.filter(keep) };
}
