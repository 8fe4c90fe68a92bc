import type { IDBPTransaction } from 'idb';
import type { ArticleRecord } from '../model';
import { digestRow, writeDigest, type DigestRow } from './digest';
import { allRequests } from './errors';
import { mergeArticle, type ArticleFacts } from './merge';
import { applyEntries, CategoryDictionary, emptyPosting, findId, postingKeysOf, toMinutes, type PostingEntry } from './postings';
import { META_KEY, NO_TIME, STORES, type Meta, type PostingRecord, type StoredArticle } from './schema';

export type WriteTx = IDBPTransaction<unknown, string[], 'readwrite'>;
export type Incoming = { facts: ArticleFacts } | { record: ArticleRecord };
export type Outcome = 'added' | 'updated' | 'kept';

/** Stores that an article write touches; callers include them in their transaction. */
export const ARTICLE_WRITE_STORES = [STORES.articles, STORES.postings, STORES.meta, STORES.digest] as const;

/** Above this many items it is cheaper to list the keys once than to probe each one. */
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
 * id, and updates every affected postings list and the meta record. Everything happens in the one
 * transaction, so a failure anywhere leaves no trace.
 */
export interface WriteResult {
  outcomes: Outcome[];
  /** Digest rows of the records added or changed, for the in-memory catalog to patch itself. */
  written: DigestRow[];
  docCount: number;
}

export async function writeArticles(tx: WriteTx, items: readonly Incoming[], now: number, dryRun = false): Promise<WriteResult> {
  const articles = tx.objectStore(STORES.articles);
  const meta = await readMeta(tx);
  const urls = items.map((item) => ('facts' in item ? item.facts.url : item.record.url));
  const existing = await readExisting(articles, urls, meta);
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
  const written = dryRun ? [] : [...batch.values()].map(digestRow);
  const added = [...batch.keys()].filter((url) => !before.get(url)).length;
  if (batch.size === 0 || dryRun) return { outcomes, written, docCount: meta.docCount + (dryRun ? added : 0) };
  const changes = postingChanges(batch, before, categories);
  await writePostings(tx, changes, meta);
  await writeDigest(tx, written, meta.docCount === 0);
  await allRequests(batch.values(), (stored) => articles.put(stored));
  meta.docCount += added;
  meta.categories = categories.slugs;
  meta.lastUpdatedAt = Math.max(meta.lastUpdatedAt ?? 0, now);
  await tx.objectStore(STORES.meta).put(meta, META_KEY);
  return { outcomes, written, docCount: meta.docCount };
}

async function readExisting(
  articles: { getAllKeys(): Promise<IDBValidKey[]>; get(key: string): Promise<unknown> },
  urls: readonly string[],
  meta: Meta,
): Promise<Map<string, StoredArticle>> {
  const found = new Map<string, StoredArticle>();
  if (meta.docCount === 0) return found;
  let probe = [...new Set(urls)];
  if (probe.length > BULK) {
    const keys = new Set((await articles.getAllKeys()) as string[]);
    probe = probe.filter((url) => keys.has(url));
  }
  const records = await allRequests(probe, (url) => articles.get(url) as Promise<StoredArticle | undefined>);
  records.forEach((record, i) => record && found.set(probe[i]!, record));
  return found;
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

async function writePostings(tx: WriteTx, changes: Map<string, PostingChange>, meta: Meta): Promise<void> {
  const store = tx.objectStore(STORES.postings);
  let keys = [...changes.keys()];
  if (meta.docCount === 0) keys = [];
  else if (keys.length > BULK) {
    const existing = new Set((await store.getAllKeys()) as string[]);
    keys = keys.filter((key) => existing.has(key));
  }
  const loaded = await allRequests(keys, (key) => store.get(key) as Promise<PostingRecord | undefined>);
  const current = new Map<string, PostingRecord>();
  loaded.forEach((posting, i) => posting && current.set(keys[i]!, posting));
  await allRequests(changes, ([key, change]): Promise<unknown> => {
    let posting = current.get(key) ?? emptyPosting(key, change.slug, change.name);
    if (change.remove.length > 0) posting = removeIds(posting, change.remove);
    posting = applyEntries(posting, change.upsert);
    return posting.ids.length === 0 ? store.delete(key) : store.put(posting);
  });
}

function removeIds(posting: PostingRecord, ids: readonly number[]): PostingRecord {
  const drop = new Set(ids.map((id) => findId(posting.ids, id)).filter((at) => at >= 0));
  if (drop.size === 0) return posting;
  const keep = (_: number, i: number) => !drop.has(i);
  return { ...posting, ids: posting.ids.filter(keep), mins: posting.mins.filter(keep), cats: posting.cats.filter(keep) };
}
