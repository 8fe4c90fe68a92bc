import type { Store, StoredArticle } from './schema';

/**
 * Schema v5 stores the articles packed in a fixed number of bucket records: an article lives in
 * bucket `bucketOf(url)` (FNV-1a of its canonical URL), so a lookup by URL is still one read — of a
 * record holding ~N/512 articles (~40 at 20k). Why: in Chromium every IndexedDB request costs about
 * 0.1 ms whatever its size (20k puts of the number 1 took 1.9–2.4 s on these 2-core machines), so one
 * record per article spent more than the 2 s budget of a 20k import on requests alone; 512 bucket puts
 * of the same articles took ~0.25 s. Never change ARTICLE_BUCKETS or the hash without a migration.
 * Each article is kept as its JSON text beside its URL: reading a bucket then deserialises a few dozen
 * strings, and only the articles asked for are parsed (browse and search snippets read up to 20 buckets).
 */
export const ARTICLE_BUCKETS = 512;

export interface ArticleBucket {
  bucket: number;
  /** The canonical URLs of the bucket's articles; `records[i]` is the JSON of the article at `urls[i]`. */
  urls: string[];
  records: string[];
}

/** The article with this URL in a bucket, or undefined. */
export function articleIn(bucket: ArticleBucket | undefined, url: string): StoredArticle | undefined {
  const at = bucket ? bucket.urls.indexOf(url) : -1;
  return at < 0 ? undefined : (JSON.parse(bucket!.records[at]!) as StoredArticle);
}

/** FNV-1a (32 bits) of a string's UTF-16 code units: the bucket hash of article URLs (and of v5's posting keys). */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export const bucketOf = (url: string): number => hashOf(url) % ARTICLE_BUCKETS;

/**
 * The buckets with these numbers that exist (missing ones are absent from the map). When more than half
 * of them are wanted, one getAll of the whole store is cheaper than a read per bucket.
 */
export async function readBuckets(store: Store<'articleBuckets'>, numbers: Iterable<number>): Promise<Map<number, ArticleBucket>> {
  const wanted = [...new Set(numbers)];
  const found = new Map<number, ArticleBucket>();
  if (wanted.length > ARTICLE_BUCKETS / 2) {
    const keep = new Set(wanted);
    for (const bucket of await store.getAll()) if (keep.has(bucket.bucket)) found.set(bucket.bucket, bucket);
    return found;
  }
  const buckets = await Promise.all(wanted.map((number) => store.get(number)));
  for (const bucket of buckets) if (bucket) found.set(bucket.bucket, bucket);
  return found;
}

/** The stored articles with these URLs (unknown URLs are absent from the map). */
export async function findArticles(store: Store<'articleBuckets'>, urls: readonly string[]): Promise<Map<string, StoredArticle>> {
  const wanted = [...new Set(urls)];
  const buckets = await readBuckets(store, wanted.map(bucketOf));
  const found = new Map<string, StoredArticle>();
  for (const url of wanted) {
    const article = articleIn(buckets.get(bucketOf(url)), url);
    if (article) found.set(url, article);
  }
  return found;
}

/** Every stored article, in URL order (the order the v1–v4 `articles` store listed them by key). */
export async function allStoredArticles(store: Store<'articleBuckets'>): Promise<StoredArticle[]> {
  const all = (await store.getAll()).flatMap((bucket) => bucket.records.map((json) => JSON.parse(json) as StoredArticle));
  return all.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * Groups articles into their buckets. `into` holds the current contents of the buckets concerned
 * (read beforehand); an article replaces the one with its URL, others are appended.
 */
export function packBuckets(articles: Iterable<StoredArticle>, into: ReadonlyMap<number, ArticleBucket> = new Map()): Map<number, ArticleBucket> {
  const out = new Map<number, { bucket: ArticleBucket; at: Map<string, number> }>();
  for (const article of articles) {
    const number = bucketOf(article.url);
    let entry = out.get(number);
    if (!entry) {
      const current = into.get(number);
      const bucket = { bucket: number, urls: current ? [...current.urls] : [], records: current ? [...current.records] : [] };
      entry = { bucket, at: new Map(bucket.urls.map((url, i) => [url, i])) };
      out.set(number, entry);
    }
    const json = JSON.stringify(article);
    const at = entry.at.get(article.url);
    if (at === undefined) {
      entry.at.set(article.url, entry.bucket.urls.length);
      entry.bucket.urls.push(article.url);
      entry.bucket.records.push(json);
    } else entry.bucket.records[at] = json;
  }
  return new Map([...out].map(([number, entry]) => [number, entry.bucket]));
}
