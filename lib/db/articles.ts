import type { ArticleRecord, IndexStatus, Tag, TagStat } from '../model';
import { ARTICLE_WRITE_STORES, readMeta } from './article-writer';
import { allPostings, isTagKey, readPosting } from './posting-buckets';
import { allStoredArticles, articleIn, bucketOf, findArticles } from './buckets';
import { guarded, transact } from './errors';
import { NO_TIME, STORES, categoryKey, tagKey, type Db, type StoredArticle } from './schema';

export function publicRecord(stored: StoredArticle): ArticleRecord {
  const { id: _id, pub: _pub, ...record } = stored;
  return record;
}

export function getArticle(db: Db, url: string): Promise<ArticleRecord | null> {
  return guarded(async () => {
    const stored = articleIn(await db.get(STORES.articleBuckets, bucketOf(url)), url);
    return stored ? publicRecord(stored) : null;
  });
}

export interface BrowseResult {
  subject: Tag | null;
  items: ArticleRecord[];
  total: number;
}

/**
 * Articles with a tag or in a rubrique, newest first (undated last, then by id), one page of them.
 * `urlOf` maps posting ids to URLs (the catalog knows them; schema v4 keeps no index on ids).
 */
export function browse(db: Db, by: 'tag' | 'category', slug: string, offset: number, limit: number, urlOf: (id: number) => string | undefined): Promise<BrowseResult> {
  return guarded(async () => {
    const tx = db.transaction([STORES.postingBuckets, STORES.articleBuckets]);
    const posting = await readPosting(tx.objectStore(STORES.postingBuckets), by === 'tag' ? tagKey(slug) : categoryKey(slug));
    if (!posting) return { subject: null, items: [], total: 0 };
    const order = Array.from(posting.ids.keys());
    const sortKey = (i: number) => (posting.mins[i] === NO_TIME ? -Infinity : (posting.mins[i] as number));
    order.sort((a, b) => sortKey(b) - sortKey(a) || (posting.ids[a] as number) - (posting.ids[b] as number));
    const page = order.slice(offset, offset + limit).map((i) => posting.ids[i] as number);
    const urls = page.flatMap((id) => urlOf(id) ?? []);
    const records = await findArticles(tx.objectStore(STORES.articleBuckets), urls);
    return {
      subject: { slug: posting.slug, name: posting.name },
      items: urls.flatMap((url) => {
        const record = records.get(url);
        return record ? [publicRecord(record)] : [];
      }),
      total: posting.ids.length,
    };
  });
}

/** Tags with their article counts, most used first (then by slug). */
export function tagStats(db: Db, limit: number): Promise<TagStat[]> {
  return guarded(async () => {
    const postings = await allPostings(db.transaction(STORES.postingBuckets).store);
    const stats = postings.filter((posting) => isTagKey(posting.key)).map((posting) => ({ slug: posting.slug, name: posting.name, count: posting.ids.length }));
    return stats.sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1)).slice(0, limit);
  });
}

export function countIndexed(db: Db, urls: readonly string[]): Promise<number> {
  return guarded(async () => {
    return (await findArticles(db.transaction(STORES.articleBuckets).store, urls)).size;
  });
}

export function indexStatus(db: Db): Promise<IndexStatus> {
  return guarded(async () => {
    const tx = db.transaction([STORES.meta, STORES.notes, STORES.trash]);
    const [meta, notes, trash] = await Promise.all([readMeta(tx), tx.objectStore(STORES.notes).count(), tx.objectStore(STORES.trash).count()]);
    return { articles: meta.docCount, tags: meta.tagCount ?? 0, notes, trash, lastUpdatedAt: meta.lastUpdatedAt };
  });
}

/** Empties the article index (articles, postings, digest, counters); notes, trash and settings stay. */
export function clearIndex(db: Db): Promise<number> {
  return transact(
    () => db.transaction([...ARTICLE_WRITE_STORES], 'readwrite'),
    async (tx) => {
      const removed = (await readMeta(tx)).docCount;
      await Promise.all(ARTICLE_WRITE_STORES.map((name) => tx.objectStore(name).clear()));
      return removed;
    },
  );
}

export function allArticles(db: Db): Promise<ArticleRecord[]> {
  return guarded(async () => (await allStoredArticles(db.transaction(STORES.articleBuckets).store)).map(publicRecord));
}
