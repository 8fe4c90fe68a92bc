/** lib/crawl: one polite, resumable crawler for the background and the CLI (no browser API inside). */
export { Crawler } from './runner';
export type { CrawlDeps, CrawlOptions, CrawlStore } from './types';
export { Checkpoint, readCheckpoint, statusOf, CHECKPOINT_VERSION, type CrawlCounts } from './checkpoint';
export type { CrawlMode } from './book';
export { DEFAULT_FETCH_LIMITS, fetchOnce, type FetchLike, type FetchLimits } from './fetch-page';
export { POLITENESS, PoliteGate, systemClock, parseRetryAfter, backoffMs, type Clock } from './politeness';
export { parseRobots, robotsAllows } from './robots';
export { parseSitemap } from './sitemap';
export type { Recognise } from './pages';
