import type { RelatedItem, Tag } from '../model';
import type { Ranked } from './related';

/** The summary of an article a related item shows. */
export interface ArticleSummary {
  url: string;
  title: string;
  publishedAt: string | null;
  category: Tag | null;
  /** Shown and opened with https (ArticleRecord.https). */
  https?: true;
}

/** Turns ranked ids into RelatedItems (titles, shared tag names, the reader's rating). */
export function toRelatedItems(
  ranked: readonly Ranked[],
  records: ReadonlyMap<number, ArticleSummary>,
  ratings: ReadonlyMap<string, number | null>,
  tagNames: ReadonlyMap<string, string>,
): RelatedItem[] {
  return ranked.flatMap((item) => {
    const record = records.get(item.id);
    if (!record) return [];
    const sharedTags: Tag[] = item.sharedTags.map((slug) => ({ slug, name: tagNames.get(slug) ?? slug }));
    const https = record.https ? { https: true as const } : {};
    return [
      {
        url: record.url,
        title: record.title,
        publishedAt: record.publishedAt,
        category: record.category,
        sharedTags,
        score: item.score,
        rating: ratings.get(record.url) ?? null,
        ...https,
      },
    ];
  });
}
