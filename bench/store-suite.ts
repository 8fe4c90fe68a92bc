import { createStore, tagWeight } from '../lib/db';
import { articleIn, bucketOf, packBuckets, type ArticleBucket } from '../lib/db/buckets';
import { packPostings, postingBucketOf } from '../lib/db/posting-buckets';
import { buildPostings, CategoryDictionary, toMinutes } from '../lib/db/postings';
import { STORES, type StoredArticle } from '../lib/db/schema';
import type { ArticleRecord } from '../lib/model';
import { normalize } from '../lib/db/text';
import { prng, syntheticArticles } from './store-data';

/** One benchmark run at N articles over one IDBFactory (fake-indexeddb in Node, real in Chromium). */
export interface SuiteResult {
  n: number;
  importMs: number;
  /** Bare puts of the same records, one per article (the v1–v4 layout), into an index-less store. */
  importPerRecordMs: number;
  /** Bare puts of the same records packed in the same buckets as ours, into an index-less store: our floor. */
  importFloorMs: number;
  relatedFirstMs: number;
  /** Bare read of every digest record in one transaction: the floor of a cold catalog load. */
  digestFloorMs: number;
  related: Stats;
  relatedFloor: Stats;
  relatedNaive: Stats;
  browse: Stats;
  browseFloor: Stats;
  browseNaive: Stats;
  /** Tag statistics (the 200 most used tags): first call on a fresh store (cold), then warm. */
  tagStatsColdMs: number;
  tagStats: Stats;
  searchColdMs: number;
  search: Stats;
  searchNaive: Stats;
}
export interface Stats {
  p50: number;
  p95: number;
  runs: number;
}

const now = () => performance.now();

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), runs: samples.length };
}

async function time(runs: number, body: (i: number) => Promise<unknown>): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = now();
    await body(i);
    samples.push(now() - t);
  }
  return stats(samples);
}

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });

/** Every stored article (the naive peers read them all). */
async function everyArticle(db: IDBDatabase): Promise<StoredArticle[]> {
  const buckets = (await request(db.transaction(STORES.articleBuckets).objectStore(STORES.articleBuckets).getAll())) as ArticleBucket[];
  return buckets.flatMap((bucket) => bucket.records.map((json) => JSON.parse(json) as StoredArticle));
}

/** Naive related: read every article, score with the same IDF in JS, sort, keep the top 8. */
async function naiveRelated(db: IDBDatabase, url: string): Promise<string[]> {
  const all = await everyArticle(db);
  const df = new Map<string, number>();
  for (const doc of all) for (const tag of doc.tags) df.set(tag.slug, (df.get(tag.slug) ?? 0) + 1);
  const target = all.find((doc) => doc.url === url)!;
  const mine = new Set(target.tags.map((tag) => tag.slug));
  const scored = all
    .filter((doc) => doc.url !== url)
    .map((doc) => ({ url: doc.url, score: doc.tags.reduce((sum, tag) => sum + (mine.has(tag.slug) ? tagWeight(df.get(tag.slug)!, all.length) : 0), 0) }))
    .filter((doc) => doc.score > 0)
    .sort((a, b) => b.score - a.score || (a.url < b.url ? -1 : 1));
  return scored.slice(0, 8).map((doc) => doc.url);
}

function rawDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return request(factory.open(name)) as Promise<IDBDatabase>;
}

