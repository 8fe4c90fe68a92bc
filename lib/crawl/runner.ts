/**
 * The crawl runner: a small state machine (idle → running ⇄ paused → done | cancelled | failed) driving
 * 1–4 workers through the frontier behind one polite gate. Each finished page's results are handed to
 * the store together with the checkpoint that marks the page done, in one commit.
 */
import { LIMITS, type CrawlStatus, type PageInfo } from '../model';
import { CrawlBook, type CrawlMode } from './book';
import { readCheckpoint, statusOf } from './checkpoint';
import { DEFAULT_FETCH_LIMITS, fetchOnce, type FetchLimits, type FetchOutcome } from './fetch-page';
import { makePulse, type CrawlDeps, type CrawlOptions } from './types';
import type { Job } from './frontier';
import { enqueue, prepareHtml, type Prepared } from './pages';
import { POLITENESS, PoliteGate } from './politeness';
import { settleJob } from './outcomes';
import { normaliseHosts, httpUrl } from './urls';
import { canonicalHost } from '../archive/hosts';
import { advancePhase } from './phases';

export class Crawler {
  private book: CrawlBook | null = null;
  private running: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private readonly inFlight = new Map<string, Job>();
  private pending: PageInfo[] = [];
  private lastCommit = 0;
  private lastCommitMs = 0;
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
    this.concurrency = Math.min(LIMITS.crawlConcurrency, Math.max(1, Math.floor(options.concurrency ?? 1)));
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
        else {
          if (book.phase !== 'articles' || book.waiting.size > 0) await this.promoteResolved(book);
          if (!advancePhase(book)) return;
        }
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

  private async runJob(book: CrawlBook, job: Job, signal: AbortSignal): Promise<void> {
    this.inFlight.set(job.url, job);
    let outcome: FetchOutcome;
    let prepared: Prepared | null = null;
    try {
      await this.gate.turn(signal);
      book.counts.requests++;
      outcome = await fetchOnce(
        this.deps.fetch,
        job.url,
        job.kind === 'robots' ? 'text' : job.kind === 'sitemap' ? 'xml' : 'html',
        signal,
        () => this.deps.clock.now(),
        this.limits,
      );
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
    const { effect, page } = settleJob(book, job, outcome, prepared, now, {
      maxTries: this.options.maxTries ?? POLITENESS.maxTries,
      delayMs: this.delayMs,
      backoffBaseMs: this.options.backoffBaseMs ?? POLITENESS.backoffBaseMs,
    });
    if (page) this.pending.push(page);
    if (effect.holdUntil) this.gate.hold(effect.holdUntil);
    this.streak = effect.failedTry ? this.streak + 1 : effect.succeeded ? 0 : this.streak;
    book.updatedAt = now;
    if (effect.pauseMessage || this.streak >= POLITENESS.failureStreakToPause) {
      const message =
        effect.pauseMessage ??
        `Paused: ${this.streak} requests in a row failed (last: ${effect.lastReason ?? 'unknown'} on ${job.url}). The archive may be down or refusing us; resume later.`;
      book.state = 'paused';
      book.message = message.slice(0, LIMITS.reason);
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
  /**
   * Before article pages are fetched: teasers whose tags were pending post_class classes may have been
   * completed since by the site vocabulary the store learnt (issue 11) — those need no article page.
   */
  private async promoteResolved(book: CrawlBook): Promise<void> {
    if (book.incomplete.size === 0) return;
    await this.commit(true);
    for (const url of await this.deps.store.knownComplete([...book.incomplete])) book.noteArticle(url, true);
  }

  private async commit(force: boolean): Promise<void> {
    const book = this.book;
    if (!book) return;
    const now = this.deps.clock.now();
    // Checkpoints grow with the crawl: space them so that writing them never takes more than ~10% of the time.
    const interval = Math.max(this.options.commitEveryMs ?? 200, 10 * this.lastCommitMs);
    if (!force && now - this.lastCommit < interval) return;
    this.lastCommit = now;
    const pages = this.pending;
    this.pending = [];
    const checkpoint = book.toCheckpoint([...this.inFlight.values()]);
    const write = this.commits.then(() => this.deps.store.commit(checkpoint, pages));
    this.commits = write.catch(() => undefined);
    try {
      await write;
      this.lastCommitMs = this.deps.clock.now() - now;
    } catch (error) {
      book.state = 'failed';
      book.message = `Could not save the crawl: ${error instanceof Error ? error.message : String(error)}`.slice(0, LIMITS.reason);
      this.controller?.abort(new Error('failed'));
    }
    this.deps.onProgress?.(this.status());
  }
}
