import { describe, expect, it } from 'vitest';
import { PoliteGate, backoffMs, parseRetryAfter, type Clock } from '@/lib/crawl/politeness';
import { Frontier } from '@/lib/crawl/frontier';

/** A clock whose sleeps advance time instantly, recording every wait. */
function fakeClock(): Clock & { waits: number[] } {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

describe('politeness', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });

  it('backs off exponentially, capped, never below the crawl delay', () => {
    expect([1, 2, 3, 4].map((t) => backoffMs(t, 0, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30, 0, 1000)).toBe(60_000);
    expect(backoffMs(1, 5000, 1000)).toBe(5000);
  });

  it('spaces request starts by the delay and holds everyone during a back-off', async () => {
    const clock = fakeClock();
    const gate = new PoliteGate(clock, 1000);
    const signal = new AbortController().signal;
    const starts: number[] = [];
    await Promise.all(
      [1, 2, 3].map(async () => {
        await gate.turn(signal);
        starts.push(clock.now());
      }),
    );
    expect(starts[1]! - starts[0]!).toBe(1000);
    expect(starts[2]! - starts[1]!).toBe(1000);
    gate.hold(clock.now() + 30_000);
    const before = clock.now();
    await gate.turn(signal);
    expect(clock.now() - before).toBe(30_000);
  });

  it('stops waiting when aborted', async () => {
    const gate = new PoliteGate({ now: () => 0, sleep: (_ms, s) => new Promise((_r, reject) => s.addEventListener('abort', () => reject(s.reason))) }, 1000);
    const controller = new AbortController();
    await gate.turn(controller.signal);
    const second = gate.turn(controller.signal);
    controller.abort(new Error('paused'));
    await expect(second).rejects.toThrow('paused');
  });
});

describe('frontier', () => {
  it('serves the cheapest kind first, never queues a URL twice, and survives a snapshot', () => {
    const f = new Frontier();
    expect(f.add('http://h/a/b/', 'article')).toBe(true);
    expect(f.add('http://h/', 'home')).toBe(true);
    expect(f.add('http://h/robots.txt', 'robots')).toBe(true);
    expect(f.add('http://h/', 'home')).toBe(false);
    const first = f.take(0);
    expect(first).toMatchObject({ url: 'http://h/robots.txt' });
    const copy = Frontier.from(f.snapshot(first && 'url' in first ? [first] : []));
    expect(copy.queued).toBe(3);
    expect(copy.add('http://h/a/b/', 'article')).toBe(false);
    expect(copy.take(0)).toMatchObject({ url: 'http://h/robots.txt' });
    expect(copy.take(0)).toMatchObject({ url: 'http://h/' });
  });

  it('keeps a backed-off job until its time and says when that is', () => {
    const f = new Frontier();
    f.add('http://h/', 'home');
    const job = f.take(0);
    if (!job || !('url' in job)) throw new Error('no job');
    f.retry(job, 5000);
    expect(f.take(100)).toEqual({ waitUntil: 5000 });
    expect(f.take(5000)).toMatchObject({ url: 'http://h/', tries: 1 });
    expect(f.take(5000)).toBeNull();
  });
});
