/** What the crawler is given: storage, fetch, clock, parser — and how it should behave. */
import type { CrawlStatus, PageInfo } from '../model';
import type { Checkpoint } from './checkpoint';
import type { FetchLike, FetchLimits } from './fetch-page';
import type { PageTools } from './pages';
import type { Clock } from './politeness';

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

/** A promise that settles when anything changes (a job finished): idle workers wait on it. */
export function makePulse(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
