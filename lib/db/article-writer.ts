import type { ArticleRecord } from '../model';
import { articleIn, bucketOf, packBuckets, readBuckets, type ArticleBucket } from './buckets';
import { rowsIn, writeDigest, type DigestRow } from './digest';
import { putAll } from './errors';
import { mergeArticle, sameRecord, type ArticleFacts } from './merge';
import { toMinutes } from './postings';
import { repairRecord, type SiteVocabulary } from './vocabulary';
import { META_KEY, NO_TIME, STORES, type Meta, type StoredArticle, type TagTally, type Tx } from './schema';

export type WriteTx = Tx<'readwrite'>;
/** `replace`: a stored record rewritten as given (a vocabulary repair, store-vocabulary.ts), never merged. */
export type Incoming = { facts: ArticleFacts } | { record: ArticleRecord } | { replace: ArticleRecord };
export type Outcome = 'added' | 'updated' | 'kept';

/** Stores that an article write touches; callers include them in their transaction. */
export const ARTICLE_WRITE_STORES = [STORES.articleBuckets, STORES.meta, STORES.digest, STORES.vocabulary] as const;

export async function readMeta(tx: Tx): Promise<Meta> {
  const meta = await tx.objectStore(STORES.meta).get(META_KEY);
  return meta ?? { nextId: 1, docCount: 0, lastUpdatedAt: null, tags: new Map() };
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
  /** The records to write, by URL, and what was stored under each URL before. */
  batch: Map<string, StoredArticle>;
  before: Map<string, StoredArticle | undefined>;
  outcomes: Outcome[];
  added: number;
}

const urlOf = (item: Incoming): string => ('facts' in item ? item.facts.url : 'record' in item ? item.record.url : item.replace.url);

/** `vocabulary`: applied to every merged record (names, pending classes; vocabulary.ts). */
async function plan(tx: Tx, items: readonly Incoming[], now: number, vocabulary?: SiteVocabulary): Promise<Plan> {
  const buckets = tx.objectStore(STORES.articleBuckets);
  const meta = await readMeta(tx);
  const fresh = meta.docCount === 0;
  const urls = items.map(urlOf);
  // An empty index has nothing to merge with: no read at all (the bulk import of a backup or index file).
  const current = fresh ? new Map<number, ArticleBucket>() : await readBuckets(buckets, urls.map(bucketOf));
  const existing = articlesIn(current, urls);
  const batch = new Map<string, StoredArticle>();
  const before = new Map<string, StoredArticle | undefined>();
  const outcomes: Outcome[] = [];
  items.forEach((item, i) => {
    const url = urls[i]!;
    if (!before.has(url)) before.set(url, existing.get(url));
    const current = batch.get(url) ?? existing.get(url);
    const currentPublic = current && publicPart(current);
    let next: ArticleRecord;
    if ('replace' in item) next = item.replace;
    else if ('facts' in item) next = mergeArticle(currentPublic, item.facts, now);
    else if (!currentPublic) next = item.record;
    else {
      const merged = mergeArticle(currentPublic, factsOf(item.record), now);
      const firstSeenAt = Math.min(currentPublic.firstSeenAt, item.record.firstSeenAt);
      next = merged === currentPublic && firstSeenAt === currentPublic.firstSeenAt ? merged : { ...merged, firstSeenAt };
    }
    if (vocabulary && !('replace' in item)) next = applyVocabulary(next, currentPublic, vocabulary, now);
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
  return { meta, fresh, current, batch, before, outcomes, added };
}

/** A merged record with the vocabulary applied; the stored one itself when that leaves it as stored. */
function applyVocabulary(next: ArticleRecord, stored: ArticleRecord | undefined, vocabulary: SiteVocabulary, now: number): ArticleRecord {
  const repaired = repairRecord(next, vocabulary).record;
  if (repaired === next) return next;
  if (stored && sameRecord(stored, repaired) && repaired.firstSeenAt === stored.firstSeenAt) return stored;
  return { ...repaired, updatedAt: Math.max(now, repaired.updatedAt) };
}

/** The outcome of writing these items, without writing anything (an import's preview). */
export async function previewArticles(tx: Tx, items: readonly Incoming[], now: number, vocabulary?: SiteVocabulary): Promise<WriteResult> {
  const { outcomes, meta, added } = await plan(tx, items, now, vocabulary);
  return { outcomes, written: () => [], docCount: meta.docCount + added };
}

/**
 * Upserts articles inside the caller's transaction: merges with what is stored, gives new articles an
 * id, and updates their buckets, the digest and the meta record (counts).
 * Everything happens in the one transaction, so a failure anywhere leaves no trace.
 */
export async function writeArticles(tx: WriteTx, items: readonly Incoming[], now: number, vocabulary?: SiteVocabulary): Promise<WriteResult> {
  const { meta, fresh, current, batch, before, outcomes, added } = await plan(tx, items, now, vocabulary);
  if (batch.size === 0) return { outcomes, written: () => [], docCount: meta.docCount };
  const buckets = tx.objectStore(STORES.articleBuckets);

  // Requests are made as soon as their values are ready and awaited together at the end: the browser
  // stores the buckets while the digest (tokenising) is being computed here.
  const writes = new PendingWrites();
  putAll(buckets, packBuckets(batch.values(), current).values());
  const digest = writeDigest(tx.objectStore(STORES.digest), [...batch.values()], fresh);
  writes.add(digest);
  meta.docCount += added;
  meta.lastUpdatedAt = Math.max(meta.lastUpdatedAt ?? 0, now);
  countTags(meta.tags, batch, before);
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

/**
 * Moves the articles' tag counts from what each stored before to what it stores now (a tag repeated in
 * one record counts once; a tag left with no article is dropped). A tag takes the name its latest
 * written record carries: records carry the vocabulary's name, so a renamed term renames its tally.
 */
function countTags(tags: Map<string, TagTally>, batch: ReadonlyMap<string, StoredArticle>, before: ReadonlyMap<string, StoredArticle | undefined>): void {
  const move = (article: StoredArticle | undefined, by: number) => {
    const seen = new Set<string>();
    for (const { slug, name } of article?.tags ?? []) {
      if (seen.has(slug)) continue;
      seen.add(slug);
      const tally = tags.get(slug);
      const count = (tally?.count ?? 0) + by;
      if (count <= 0) tags.delete(slug);
      else if (!tally) tags.set(slug, { name, count });
      else {
        tally.count = count;
        if (by > 0) tally.name = name;
      }
    }
  };
  for (const [url, stored] of batch) {
    move(before.get(url), -1);
    move(stored, 1);
  }
}
