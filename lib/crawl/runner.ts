/**
 * The crawl runner: a small state machine (idle → running ⇄ paused → done | cancelled | failed) driving
 * 1–4 workers through the frontier behind one polite gate. Each finished page's results are handed to
 * the store together with the checkpoint that marks the page done, in one commit.
 */
import type { CrawlStatus, PageInfo } from '../model';
import { CrawlBook, type CrawlMode } from './book';
import { readCheckpoint, statusOf, type Checkpoint } from './checkpoint';
import { DEFAULT_FETCH_LIMITS, fetchOnce, type FetchLike, type FetchLimits, type FetchOutcome } from './fetch-page';
import type { Job } from './frontier';
import { applyHtml, prepareHtml, skipPastFailedListing, type PageTools, type Prepared } from './pages';
import { POLITENESS, PoliteGate, type Clock } from './politeness';
import { applyOutcome } from './outcomes';
import { normaliseHosts, httpUrl } from './urls';
import { canonicalHost } from '../archive/hosts';
import { enqueue } from './pages';

export interface CrawlStore {
  /** The last checkpoint written, or null. May return damaged data: the runner checks it. */
  load(): Promise<unknown>;
  /** Stores these pages' results and the checkpoint in one transaction (all or nothing). */
  commit(checkpoint: Checkpoint, pages: PageInfo[]): Promise<void>;
  /** Of these article URLs, those the index already holds with complete tags (for refresh). */
  knownComplete(urls: string[]): Promise<Set<string>>;
}

export interface CrawlDeps extends Omit<PageTools, 'knownComplete'> {
  fetch: FetchLike;
  clock: Clock;
  store: CrawlStore;
  onProgress?: (status: CrawlStatus) => void;
}

export interface CrawlOptions {
  baseUrl: string;
  /** Hosts that may be fetched (default: the base URL's host). */
  hosts?: string[];
  delayMs?: number;
  concurrency?: number;
  limits?: Partial<FetchLimits>;
  /** Minimum time between commits; pages finished meanwhile share one (default 200 ms). */
  commitEveryMs?: number;
  maxTries?: number;
  backoffBaseMs?: number;
}

export class Crawler {
  private book: CrawlBook | null = null;
  private running: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private readonly inFlight = new Map<string, Job>();
  private pending: PageInfo[] = [];
  private lastCommit = 0;
  private commits: Promise<void> = Promise.resolve();
  private streak = 0;
  private pulse: { promise: Promise<void>; resolve: () => void } = makePulse();
  private gate: PoliteGate;
  private runStartedAt = 0;
  private jobsThisRun = 0;
  private completeAtRunStart = 0;
  readonly delayMs: number;
  readonly concurrency: number;
  private readonly limits: FetchLimits;

  constructor(
    private readonly deps: CrawlDeps,
    private readonly options: CrawlOptions,
  ) {
    this.delayMs = Math.max(0, options.delayMs ?? 1000);
    this.concurrency = Math.min(4, Math.max(1, Math.floor(options.concurrency ?? 1)));
    this.limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
    this.gate = new PoliteGate(deps.clock, this.delayMs);
  }

  /** Starts a new crawl (a running one is left alone and its status returned). */
  async start(mode: CrawlMode): Promise<CrawlStatus> {
    if (this.running) return this.status();
    const base = httpUrl(this.options.baseUrl);
    if (!base) throw new Error(`Not an http(s) URL: ${this.options.baseUrl}`);
    const hosts = [...new Set(normaliseHosts(this.options.hosts ?? [base.host, canonicalHost(base.host)]))];
    const book = CrawlBook.fresh(mode, base.href, hosts, this.deps.clock.now());
    book.frontier.add(new URL('/robots.txt', base).href, 'robots');
    enqueue(book, new URL('/', base).href, 'home');
    this.book = book;
    await this.commit(true);
    this.launch();
    return this.status();
  }

  /** Carries on with a stored crawl that was running or paused (after a killed worker, a restart, pause). */
  async resume(): Promise<CrawlStatus> {
    if (this.running) return this.status();
    const checkpoint = readCheckpoint(await this.deps.store.load());
    if (!checkpoint) return this.status();
    this.book = CrawlBook.resume(checkpoint);
    if (checkpoint.state !== 'running' && checkpoint.state !== 'paused') return this.status();
    this.book.state = 'running';
    this.book.message = null;
    this.streak = 0;
    await this.commit(true);
    this.launch();
    return this.status();
  }

