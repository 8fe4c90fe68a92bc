/**
 * The crawl's bookkeeping in memory: frontier, articles known (complete or not), counts, phase, log.
 * Built from a checkpoint and turned back into one; the runner mutates it as pages come back.
 */
import type { CrawlLogEntry, CrawlState } from '../model';
import { LIMITS } from '../model';
import { CHECKPOINT_VERSION, LOG_LIMIT, emptyCounts, frontierOf, type Checkpoint, type CrawlCounts } from './checkpoint';
import { Frontier, type Job } from './frontier';
import type { RobotsRules } from './robots';
import type { StatusFields } from './checkpoint';

export type CrawlMode = 'full' | 'refresh';

export class CrawlBook {
  readonly frontier: Frontier;
  readonly complete: Set<string>;
  readonly incomplete: Set<string>;
  /** Incomplete articles whose teasers' tag classes wait on the vocabulary (Checkpoint.waiting). */
  readonly waiting: Set<string>;
  readonly held: string[];
  counts: CrawlCounts;
  state: CrawlState;
  message: string | null;
  phase: Checkpoint['phase'];
  expected: number | null;
  homeGap: boolean;
  disallow: RobotsRules['rules'];
  updatedAt: number;
  private log: CrawlLogEntry[];

  private constructor(
    readonly mode: CrawlMode,
    readonly baseUrl: string,
    readonly hosts: string[],
    readonly startedAt: number,
    from: Checkpoint | null,
  ) {
    this.frontier = from ? Frontier.from(frontierOf(from)) : new Frontier();
    this.complete = new Set(from?.complete ?? []);
    this.incomplete = new Set(from?.incomplete ?? []);
    this.waiting = new Set(from?.waiting ?? []);
    this.held = [...(from?.held ?? [])];
    this.counts = from ? { ...from.counts } : emptyCounts();
    this.state = from?.state ?? 'running';
    this.message = from?.message ?? null;
    this.phase = from?.phase ?? 'discover';
    this.expected = from?.expected ?? null;
    this.homeGap = from?.homeGap ?? false;
    this.disallow = from ? [...from.disallow] : [];
    this.updatedAt = from?.updatedAt ?? startedAt;
    this.log = from ? [...from.log] : [];
  }

  static fresh(mode: CrawlMode, baseUrl: string, hosts: string[], now: number): CrawlBook {
    return new CrawlBook(mode, baseUrl, hosts, now, null);
  }

  static resume(checkpoint: Checkpoint): CrawlBook {
    return new CrawlBook(checkpoint.mode, checkpoint.baseUrl, checkpoint.hosts, checkpoint.startedAt, checkpoint);
  }

  /**
   * An article learnt from a teaser, a sitemap or its own page. `waiting`: its teaser carries tag classes
   * the vocabulary has not resolved yet (a later page may name their terms; no fetch may be needed).
   */
  noteArticle(url: string, tagsComplete: boolean, waiting = false): void {
    if (tagsComplete) {
      this.incomplete.delete(url);
      this.waiting.delete(url);
      this.complete.add(url);
      this.counts.articlesIndexed = this.complete.size;
    } else if (!this.complete.has(url)) {
      // One teaser with tag classes is enough: once their terms are known, no page is needed.
      if (waiting) this.waiting.add(url);
      this.incomplete.add(url);
    }
  }

  addLog(url: string, reason: string, at: number): void {
    this.log.push({ url: url.slice(0, LIMITS.url), reason: reason.slice(0, LIMITS.reason), at });
    if (this.log.length > LOG_LIMIT * 1.5) this.log = this.log.slice(-LOG_LIMIT);
  }

  /** Latest entries, newest first. */
  recentLog(limit: number): CrawlLogEntry[] {
    return this.log.slice(-limit).reverse();
  }

  /** The fields a status needs, without copying the frontier. */
  statusFields(inFlight: number): StatusFields {
    return {
      state: this.state,
      mode: this.mode,
      message: this.message,
      startedAt: this.startedAt,
      updatedAt: this.updatedAt,
      counts: this.counts,
      queued: this.frontier.queued + inFlight,
    };
  }

  toCheckpoint(inFlight: readonly Job[]): Checkpoint {
    const frontier = this.frontier.snapshot(inFlight);
    return {
      version: CHECKPOINT_VERSION,
      mode: this.mode,
      baseUrl: this.baseUrl,
      hosts: [...this.hosts],
      state: this.state,
      message: this.message,
      startedAt: this.startedAt,
      updatedAt: this.updatedAt,
      counts: { ...this.counts },
      queue: frontier.queue,
      seen: frontier.seen,
      complete: [...this.complete],
      incomplete: [...this.incomplete],
      waiting: [...this.waiting],
      held: [...this.held],
      phase: this.phase,
      expected: this.expected,
      homeGap: this.homeGap,
      disallow: [...this.disallow],
      log: this.log.slice(-LOG_LIMIT),
    };
  }
}