export async function runSuite(factory: IDBFactory, n: number, options: { queries: number; naiveQueries: number; name: string }): Promise<SuiteResult> {
  const articles: ArticleRecord[] = syntheticArticles(n);
  const store = createStore(factory, { name: options.name });
  await store.db();

  // Bulk import: our upsert (merge + ids + postings + digest + meta) vs bare puts of the same records,
  // one record per article and packed in the same buckets as ours (the floor of our layout).
  let t = now();
  await store.putRecords(articles);
  const importMs = now() - t;
  const barePuts = async (suffix: string, keyPath: string, values: readonly unknown[]) => {
    const floorDb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(`${options.name}-${suffix}`, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('records', { keyPath });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const started = now();
    const floorTx = floorDb.transaction('records', 'readwrite');
    for (const value of values) floorTx.objectStore('records').put(value);
    await done(floorTx);
    const elapsed = now() - started;
    floorDb.close();
    return elapsed;
  };
  const importPerRecordMs = await barePuts('per-record', 'url', articles);
  // The floor's grouping is done before its clock starts: it stands for the puts alone.
  const stored = articles.map((article, i): StoredArticle =>
    article.publishedAt ? { ...article, id: i + 1, pub: toMinutes(article.publishedAt) } : { ...article, id: i + 1 },
  );
  const packed = [...packBuckets(stored).values()];
  const importFloorMs = await barePuts('buckets', 'bucket', packed);
  // What an on-disk related or browse query must read, the floor of ours: the article buckets and the
  // posting buckets (schema v5's, built from the same records) in a bare database of their own, as our
  // schema keeps no postings lists since v6.
  const floorDb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(`${options.name}-floor`, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('articles', { keyPath: 'bucket' });
      req.result.createObjectStore('postings', { keyPath: 'bucket' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const fillTx = floorDb.transaction(['articles', 'postings'], 'readwrite');
  for (const bucket of packed) fillTx.objectStore('articles').put(bucket);
  for (const bucket of packPostings(buildPostings(stored, new CategoryDictionary()).values())) fillTx.objectStore('postings').put(bucket);
  await done(fillTx);

  // Cold figures: a fresh connection and an empty catalog, like a service worker that just woke.
  await store.close();
  const words = ['securite', 'attaque', 'chiffrement donnees', 'faille serveur', 'botnet', 'vulnerab', 'mot de passe', 'scada industriel'];
  t = now();
  await store.search(words[0]!, 20);
  const searchColdMs = now() - t;
  await store.close();
  const random = prng(7);
  const pick = () => articles[Math.floor(random() * articles.length)]!.url;
  const queries = Array.from({ length: options.queries }, pick);
  t = now();
  await store.related(queries[0]!, 8);
  const relatedFirstMs = now() - t;
  const related = await time(options.queries, (i) => store.related(queries[i]!, 8));

  const db = await rawDb(factory, options.name);
  t = now();
  await request(db.transaction(STORES.digest).objectStore(STORES.digest).getAll());
  const digestFloorMs = now() - t;
  const relatedFloor = await time(options.queries, async (i) => {
    const tx = floorDb.transaction(['articles', 'postings']);
    const bucket = (await request(tx.objectStore('articles').get(bucketOf(queries[i]!)))) as ArticleBucket;
    const doc = articleIn(bucket, queries[i]!)!;
    await Promise.all(doc.tags.map((tag) => request(tx.objectStore('postings').get(postingBucketOf(`t:${tag.slug}`)))));
  });
  const relatedNaive = await time(options.naiveQueries, (i) => naiveRelated(db, queries[i]!));

  // Browse one page of 20 by tag, for tags across the frequency range.
  const tags = Array.from({ length: 50 }, (_, i) => `tag-${Math.floor(Math.pow(1.16, i)) - 1}`);
  const browse = await time(tags.length, (i) => store.browse('tag', tags[i]!, 0, 20));
  const browseFloor = await time(tags.length, (i) =>
    request(
      floorDb
        .transaction('postings')
        .objectStore('postings')
        .get(postingBucketOf(`t:${tags[i]}`)),
    ),
  );
  const browseNaive = await time(Math.min(tags.length, options.naiveQueries), async (i) => {
    const all = await everyArticle(db);
    return all
      .filter((doc) => doc.tags.some((tag) => tag.slug === tags[i]))
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .slice(0, 20);
  });

  // Tag statistics: the first call after the worker wakes, then warm calls.
  await store.close();
  t = now();
  await store.tagStats(200);
  const tagStatsColdMs = now() - t;
  const tagStats = await time(50, () => store.tagStats(200));

  // Search: warm queries (the cold one was measured above); naive scans all.
  const search = await time(options.queries, (i) => store.search(words[i % words.length]!, 20));
  const searchNaive = await time(Math.min(options.queries, options.naiveQueries), async (i) => {
    const all = await everyArticle(db);
    const terms = normalize(words[i % words.length]!).split(' ');
    return all
      .filter((doc) => {
        const text = normalize(`${doc.title} ${doc.excerpt}`);
        return terms.every((term) => text.includes(term));
      })
      .slice(0, 20);
  });
  db.close();
  floorDb.close();
  await store.close();
  return {
    n,
    importMs,
    importPerRecordMs,
    importFloorMs,
    relatedFirstMs,
    digestFloorMs,
    related,
    relatedFloor,
    relatedNaive,
    browse,
    browseFloor,
    browseNaive,
    tagStatsColdMs,
    tagStats,
    searchColdMs,
    search,
    searchNaive,
  };
}
