import type { ArticleRecord } from '../model';
import { articleIn, bucketOf, packBuckets, readBuckets, type ArticleBucket } from './buckets';
import { isTagKey, packPostings, readPostingBuckets } from './posting-buckets';
import { rowsIn, writeDigest, type DigestRow } from './digest';
import { allRequests, putAll } from './errors';
import { mergeArticle, type ArticleFacts } from './merge';
import { applyEntries, buildPostings, CategoryDictionary, emptyPosting, findId, postingKeysOf, toMinutes, type PostingEntry } from './postings';
import { META_KEY, NO_TIME, STORES, type Meta, type PostingRecord, type StoredArticle, type Tx } from './schema';

export type WriteTx = Tx<'readwrite'>;
export type Incoming = { facts: ArticleFacts } | { record: ArticleRecord };
export type Outcome = 'added' | 'updated' | 'kept';

/** Stores that an article write touches; callers include them in their transaction. */
export const ARTICLE_WRITE_STORES = [STORES.articleBuckets, STORES.postingBuckets, STORES.meta, STORES.digest] as const;

export async function readMeta(tx: Tx): Promise<Meta> {
  const meta = await tx.objectStore(STORES.meta).get(META_KEY);
  return meta ?? { nextId: 1, docCount: 0, categories: [], lastUpdatedAt: null, tagCount: 0 };
}

function publicPart(stored: StoredArticle): ArticleRecord {
  const { id: _id, pub: _pub, ...record } = stored;
  return record;
}

function factsOf(record: ArticleRecord): ArticleFacts {
  return { ...record };
}

export interface WriteResult {
  outcomes: Outcome[];
  /** Digest rows of the records added or changed, for the in-memory catalog to patch itself (computed on demand). */
  written: () => DigestRow[];
  docCount: number;
}

/** What a write of these items would change, read in the caller's transaction (read-only or not). */
interface Plan {
  meta: Meta;
  fresh: boolean;
  /** The buckets of the items' URLs as stored (empty for an empty index). */
  current: Map<number, ArticleBucket>;
  categories: CategoryDictionary;
  /** The records to write, by URL, and what was stored under each URL before. */
  batch: Map<string, StoredArticle>;
  before: Map<string, StoredArticle | undefined>;
  outcomes: Outcome[];
  added: number;
}

async function plan(tx: Tx, items: readonly Incoming[], now: number): Promise<Plan> {
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
  return { meta, fresh, current, categories, batch, before, outcomes, added };
}

/** The outcome of writing these items, without writing anything (an import's preview). */
export async function previewArticles(tx: Tx, items: readonly Incoming[], now: number): Promise<WriteResult> {
  const { outcomes, meta, added } = await plan(tx, items, now);
  return { outcomes, written: () => [], docCount: meta.docCount + added };
}

/**
 * Upserts articles inside the caller's transaction: merges with what is stored, gives new articles an
 * id, and updates their buckets, every affected postings list, the digest and the meta record.
 * Everything happens in the one transaction, so a failure anywhere leaves no trace.
 */
export async function writeArticles(tx: WriteTx, items: readonly Incoming[], now: number): Promise<WriteResult> {
  const { meta, fresh, current, categories, batch, before, outcomes, added } = await plan(tx, items, now);
  if (batch.size === 0) return { outcomes, written: () => [], docCount: meta.docCount };
  const buckets = tx.objectStore(STORES.articleBuckets);

  // Requests are made as soon as their values are ready and awaited together at the end: the browser
  // stores the buckets while the postings and the digest (tokenising) are being computed here.
  const writes = new PendingWrites();
  putAll(buckets, packBuckets(batch.values(), current).values());
  // Into an empty index the postings are built in one pass and written without reading anything.
  let tagsAdded: number | Promise<number>;
  if (fresh) {
    const lists = [...buildPostings(batch.values(), categories).values()];
    putAll(tx.objectStore(STORES.postingBuckets), packPostings(lists, []));
    tagsAdded = lists.filter((list) => isTagKey(list.key)).length;
  } else {
    tagsAdded = writePostings(tx, postingChanges(batch, before, categories));
    writes.add(tagsAdded);
  }
  const digest = writeDigest(tx.objectStore(STORES.digest), [...batch.values()], fresh);
  writes.add(digest);
  meta.docCount += added;
  meta.categories = categories.slugs;
  meta.lastUpdatedAt = Math.max(meta.lastUpdatedAt ?? 0, now);
  meta.tagCount = (meta.tagCount ?? 0) + (await tagsAdded);
  writes.add(tx.objectStore(STORES.meta).put(meta, META_KEY));
  await writes.settled();
  const records = await digest;
  const ids = new Set([...batch.values()].map((stored) => stored.id));
  return { outcomes, written: () => rowsIn(records, ids), docCount: meta.docCount };
}

/** The stored articles with these URLs among buckets read beforehand (only those are parsed). */
function articlesIn(buckets: ReadonlyMap<number, ArticleBucket>, urls: readonly string[]): Map<string, StoredArticle> {
  const found = new Map<string, StoredArticle>();
  if (buckets.size === 0) return found;
  for (const url of new Set(urls)) {
    const article = articleIn(buckets.get(bucketOf(url)), url);
    if (article) found.set(url, article);
  }
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

/**
 * Updates the postings lists these changes touch: reads their buckets, merges, writes back the buckets
 * whose lists changed (deleting any left empty). Resolves to the number of tags gained (negative: lost).
 */
async function writePostings(tx: WriteTx, changes: Map<string, PostingChange>): Promise<number> {
  const store = tx.objectStore(STORES.postingBuckets);
  const buckets = await readPostingBuckets(store, changes.keys());
  const current = new Map<string, PostingRecord>();
  for (const bucket of buckets.values()) for (const posting of bucket.postings) if (changes.has(posting.key)) current.set(posting.key, posting);
  const lists: PostingRecord[] = [];
  const emptied: string[] = [];
  let tagsAdded = 0;
  for (const [key, change] of changes) {
    const existing = current.get(key);
    let posting = existing ?? emptyPosting(key, change.slug, change.name);
    if (change.remove.length > 0) posting = removeIds(posting, change.remove);
    posting = applyEntries(posting, change.upsert);
    if (posting.ids.length === 0) {
      if (!existing) continue;
      emptied.push(key);
      if (isTagKey(key)) tagsAdded -= 1;
    } else if (posting !== existing) {
      lists.push(posting);
      if (!existing && isTagKey(key)) tagsAdded += 1;
    }
  }
  const packed = packPostings(lists, emptied, buckets);
  putAll(store, packed.filter((bucket) => bucket.postings.length > 0));
  await allRequests(packed.filter((bucket) => bucket.postings.length === 0), (bucket) => store.delete(bucket.bucket));
  return tagsAdded;
}

function removeIds(posting: PostingRecord, ids: readonly number[]): PostingRecord {
  const drop = new Set(ids.map((id) => findId(posting.ids, id)).filter((at) => at >= 0));
  if (drop.size === 0) return posting;
  const keep = (_: number, i: number) => !drop.has(i);
  return { ...posting, ids: posting.ids.filter(keep), mins: posting.mins.filter(keep), cats: posting.cats.filter(keep) };
}