  /** Resumes only a crawl that was running when the worker died (not one the user paused). */
  async resumeIfInterrupted(): Promise<CrawlStatus> {
    if (this.running) return this.status();
    const checkpoint = readCheckpoint(await this.deps.store.load());
    if (checkpoint?.state === 'running') return this.resume();
    if (checkpoint && !this.book) this.book = CrawlBook.resume(checkpoint);
    return this.status();
  }

  async pause(): Promise<CrawlStatus> {
    await this.stop('paused', null);
    return this.status();
  }

  async cancel(): Promise<CrawlStatus> {
    if (!this.book) await this.loadBook();
    await this.stop('cancelled', null);
    return this.status();
  }

  /** Resolves when the current run has ended (done, paused, cancelled or failed). */
  async settled(): Promise<CrawlStatus> {
    await this.running;
    await this.commits;
    return this.status();
  }

  status(): CrawlStatus {
    if (!this.book) return statusOf(null);
    const status = statusOf(this.book.statusFields(this.inFlight.size), this.eta());
    return status;
  }

  async log(limit: number): Promise<ReturnType<CrawlBook['recentLog']>> {
    if (!this.book) await this.loadBook();
    return this.book?.recentLog(limit) ?? [];
  }

  private async loadBook(): Promise<void> {
    const checkpoint = readCheckpoint(await this.deps.store.load());
    if (checkpoint) this.book = CrawlBook.resume(checkpoint);
  }

  /** The larger of two estimates: queued pages at the pace so far, articles still expected at the pace so far. */
  private eta(): number | null {
    const book = this.book;
    if (!book || this.jobsThisRun < 3) return null;
    const elapsed = this.deps.clock.now() - this.runStartedAt;
    const byPages = (elapsed / this.jobsThisRun) * (book.frontier.queued + this.inFlight.size);
    const gained = book.complete.size - this.completeAtRunStart;
    const missing = book.expected === null ? 0 : Math.max(0, book.expected - book.complete.size);
    const byArticles = gained > 0 ? (elapsed / gained) * missing : 0;
    return Math.round(Math.max(byPages, byArticles));
  }

  private async stop(state: 'paused' | 'cancelled', message: string | null): Promise<void> {
    const book = this.book;
    if (!book) return;
    if (book.state === 'running' || (state === 'cancelled' && book.state === 'paused')) {
      book.state = state;
      book.message = message;
    }
    this.controller?.abort(new Error(state));
    await this.running;
    await this.commit(true);
  }

  private launch(): void {
    const controller = new AbortController();
    this.controller = controller;
    this.gate = new PoliteGate(this.deps.clock, this.delayMs);
    this.runStartedAt = this.deps.clock.now();
    this.jobsThisRun = 0;
    this.completeAtRunStart = this.book?.complete.size ?? 0;
    const workers = Array.from({ length: this.concurrency }, () => this.worker(controller.signal));
    this.running = Promise.all(workers).then(async () => {
      const book = this.book;
      if (book && book.state === 'running' && !controller.signal.aborted) {
        book.state = 'done';
        book.message = null;
      }
      await this.commit(true);
      this.running = null;
    });
  }

  private async worker(signal: AbortSignal): Promise<void> {
    const book = this.book;
    if (!book) return;
    while (!signal.aborted && book.state === 'running') {
      const now = this.deps.clock.now();
      const next = book.frontier.take(now);
      if (next === null) {
        if (this.inFlight.size > 0) await this.waitForChange(signal, 1000);
        else if (!this.advancePhase(book)) return;
        continue;
      }
      if ('waitUntil' in next) {
        await this.waitForChange(signal, next.waitUntil - now);
        continue;
      }
      await this.runJob(book, next, signal);
    }
  }

  private async waitForChange(signal: AbortSignal, maxMs: number): Promise<void> {
    const tick = this.deps.clock.sleep(Math.max(1, maxMs), signal).catch(() => undefined);
    await Promise.race([this.pulse.promise, tick]);
  }

