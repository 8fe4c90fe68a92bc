import * as z from 'zod/mini';
import { LIMITS } from './limits';
import { Category, DeclaredHttps, PostId, Tag, TagList } from './article';
import { EpochMs, HttpUrl, IsoDateTime, Rating, Slug, count, nonEmptyText, text } from './primitives';

/** An indexed article as the store keeps it (key: canonical URL). */
export const ArticleRecord = z.object({
  url: HttpUrl,
  postId: PostId,
  title: nonEmptyText(LIMITS.title),
  author: z.nullable(nonEmptyText(LIMITS.author)),
  category: z.nullable(Category),
  tags: TagList,
  publishedAt: z.nullable(IsoDateTime),
  excerpt: text(LIMITS.excerpt),
  /** True once the full tag list is known (article page, or a teaser that carries tag markup). */
  tagsComplete: z.boolean(),
  /** The richest source seen so far: the article page itself, or only listing teasers. */
  detail: z.enum(['article', 'teaser']),
  /** post_class() classes (lossy form) of a teaser-only record the vocabulary has not resolved yet: never shown. */
  pending: z.optional(z.array(Slug).check(z.maxLength(LIMITS.tagsPerArticle))),
  /** Tags learnt from the tag's own listing page (kept when the article page is read). */
  listed: z.optional(z.array(Slug).check(z.maxLength(LIMITS.tagsPerArticle))),
  /** The article page declared its address with https: shown and opened so (shownUrl). */
  https: DeclaredHttps,
  firstSeenAt: EpochMs,
  updatedAt: EpochMs,
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

export const HostName = z.string().check(z.minLength(1), z.maxLength(LIMITS.hostName), z.regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'must be a host name'));

export const Settings = z.object({
  archiveHosts: z.array(HostName).check(z.minLength(1), z.maxLength(LIMITS.archiveHosts)),
  panelEnabled: z.boolean(),
  waybackEnabled: z.boolean(),
  crawlDelayMs: z.number().check(z.int(), z.minimum(0), z.maximum(LIMITS.crawlDelayMs)),
  crawlConcurrency: z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.crawlConcurrency)),
});
export type Settings = z.infer<typeof Settings>;

export const RelatedItem = z.object({
  url: HttpUrl,
  title: text(LIMITS.title),
  publishedAt: z.nullable(IsoDateTime),
  category: z.nullable(Category),
  sharedTags: z.array(Tag),
  score: z.number().check(z.nonnegative()),
  rating: z.nullable(Rating),
  https: DeclaredHttps,
});
export type RelatedItem = z.infer<typeof RelatedItem>;

export const TagStat = z.extend(Tag, { count: count() });
export type TagStat = z.infer<typeof TagStat>;

export const SearchHit = z.object({
  kind: z.enum(['note', 'article']),
  url: HttpUrl,
  title: text(LIMITS.title),
  snippet: text(LIMITS.excerpt),
  score: z.number(),
  rating: z.nullable(Rating),
  publishedAt: z.nullable(IsoDateTime),
  https: DeclaredHttps,
});
export type SearchHit = z.infer<typeof SearchHit>;

export const IndexStatus = z.object({
  articles: count(),
  tags: count(),
  notes: count(),
  trash: count(),
  lastUpdatedAt: z.nullable(EpochMs),
});
export type IndexStatus = z.infer<typeof IndexStatus>;

export const CrawlState = z.enum(['idle', 'running', 'paused', 'done', 'cancelled', 'failed']);
export type CrawlState = z.infer<typeof CrawlState>;

export const CrawlStatus = z.object({
  state: CrawlState,
  mode: z.nullable(z.enum(['full', 'refresh'])),
  pagesFetched: count(),
  articlesIndexed: count(),
  queued: count(),
  errors: count(),
  startedAt: z.nullable(EpochMs),
  updatedAt: z.nullable(EpochMs),
  etaMs: z.nullable(z.number().check(z.nonnegative())),
  message: z.nullable(text(LIMITS.reason)),
});
export type CrawlStatus = z.infer<typeof CrawlStatus>;

export const CrawlLogEntry = z.object({ url: text(LIMITS.url), reason: text(LIMITS.reason), at: EpochMs });
export type CrawlLogEntry = z.infer<typeof CrawlLogEntry>;

export const ImportCounts = z.object({ added: count(), updated: count(), kept: count(), rejected: count() });
export type ImportCounts = z.infer<typeof ImportCounts>;

/** One of the reader's settings, by name (an import shows which the file would change). */
export const SettingKey = z.enum(['archiveHosts', 'panelEnabled', 'waybackEnabled', 'crawlDelayMs', 'crawlConcurrency']);
export type SettingKey = z.infer<typeof SettingKey>;

/** A file's settings beside the reader's: applied only when the reader asks (a shared index may carry anyone's hosts). */
export const ImportSettings = z.object({
  current: Settings,
  incoming: Settings,
  changed: z.array(SettingKey).check(z.maxLength(5)),
  applied: z.boolean(),
});
export type ImportSettings = z.infer<typeof ImportSettings>;

export const ImportReport = z.object({
  applied: z.boolean(),
  articles: ImportCounts,
  notes: ImportCounts,
  trash: ImportCounts,
  highlights: ImportCounts,
  /** null: the file carries no settings. */
  settings: z.nullable(ImportSettings),
  /** Times in the file later than a day from now, set to the time of import. */
  futureTimes: count(),
  rejections: z.array(z.object({ reason: text(LIMITS.reason), count: z.number().check(z.int(), z.positive()) })).check(z.maxLength(100)),
});
export type ImportReport = z.infer<typeof ImportReport>;
