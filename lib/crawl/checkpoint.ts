/**
 * The crawl checkpoint: everything needed to carry on after the worker is killed — queue, seen URLs,
 * which articles are known (and whether their tags are complete), counts, the log. Checked with zod on
 * load, because it comes back from storage that may be old or damaged.
 */
import * as z from 'zod/mini';
import { CrawlLogEntry, CrawlState, LIMITS, type CrawlStatus } from '../model';
import { JOB_KINDS, type FrontierData } from './frontier';

export const CHECKPOINT_VERSION = 1;
/** The crawl log keeps the latest entries only. */
export const LOG_LIMIT = 1000;

const Count = z.number().check(z.int(), z.nonnegative());
const Url = z.string().check(z.maxLength(LIMITS.url));

const Job = z.object({ url: Url, kind: z.enum(JOB_KINDS), tries: Count, notBefore: Count });

export const CrawlCounts = z.object({
  requests: Count,
  pagesFetched: Count,
  errors: Count,
  retries: Count,
  articlesIndexed: Count,
});
export type CrawlCounts = z.infer<typeof CrawlCounts>;

export const Checkpoint = z.object({
  version: z.literal(CHECKPOINT_VERSION),
  mode: z.enum(['full', 'refresh']),
  baseUrl: Url,
  hosts: z.array(z.string()),
  state: CrawlState,
  message: z.nullable(z.string().check(z.maxLength(LIMITS.reason))),
  startedAt: Count,
  updatedAt: Count,
  counts: CrawlCounts,
  queue: z.array(Job),
  seen: z.array(Url),
  /** Articles seen with their full tag list (teaser with tag classes, or the article page). */
  complete: z.array(Url),
  /** Articles seen without tags yet (sitemap entry, teaser without tag markup). */
  incomplete: z.array(Url),
  /**
   * Of those, teasers whose post_class classes only wait on the site vocabulary: fetched last, once
   * the other article pages have taught the vocabulary what they could (absent in older checkpoints).
   */
  waiting: z.optional(z.array(Url)),
  /** Rubrique and tag listings held back until the home pagination shows a gap. */
  held: z.array(Url),
  phase: z.enum(['discover', 'sections', 'tags', 'articles']),
  /** How many articles the archive says it has (sitemap entries, sidebar rubrique counts). */
  expected: z.nullable(Count),
  /** A home listing page failed, so the pagination may have skipped articles. */
  homeGap: z.boolean(),
  disallow: z.array(z.object({ pattern: z.string(), allow: z.boolean() })),
  log: z.array(CrawlLogEntry),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** Validates stored data; null when it is missing, damaged or from another version. Never throws. */
export function readCheckpoint(raw: unknown): Checkpoint | null {
  const parsed = Checkpoint.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function emptyCounts(): CrawlCounts {
  return { requests: 0, pagesFetched: 0, errors: 0, retries: 0, articlesIndexed: 0 };
}

export function frontierOf(checkpoint: Checkpoint): FrontierData {
  return { queue: checkpoint.queue, seen: checkpoint.seen };
}

export type StatusFields = Pick<Checkpoint, 'state' | 'mode' | 'message' | 'startedAt' | 'updatedAt' | 'counts'> & { queued: number };

/** The public status shape (lib/model CrawlStatus). */
export function statusOf(fields: StatusFields | null, etaMs: number | null = null): CrawlStatus {
  if (!fields) {
    return {
      state: 'idle',
      mode: null,
      pagesFetched: 0,
      articlesIndexed: 0,
      queued: 0,
      errors: 0,
      startedAt: null,
      updatedAt: null,
      etaMs: null,
      message: null,
    };
  }
  return {
    state: fields.state,
    mode: fields.mode,
    pagesFetched: fields.counts.pagesFetched,
    articlesIndexed: fields.counts.articlesIndexed,
    queued: fields.queued,
    errors: fields.counts.errors,
    startedAt: fields.startedAt,
    updatedAt: fields.updatedAt,
    etaMs: fields.state === 'running' ? etaMs : null,
    message: fields.message,
  };
}
