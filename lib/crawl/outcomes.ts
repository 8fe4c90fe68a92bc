/**
 * What one fetch outcome does to the crawl: robots and sitemaps are read, redirects re-queued when they
 * stay on the archive host (the target is then fetched as its own job: no answer that came through a
 * redirect is ever read, so none from off the archive reaches the index), failures retried with back-off
 * (server-wide hold on 429/503) or given up and logged. HTML pages are handled by pages.ts once this says
 * the fetch itself succeeded.
 */
import type { CrawlBook } from './book';
import type { FetchOutcome } from './fetch-page';
import type { Job } from './frontier';
import type { PageInfo } from '../model';
import { applyHtml, enqueue, handleRobots, handleSitemap, skipPastFailedListing, type Prepared } from './pages';
import { POLITENESS, backoffMs } from './politeness';
import { httpUrl, onHosts, urlKey } from './urls';

export interface RetryPolicy {
  maxTries: number;
  delayMs: number;
  backoffBaseMs: number;
}

export interface Effect {
  succeeded: boolean;
  /** A try failed in a way that says the server is struggling (counts towards pausing). */
  failedTry: boolean;
  holdUntil: number | null;
  pauseMessage: string | null;
  lastReason: string | null;
  /** The URL was given up for another reason than "not there" (a listing page may hide more). */
  lostPage: boolean;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export function applyOutcome(book: CrawlBook, job: Job, outcome: FetchOutcome, now: number, policy: RetryPolicy): Effect {
  const effect: Effect = { succeeded: false, failedTry: false, holdUntil: null, pauseMessage: null, lastReason: null, lostPage: false };
  if (outcome.ok === true) {
    book.counts.pagesFetched++;
    if (job.kind === 'robots') handleRobots(book, outcome.body);
    if (job.kind === 'sitemap') {
      const problem = handleSitemap(book, outcome.body, outcome.url);
      if (problem) book.addLog(job.url, problem, now);
    }
    return { ...effect, succeeded: true };
  }
  if (outcome.ok === 'redirect') {
    const target = httpUrl(outcome.location);
    if (!target || !onHosts(target, book.hosts)) {
      book.counts.errors++;
      const what = outcome.status === null ? 'redirected' : `HTTP ${outcome.status} redirect`;
      book.addLog(job.url, `${what} off the archive host to ${outcome.location.slice(0, 200)}: skipped, not indexed`, now);
      return { ...effect, succeeded: true, lostPage: true };
    } else if (!enqueue(book, target.href, job.kind)) {
      if (job.kind === 'robots') handleRobots(book, null);
      if (urlKey(target) === job.url) book.addLog(job.url, 'redirected back to itself through hosts the browser does not show: skipped, not indexed', now);
    }
    return { ...effect, succeeded: true };
  }

  const tries = job.tries + 1;
  const optional = job.kind === 'robots' || job.kind === 'sitemap';
  if (outcome.retry && tries < policy.maxTries) {
    const wait = Math.max(outcome.retryAfterMs ?? 0, backoffMs(tries, policy.delayMs, policy.backoffBaseMs));
    book.counts.retries++;
    book.frontier.retry(job, now + wait);
    book.addLog(job.url, `${outcome.reason}; try ${tries} of ${policy.maxTries}, retrying in ${seconds(wait)}`, now);
    const busy = outcome.status === 429 || outcome.status === 503;
    const pauseMessage =
      outcome.retryAfterMs !== null && outcome.retryAfterMs > POLITENESS.maxRetryAfterMs
        ? `Paused: the archive asked us to wait ${seconds(outcome.retryAfterMs)} (Retry-After on ${job.url}); resume later.`
        : null;
    return { ...effect, failedTry: true, holdUntil: busy ? now + wait : null, pauseMessage, lastReason: outcome.reason };
  }

  // Given up on this URL.
  const missing = outcome.status === 404 || outcome.status === 410;
  if (job.kind === 'robots') handleRobots(book, null);
  if (optional && missing) {
    book.addLog(job.url, `not present (HTTP ${outcome.status})`, now);
    return { ...effect, succeeded: true };
  }
  book.counts.errors++;
  book.addLog(job.url, outcome.retry ? `${outcome.reason}; gave up after ${tries} tries` : `${outcome.reason}: skipped`, now);
  return { ...effect, failedTry: outcome.retry, lastReason: outcome.reason, lostPage: !missing };
}

/**
 * Everything a finished job does to the crawl, synchronously (so no checkpoint falls in between):
 * the fetch outcome, the page's teasers or article, and stepping over a listing page lost for good.
 * Returns the page to store with the next checkpoint, if any.
 */
export function settleJob(
  book: CrawlBook,
  job: Job,
  outcome: FetchOutcome,
  prepared: Prepared | null,
  now: number,
  policy: RetryPolicy,
): { effect: Effect; page: PageInfo | null } {
  const effect = applyOutcome(book, job, outcome, now, policy);
  let page: PageInfo | null = null;
  if (prepared && 'page' in prepared) {
    if (prepared.cut) book.addLog(job.url, `read in part: ${prepared.cut}`, now);
    page = applyHtml(book, job.kind, prepared, outcome.ok === true ? outcome.url : job.url);
    // A listing whose main column links articles no teaser was read for: the index may miss them.
    const unread = prepared.page.unread ?? 0;
    if (unread > 0)
      book.addLog(job.url, `listing page: ${unread} article link${unread > 1 ? 's' : ''} not read as teasers (${prepared.page.listing.length} teasers)`, now);
  } else if (prepared) {
    book.counts.errors++;
    book.addLog(job.url, prepared.skip, now);
  }
  if ((effect.lostPage || (prepared && 'skip' in prepared)) && (job.kind === 'home' || job.kind === 'section')) {
    // A listing page lost for good: note the gap and step over it, so one bad page does not end the walk.
    if (job.kind === 'home') book.homeGap = true;
    skipPastFailedListing(book, job.url, job.kind);
  }
  return { effect, page };
}
