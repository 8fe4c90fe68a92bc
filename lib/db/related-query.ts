import type { IDBPTransaction } from 'idb';
import type { Note, RelatedItem, Tag } from '../model';
import { readMeta } from './article-writer';
import { guarded } from './errors';
import { CategoryDictionary, toMinutes } from './postings';
import { finalize, preselect, type PostingList, type Ranked } from './related';
import { NO_TIME, STORES, categoryKey, tagKey, type AnyDb, type PostingRecord, type StoredArticle } from './schema';

type ReadTx = IDBPTransaction<unknown, string[], 'readonly'>;

/** Turns ranked ids into RelatedItems (titles, shared tag names, the reader's rating). */
export function toRelatedItems(ranked: readonly Ranked[], records: Map<number, StoredArticle>, ratings: Map<string, number | null>, tagNames: Map<string, string>): RelatedItem[] {
  return ranked.flatMap((item) => {
    const record = records.get(item.id);
    if (!record) return [];
    const sharedTags: Tag[] = item.sharedTags.map((slug) => ({ slug, name: tagNames.get(slug) ?? slug }));
    return [{ url: record.url, title: record.title, publishedAt: record.publishedAt, category: record.category, sharedTags, score: item.score, rating: ratings.get(record.url) ?? null }];
  });
}

/**
 * Related articles for `url`, straight from IndexedDB in one read-only transaction: the article, its
 * tags' postings (cached document frequencies come with them: df = postings length), the pure ranking,
 * then only the winners (and any ties at the cut) are read back with the reader's ratings (from the
 * caller's ratings cache when it has one, saving a round trip).
 */
export function relatedFor(db: AnyDb, url: string, limit: number, ratingsCache?: ReadonlyMap<string, number | null>): Promise<RelatedItem[]> {
  return guarded(async () => {
    const tx = db.transaction([STORES.articles, STORES.postings, STORES.meta, STORES.notes]) as ReadTx;
    const postingsStore = tx.objectStore(STORES.postings);
    const [article, meta] = await Promise.all([tx.objectStore(STORES.articles).get(url) as Promise<StoredArticle | undefined>, readMeta(tx)]);
    if (!article) return [];
    const categories = new CategoryDictionary(meta.categories);
    const target = { id: article.id, cat: categories.indexOf(article.category?.slug, false), min: article.pub ?? NO_TIME };
    const tagPostings = (await Promise.all(article.tags.map((tag) => postingsStore.get(tagKey(tag.slug)) as Promise<PostingRecord | undefined>))).filter(
      (p): p is PostingRecord => p !== undefined && p.ids.length > 1,
    );
    let selection = preselect(target, tagPostings, null, meta.docCount, limit);
    if (selection.pool.length === 0) selection = preselect(target, [], await fallbackPool(tx, article, limit), meta.docCount, limit);
    const records = await readByIds(tx, selection.pool.map((item) => item.id));
    const ranked = finalize(selection, (id) => records.get(id)?.url ?? '');
    const winners = ranked.map((item) => records.get(item.id)?.url ?? '');
    const ratings = ratingsCache ? new Map(winners.map((u) => [u, ratingsCache.get(u) ?? null])) : await readRatings(tx, winners);
    const tagNames = new Map(article.tags.map((tag) => [tag.slug, tag.name]));
    return toRelatedItems(ranked, records, ratings, tagNames);
  });
}

async function readByIds(tx: ReadTx, ids: readonly number[]): Promise<Map<number, StoredArticle>> {
  const byId = tx.objectStore(STORES.articles).index('id');
  const records = await Promise.all(ids.map((id) => byId.get(id) as Promise<StoredArticle | undefined>));
  return new Map(records.flatMap((record) => (record ? [[record.id, record] as const] : [])));
}

async function readRatings(tx: ReadTx, urls: readonly string[]): Promise<Map<string, number | null>> {
  const notes = tx.objectStore(STORES.notes);
  const found = await Promise.all(urls.map((url) => (url ? (notes.get(url) as Promise<Note | undefined>) : undefined)));
  return new Map(found.flatMap((note) => (note ? [[note.url, note.rating] as const] : [])));
}

/**
 * Candidates when no tag is shared: the rubrique's postings; with no rubrique, the articles nearest in
 * date on either side (ties at the edge included), or — undated — the first articles by URL.
 */
async function fallbackPool(tx: ReadTx, article: StoredArticle, limit: number): Promise<PostingList | null> {
  if (article.category) return ((await tx.objectStore(STORES.postings).get(categoryKey(article.category.slug))) as PostingRecord | undefined) ?? null;
  const docs: StoredArticle[] = [];
  const published = tx.objectStore(STORES.articles).index('published');
  if (article.pub !== undefined) {
    for (const direction of ['next', 'prev'] as const) {
      const range = direction === 'next' ? IDBKeyRange.lowerBound(article.pub) : IDBKeyRange.upperBound(article.pub);
      let cursor = await published.openCursor(range, direction);
      let taken = 0;
      let lastPub: number | undefined;
      while (cursor && (taken < limit + 1 || (cursor.value as StoredArticle).pub === lastPub)) {
        const doc = cursor.value as StoredArticle;
        docs.push(doc);
        taken += 1;
        lastPub = doc.pub;
        cursor = await cursor.continue();
      }
    }
  }
  if (docs.length <= limit) {
    // Undated articles are all equally far: the first ones by URL (when the target is undated too, all are).
    const undatedOnly = article.pub !== undefined;
    let cursor = await tx.objectStore(STORES.articles).openCursor();
    let taken = 0;
    while (cursor && taken <= limit) {
      const doc = cursor.value as StoredArticle;
      if (!undatedOnly || doc.pub === undefined) {
        docs.push(doc);
        taken += 1;
      }
      cursor = await cursor.continue();
    }
  }
  const unique = [...new Map(docs.map((doc) => [doc.id, doc])).values()].sort((a, b) => a.id - b.id);
  return {
    slug: '',
    name: '',
    ids: unique.map((doc) => doc.id),
    mins: unique.map((doc) => toMinutes(doc.publishedAt)),
    cats: unique.map(() => 0),
  };
}
