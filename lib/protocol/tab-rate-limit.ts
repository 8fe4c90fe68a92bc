/**
 * A token bucket per tab, for calls from content scripts (which a compromised page controls): a tab may
 * send `capacity` reports at once and then `refillPerSecond` a second. A reader who opens pages, goes
 * back and forth and reloads stays far below it; a page that loops on sendMessage is refused.
 *
 * Kept in memory on purpose: it guards the worker while it is awake, and a flood is exactly what keeps
 * the worker awake (it stops only after ~30 s without messages). A worker that stopped starts over with
 * full buckets, which admits at most one more burst — not worth a storage write per message.
 */
export interface TabRateLimit {
  /** True (and one token spent) when tab `tabId` may send one more message now. */
  admit(tabId: number): boolean;
  /** Drops a closed tab's bucket. */
  forget(tabId: number): void;
}

/**
 * Reports a tab's content script may send: a burst of 10 (page, back, forward, reload…), then one every
 * two seconds. The popup's "Check this page" does not count (it is an extension page's call). Here rather
 * than in the background because both sides live by it (bench/popup.ts paces its page loads on it).
 */
export const CONTENT_RATE = { capacity: 10, refillPerSecond: 0.5 } as const;

export interface TabRateLimitOptions {
  capacity: number;
  refillPerSecond: number;
  /** Buckets kept at most (closed tabs are forgotten; this bounds memory if they are not). */
  maxTabs?: number;
  now?: () => number;
}

export function createTabRateLimit({ capacity, refillPerSecond, maxTabs = 1000, now = Date.now }: TabRateLimitOptions): TabRateLimit {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    admit(tabId) {
      const time = now();
      const bucket = buckets.get(tabId) ?? { tokens: capacity, at: time };
      bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, time - bucket.at) / 1000) * refillPerSecond);
      bucket.at = time;
      const admitted = bucket.tokens >= 1;
      if (admitted) bucket.tokens -= 1;
      buckets.delete(tabId);
      buckets.set(tabId, bucket);
      // Map keeps insertion order and each use re-inserts: the first key is the least recently used.
      if (buckets.size > maxTabs) buckets.delete(buckets.keys().next().value as number);
      return admitted;
    },
    forget(tabId) {
      buckets.delete(tabId);
    },
  };
}
