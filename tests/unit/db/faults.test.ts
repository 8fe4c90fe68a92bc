import { afterEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from 'idb';
import { createStore, openDatabase } from '../../../lib/db';
import { articleMeta, articlePage, tag, testStore, url } from './helpers';

afterEach(() => vi.restoreAllMocks());

const quotaError = () => new DOMException('Quota exceeded', 'QuotaExceededError');

describe('faults leave no half-written state', () => {
  it('quota exceeded while indexing: coded error, nothing written (postings, meta, articles)', async () => {
    const { store } = testStore();
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('x')] }))]);
    const before = await store.exportBackup('t');
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'articleBuckets') throw quotaError();
      return put.apply(this, args);
    });
    await expect(store.indexPages([articlePage(articleMeta('b', { tags: [tag('x')] }))])).rejects.toMatchObject({ code: 'quota-exceeded' });
    vi.restoreAllMocks();
    expect({ ...(await store.exportBackup('t')), exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
    expect(await store.tagStats(10)).toEqual([{ slug: 'x', name: 'X', count: 1 }]);
    expect((await store.indexStatus()).articles).toBe(1);
  });

  it('quota exceeded on a note: coded error, the previous text stays', async () => {
    const { store } = testStore();
    await store.saveNote({ url: url('a'), text: 'v1' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaError();
    });
    await expect(store.saveNote({ url: url('a'), text: 'v2' })).rejects.toMatchObject({ code: 'quota-exceeded' });
    vi.restoreAllMocks();
    expect((await store.getNote(url('a')))!.text).toBe('v1');
  });

  it('a transaction aborted mid-write (the worker dying) rolls everything back', async () => {
    const { store } = testStore();
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('x')] }))]);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls += 1;
      const request = put.apply(this, args);
      if (calls === 3) this.transaction.abort();
      return request;
    });
    const pages = ['b', 'c', 'd'].map((s) => articlePage(articleMeta(s, { tags: [tag('x'), tag(`only-${s}`)] })));
    await expect(store.indexPages(pages)).rejects.toMatchObject({ code: 'aborted' });
    vi.restoreAllMocks();
    expect((await store.indexStatus()).articles).toBe(1);
    expect(await store.tagStats(10)).toEqual([{ slug: 'x', name: 'X', count: 1 }]);
    expect(await store.getArticle(url('b'))).toBeNull();
    expect(await store.indexPages(pages)).toMatchObject({ added: 3, articles: 4 });
  });

  it('closes itself on versionchange so another context can upgrade, then reopens', async () => {
    const { store, factory } = testStore();
    await store.saveNote({ url: url('a'), text: 'x' });
    const deleted = new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase('securityvibes-companion');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    await deleted;
    expect(await store.getNote(url('a'))).toBeNull();
  });

  it('an upgrade blocked by an old connection that never closes fails with db-blocked', async () => {
    const { factory } = testStore();
    // A context still running schema v1 that ignores versionchange (an old extension page, say).
    const old = unwrap(await openDatabase(factory, { version: 1 }));
    old.onversionchange = null;
    const store = createStore(factory, { blockedGraceMs: 50 });
    await expect(store.getSettings()).rejects.toMatchObject({ code: 'db-blocked' });
    old.close();
    expect((await store.getSettings()).panelEnabled).toBe(true);
  });

  it('a database from a newer version is refused with a clear error', async () => {
    const { factory } = testStore();
    await new Promise<void>((resolve) => {
      const request = factory.open('securityvibes-companion', 99);
      request.onsuccess = () => (request.result.close(), resolve());
    });
    await expect(openDatabase(factory)).rejects.toMatchObject({ message: /newer version/ });
  });
});
