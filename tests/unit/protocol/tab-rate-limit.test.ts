import { describe, expect, it } from 'vitest';
import { createTabRateLimit } from '../../../lib/protocol';

describe('createTabRateLimit (a token bucket per tab, injected clock)', () => {
  it('admits a burst of `capacity`, then refills at the given rate', () => {
    const clock = { now: 0 };
    const limit = createTabRateLimit({ capacity: 3, refillPerSecond: 0.5, now: () => clock.now });
    expect([1, 2, 3, 4].map(() => limit.admit(1))).toEqual([true, true, true, false]);
    clock.now += 1999;
    expect(limit.admit(1)).toBe(false);
    clock.now += 1;
    expect(limit.admit(1)).toBe(true);
    expect(limit.admit(1)).toBe(false);
    clock.now += 60_000;
    expect([1, 2, 3, 4].map(() => limit.admit(1))).toEqual([true, true, true, false]);
  });

  it('keeps tabs apart, and a forgotten tab starts full again', () => {
    const limit = createTabRateLimit({ capacity: 1, refillPerSecond: 0, now: () => 0 });
    expect([limit.admit(1), limit.admit(1), limit.admit(2)]).toEqual([true, false, true]);
    limit.forget(1);
    expect(limit.admit(1)).toBe(true);
  });

  it('bounds its memory to maxTabs buckets, dropping the least recently used', () => {
    const limit = createTabRateLimit({ capacity: 1, refillPerSecond: 0, maxTabs: 2, now: () => 0 });
    limit.admit(1);
    limit.admit(2);
    limit.admit(3);
    // Tab 1's spent bucket was dropped (least recently used): it starts full again; tab 3's is kept.
    expect([limit.admit(1), limit.admit(3)]).toEqual([true, false]);
  });
});
