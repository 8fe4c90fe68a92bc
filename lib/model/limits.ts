/**
 * Size caps for anything learnt from a page, a file or a message (pages are hostile, files can be huge),
 * and the bounds of the reader's settings. One place: schemas, the protocol, the store and the UI read them
 * from here, so a form never offers what the background would refuse.
 */
export const LIMITS = {
  url: 2048,
  /** DNS: a host name is at most 253 characters. */
  hostName: 253,
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
  /** A search or notes-filter query. */
  query: 500,
  /** URLs per ui.countIndexed (a listing page's teasers, with room to spare). */
  urlsPerCount: 500,
  archiveHosts: 50,
  crawlDelayMs: 60_000,
  crawlConcurrency: 4,
} as const;