  /**
   * Discovery ended. When it left a gap (fewer articles known than the archive says it has, or a failed
   * home page and nothing to compare with), the sidebar's rubrique listings are walked, then its tag
   * listings if the gap remains; then article pages for every article whose tags are still unknown.
   */
  private advancePhase(book: CrawlBook): boolean {
    const known = book.complete.size + book.incomplete.size;
    const gap = book.expected === null ? book.homeGap : known < book.expected;
    const release = (tags: boolean) => {
      let added = 0;
      for (const url of book.held) if (url.includes('/tag/') === tags && enqueue(book, url, 'section')) added++;
      return added;
    };
    if (book.mode === 'full' && gap && book.phase === 'discover') {
      book.phase = 'sections';
      if (release(false) > 0) return true;
    }
    if (book.mode === 'full' && gap && book.phase === 'sections') {
      book.phase = 'tags';
      if (release(true) > 0) return true;
    }
    if (book.phase !== 'articles') {
      book.phase = 'articles';
      for (const url of book.incomplete) enqueue(book, url, 'article');
      return true;
    }
    return false;
  }

  private async runJob(book: CrawlBook, job: Job, signal: AbortSignal): Promise<void> {
    this.inFlight.set(job.url, job);
    let outcome: FetchOutcome;
    let prepared: Prepared | null = null;
    try {
      await this.gate.turn(signal);
      book.counts.requests++;
      outcome = await fetchOnce(this.deps.fetch, job.url, job.kind === 'robots' ? 'text' : job.kind === 'sitemap' ? 'xml' : 'html', signal, () => this.deps.clock.now(), this.limits);
      if (outcome.ok === true && job.kind !== 'robots' && job.kind !== 'sitemap') {
        prepared = await prepareHtml(book, { ...this.deps, knownComplete: (urls) => this.deps.store.knownComplete(urls) }, outcome.body, outcome.url);
      }
    } catch (error) {
      // Paused or cancelled mid-request: the job goes back untouched.
      this.inFlight.delete(job.url);
      book.frontier.settle(job.url);
      book.frontier.requeue(job);
      this.wake();
      if (!signal.aborted) throw error;
      return;
    }
    // From here on, synchronous until the page is kept: no checkpoint can fall in between.
    this.inFlight.delete(job.url);
    book.frontier.settle(job.url);
    this.jobsThisRun++;
    const now = this.deps.clock.now();
    const effect = applyOutcome(book, job, outcome, now, {
      maxTries: this.options.maxTries ?? POLITENESS.maxTries,
      delayMs: this.delayMs,
      backoffBaseMs: this.options.backoffBaseMs ?? POLITENESS.backoffBaseMs,
    });
    if (prepared && 'page' in prepared) {
      const page = applyHtml(book, job.kind, prepared, outcome.ok === true ? outcome.url : job.url);
      if (page) this.pending.push(page);
    } else if (prepared) {
      book.counts.errors++;
      book.addLog(job.url, prepared.skip, now);
    }
    if ((effect.lostPage || (prepared && 'skip' in prepared)) && (job.kind === 'home' || job.kind === 'section')) {
      // A listing page lost for good: note the gap and step over it, so one bad page does not end the walk.
      if (job.kind === 'home') book.homeGap = true;
      skipPastFailedListing(book, job.url, job.kind);
    }
    if (effect.holdUntil) this.gate.hold(effect.holdUntil);
    this.streak = effect.failedTry ? this.streak + 1 : effect.succeeded ? 0 : this.streak;
    book.updatedAt = now;
    if (effect.pauseMessage || this.streak >= POLITENESS.failureStreakToPause) {
      const message = effect.pauseMessage ?? `Paused: ${this.streak} requests in a row failed (last: ${effect.lastReason ?? 'unknown'} on ${job.url}). The archive may be down or refusing us; resume later.`;
      book.state = 'paused';
      book.message = message.slice(0, 300);
      this.controller?.abort(new Error('paused'));
    }
    this.wake();
    await this.commit(false);
  }

  private wake(): void {
    const old = this.pulse;
    this.pulse = makePulse();
    old.resolve();
  }

  /** Writes pending pages with a checkpoint, at most every `commitEveryMs` unless forced. */
  private async commit(force: boolean): Promise<void> {
    const book = this.book;
    if (!book) return;
    const now = this.deps.clock.now();
    if (!force && now - this.lastCommit < (this.options.commitEveryMs ?? 200)) return;
    this.lastCommit = now;
    const pages = this.pending;
    this.pending = [];
    const checkpoint = book.toCheckpoint([...this.inFlight.values()]);
    const write = this.commits.then(() => this.deps.store.commit(checkpoint, pages));
    this.commits = write.catch(() => undefined);
    try {
      await write;
    } catch (error) {
      book.state = 'failed';
      book.message = `Could not save the crawl: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
      this.controller?.abort(new Error('failed'));
    }
    this.deps.onProgress?.(this.status());
  }
}

function makePulse(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
