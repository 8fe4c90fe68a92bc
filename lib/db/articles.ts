import type { ArticleRecord, IndexStatus, TagStat } from '../model';
import { ARTICLE_WRITE_STORES, readMeta } from './article-writer';
import { allStoredArticles, articleIn, bucketOf, findArticles } from './buckets';
import { guarded, transact } from './errors';
import { STORES, type Db, type StoredArticle } from './schema';

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

export function countIndexed(db: Db, urls: readonly string[]): Promise<number> {
  return guarded(async () => {
    return (await findArticles(db.transaction(STORES.articleBuckets).store, urls)).size;
  });
}

export function indexStatus(db: Db): Promise<IndexStatus> {
  return guarded(async () => {
    const tx = db.transaction([STORES.meta, STORES.notes, STORES.trash]);
    const [meta, notes, trash] = await Promise.all([readMeta(tx), tx.objectStore(STORES.notes).count(), tx.objectStore(STORES.trash).count()]);
    return { articles: meta.docCount, tags: meta.tags.size, notes, trash, lastUpdatedAt: meta.lastUpdatedAt };
  });
}

/** Tags with their article counts, most used first (then by slug): one read of the meta record. */
export function tagStats(db: Db, limit: number): Promise<TagStat[]> {
  return guarded(async () => {
    const { tags } = await readMeta(db.transaction(STORES.meta));
    const stats = Array.from(tags, ([slug, { name, count }]) => ({ slug, name, count }));
    return stats.sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1)).slice(0, limit);
  });
}

/** Empties the article index (articles, digest, counters); notes, trash and settings stay. */
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
