/**
 * Politeness: a shared gate that spaces request starts by the configured delay and holds every
 * worker while the server asked us to back off (429/503 Retry-After, exponential back-off).
 */

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const POLITENESS = {
  /** Tries per URL before it is given up and logged. */
  maxTries: 4,
  /** First back-off step; doubles per try. */
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  /** A Retry-After longer than this pauses the crawl instead of holding a worker for ages. */
  maxRetryAfterMs: 10 * 60_000,
  /** This many failed requests in a row (no success between) pause the whole crawl. */
  failureStreakToPause: 12,
} as const;

/** Retry-After: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential back-off for the `tries`-th failed try of a URL (1-based), never below the crawl delay. */
export function backoffMs(tries: number, delayMs: number, baseMs: number = POLITENESS.backoffBaseMs): number {
  const step = Math.min(POLITENESS.backoffMaxMs, baseMs * 2 ** Math.max(0, tries - 1));
  return Math.max(delayMs, step);
}

/** Serialises request starts: at most one start per `delayMs`, none before `holdUntil`. */
export class PoliteGate {
  private nextStart = 0;
  private holdUntil = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly delayMs: number,
  ) {}

  /** Holds every worker until `until` (server asked us to wait). */
  hold(until: number): void {
    this.holdUntil = Math.max(this.holdUntil, until);
  }

  get heldUntil(): number {
    return this.holdUntil;
  }

  /** Waits for this worker's turn. Turns are granted in call order. */
  turn(signal: AbortSignal): Promise<void> {
    const mine = this.chain.then(async () => {
      for (;;) {
        signal.throwIfAborted();
        const wait = Math.max(this.nextStart, this.holdUntil) - this.clock.now();
        if (wait <= 0) break;
        await this.clock.sleep(wait, signal);
      }
      this.nextStart = this.clock.now() + this.delayMs;
    });
    this.chain = mine.catch(() => undefined);
    return mine;
  }
}

/** The real clock, for the CLI and the background. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }),
};
