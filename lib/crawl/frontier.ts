/**
 * The frontier: what to fetch next, cheapest discovery first, and every URL ever queued (so nothing is
 * fetched twice). Plain data in and out, so a checkpoint can carry it across a killed worker.
 */

/** Cheapest first: robots.txt, sitemaps, the home pagination, rubrique/tag listings, article pages. */
export const JOB_KINDS = ['robots', 'sitemap', 'home', 'section', 'article'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface Job {
  url: string;
  kind: JobKind;
  /** Failed tries so far. */
  tries: number;
  /** Epoch ms before which it must not be retried (back-off of this URL). */
  notBefore: number;
}

export interface FrontierData {
  queue: Job[];
  seen: string[];
}

export class Frontier {
  private readonly lanes = new Map<JobKind, Job[]>(JOB_KINDS.map((k) => [k, []]));
  private readonly seen = new Set<string>();
  private readonly inFlight = new Set<string>();

  static from(data: FrontierData): Frontier {
    const frontier = new Frontier();
    for (const url of data.seen) frontier.seen.add(url);
    for (const job of data.queue) frontier.lanes.get(job.kind)?.push({ ...job });
    return frontier;
  }

  /** Queues `url` unless it was ever queued before; true when it was new. */
  add(url: string, kind: JobKind): boolean {
    if (this.seen.has(url)) return false;
    this.seen.add(url);
    this.lanes.get(kind)?.push({ url, kind, tries: 0, notBefore: 0 });
    return true;
  }

  has(url: string): boolean {
    return this.seen.has(url);
  }

  /** Puts a failed job back for another try (keeps its place among its kind, after the others). */
  retry(job: Job, notBefore: number): void {
    this.lanes.get(job.kind)?.push({ ...job, tries: job.tries + 1, notBefore });
  }

  /** Puts a job back untouched (crawl paused while it was in flight). */
  requeue(job: Job): void {
    this.lanes.get(job.kind)?.unshift(job);
  }

  /**
   * The next job ready at `now`: the cheapest kind first; within a kind, the first one whose back-off
   * has expired. Returns the earliest `notBefore` instead when every queued job is backing off.
   */
  take(now: number): Job | { waitUntil: number } | null {
    let earliest = Infinity;
    for (const kind of JOB_KINDS) {
      const lane = this.lanes.get(kind) ?? [];
      const index = lane.findIndex((job) => job.notBefore <= now);
      if (index >= 0) {
        const [job] = lane.splice(index, 1);
        if (job) {
          this.inFlight.add(job.url);
          return job;
        }
      }
      for (const job of lane) earliest = Math.min(earliest, job.notBefore);
    }
    return Number.isFinite(earliest) ? { waitUntil: earliest } : null;
  }

  /** The job left the worker (done, given up, or put back). */
  settle(url: string): void {
    this.inFlight.delete(url);
  }

  get queued(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.length;
    return n;
  }

  get busy(): number {
    return this.inFlight.size;
  }

  /** Drops queued jobs of a kind (refresh stops following the home pagination). */
  dropKind(kind: JobKind): void {
    this.lanes.set(kind, []);
  }

  /** Snapshot for a checkpoint; jobs in flight count as still queued (they were not finished). */
  snapshot(inFlightJobs: readonly Job[]): FrontierData {
    const queue = [...inFlightJobs];
    for (const kind of JOB_KINDS) queue.push(...(this.lanes.get(kind) ?? []));
    return { queue: queue.map((job) => ({ ...job })), seen: [...this.seen] };
  }
}
