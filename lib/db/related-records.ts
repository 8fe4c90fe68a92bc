import type { ArticleRecord, RelatedItem } from '../model';
import { buildPostings, CategoryDictionary, toMinutes } from './postings';
import { preselect, finalize, type PostingList } from './related';
import { toRelatedItems } from './related-items';
import { NO_TIME, categoryKey, tagKey, type StoredArticle } from './schema';

/**
 * Related articles computed from plain records (an index file, no IndexedDB): builds the same postings
 * the store keeps and runs the same pure ranking, so the CLI and the extension agree exactly.
 * Ids follow URL order; the ranking never depends on ids except to tell articles apart.
 */
export function relatedFromRecords(
  records: readonly ArticleRecord[],
  url: string,
  limit: number,
  ratings: ReadonlyMap<string, number | null> = new Map(),
): RelatedItem[] {
  const sorted = [...new Map(records.map((record) => [record.url, record])).values()].sort((a, b) => (a.url < b.url ? -1 : 1));
  const docs: StoredArticle[] = sorted.map((record, i) => ({ ...record, id: i + 1 }));
  const target = docs.find((doc) => doc.url === url);
  if (!target) return [];
  const categories = new CategoryDictionary();
  const postings = buildPostings(docs, categories);
  const rankTarget = { id: target.id, cat: categories.indexOf(target.category?.slug, false), min: toMinutes(target.publishedAt) };
  const tagPostings = target.tags.flatMap((tag) => postings.get(tagKey(tag.slug)) ?? []).filter((p) => p.ids.length > 1);
  let selection = preselect(rankTarget, tagPostings, null, docs.length, limit);
  if (selection.pool.length === 0) selection = preselect(rankTarget, [], fallbackOf(docs, target, postings), docs.length, limit);
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const ranked = finalize(selection, (id) => byId.get(id)?.url ?? '');
  return toRelatedItems(ranked, byId, new Map(ratings), new Map(target.tags.map((tag) => [tag.slug, tag.name])));
}

function fallbackOf(docs: readonly StoredArticle[], target: StoredArticle, postings: Map<string, PostingList>): PostingList | null {
  if (target.category) return postings.get(categoryKey(target.category.slug)) ?? null;
  return { slug: '', name: '', ids: docs.map((doc) => doc.id), mins: docs.map((doc) => toMinutes(doc.publishedAt) ?? NO_TIME), cats: docs.map(() => 0) };
}
