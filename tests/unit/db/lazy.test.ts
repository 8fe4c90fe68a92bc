import { describe, expect, it } from 'vitest';
import { Lazy } from '@/lib/db/lazy';

/** The store's connection, catalog and ratings caches all rest on Lazy (lib/db/lazy.ts). */
describe('Lazy', () => {
  it('loads once, and again after a drop', async () => {
    let loads = 0;
    const lazy = new Lazy(async () => ({ n: ++loads }));
    expect(await lazy.get()).toEqual({ n: 1 });
    expect(await lazy.get()).toEqual({ n: 1 });
    lazy.drop();
    expect(await lazy.get()).toEqual({ n: 2 });
  });

  it('forgets a failed load, so the next use tries again', async () => {
    let loads = 0;
    const lazy = new Lazy(async () => {
      loads++;
      if (loads === 1) throw new Error('blocked');
      return 'open';
    });
    await expect(lazy.get()).rejects.toThrow('blocked');
    expect(await lazy.get()).toBe('open');
    expect(loads).toBe(2);
  });

  it('patches a loaded value in place, and loads nothing to patch', async () => {
    let loads = 0;
    const lazy = new Lazy(async () => {
      loads++;
      return new Set<string>();
    });
    await lazy.patch((set) => set.add('ignored'));
    expect(loads).toBe(0);
    const set = await lazy.get();
    await lazy.patch((value) => value.add('a'));
    expect([...set]).toEqual(['a']);
  });

  it('drops a patch whose value was dropped while the load was under way', async () => {
    let release: (value: string[]) => void = () => undefined;
    const lazy = new Lazy(() => new Promise<string[]>((resolve) => (release = resolve)));
    const first = lazy.get();
    const patched = lazy.patch((value) => value.push('late'));
    expect(lazy.drop()).toBe(first);
    release([]);
    await patched;
    expect(await first).toEqual([]);
  });
});
