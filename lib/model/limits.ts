/** Size caps for anything learnt from a page or a file: pages are hostile and files can be huge. */
export const LIMITS = {
  url: 2048,
  title: 500,
  author: 200,
  tagName: 120,
  slug: 200,
  tagsPerArticle: 100,
  listingItems: 200,
  /** Terms one page may teach (tag cloud, Catégories widget, tag links). */
  vocabulary: 1000,
  excerpt: 400,
  noteText: 100_000,
  reason: 300,
} as const;
