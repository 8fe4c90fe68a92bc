import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { IDBFactory } from 'fake-indexeddb';
import './helpers';
import { createStore, DB_VERSION, openDatabase, relatedFromRecords } from '../../../lib/db';
import { buildDatabase, readStores, type DatabaseDump } from '../../fixtures/db/builder';

const load = (version: number) => JSON.parse(readFileSync(new URL(`../../fixtures/db/v${version}.json`, import.meta.url), 'utf8')) as DatabaseDump;
const fixtures = [1, 2, 3, 4, 5, 6, 7].map(load);
/** v7 holds the lossy crawl data the vocabulary step repairs: vocabulary-upgrade.test.ts checks it. */
const plainFixtures = fixtures.filter((dump) => !dump.repaired);
/** The article records a dump holds: one per record up to v4, packed as JSON text in buckets from v5. */
const articlesOf = (dump: DatabaseDump): Record<string, unknown>[] =>
  dump.stores.articles ??
  (dump.stores.articleBuckets ?? []).flatMap((bucket) => (bucket.records as string[]).map((json) => JSON.parse(json) as Record<string, unknown>));
const strip = (records: Record<string, unknown>[]) => records.map(({ tagSlugs: _t, id: _id, pub: _pub, ...rest }) => rest);
const byUrl = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.url) < String(b.url) ? -1 : 1);

describe('migrations: databases created by every earlier schema version open with nothing lost', () => {
  it('has a fixture for every earlier version', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
  });

  for (const dump of plainFixtures) {
    describe(`from v${dump.version} (${dump.description})`, () => {
      const upgraded = async () => {
        const factory = new IDBFactory();
        await buildDatabase(factory, dump);
        return createStore(factory);
      };

      it('keeps every article, note and setting', async () => {
        const store = await upgraded();
        const file = await store.exportBackup('test');
        expect([...file.articles].sort(byUrl)).toEqual(strip(articlesOf(dump)).sort(byUrl));
        expect([...file.notes].sort(byUrl)).toEqual([...dump.stores.notes].sort(byUrl));
        expect(file.settings).toEqual(dump.stores.settings[0]![1]);
        expect(file.trash).toEqual(dump.stores.trash ?? []);
      });

      it('builds postings, ids and counters so every query works', async () => {
        const store = await upgraded();
        expect(await store.indexStatus()).toMatchObject({ articles: articlesOf(dump).length, tags: 4, notes: dump.stores.notes.length });
        expect((await store.browse('tag', 'stuxnet', 0, 10)).items.map((a) => a.url)).toEqual([
          'http://www.securityvibes.fr/actualites/stuxnet-iran/',
          'http://www.securityvibes.fr/actualites/scada-stuxnet/',
        ]);
        const related = await store.related('http://www.securityvibes.fr/actualites/stuxnet-iran/');
        expect(related[0]).toMatchObject({ url: 'http://www.securityvibes.fr/actualites/scada-stuxnet/', rating: 5 });
        expect((await store.search('securite', 10)).length).toBeGreaterThan(0);
        // New writes after the migration get fresh ids and join the postings.
        await store.putRecords([
          { ...(await store.getArticle('http://www.securityvibes.fr/actualites/stuxnet-iran/'))!, url: 'http://www.securityvibes.fr/actualites/new/' },
        ]);
        expect((await store.browse('tag', 'stuxnet', 0, 10)).total).toBe(3);
      });

      it('builds the digest: related and search from it agree with the records themselves', async () => {
        const store = await upgraded();
        const file = await store.exportBackup('test');
        const ratings = new Map(file.notes.map((note) => [note.url, note.rating]));
        for (const { url } of file.articles) expect(await store.related(url)).toEqual(relatedFromRecords(file.articles, url, 8, ratings));
        const hits = await store.search('sécurité industriels', 10);
        const expected = file.articles.filter((a) => /s[ée]curit[ée]/i.test(`${a.title} ${a.excerpt}`) && /industriels/.test(`${a.title} ${a.excerpt}`));
        expect(hits.map((h) => h.url).sort()).toEqual(expected.map((a) => a.url).sort());
        if (dump.version >= 3)
          expect(hits[0]).toMatchObject({ url: 'http://www.securityvibes.fr/actualites/securite-reseaux/', snippet: 'La sécurité des systèmes industriels' });
      });

      it('keeps crawl state and log (v2 on)', async () => {
        const store = await upgraded();
        const checkpoint = await store.crawl.get('checkpoint', z.object({ frontier: z.array(z.string()), done: z.number() }));
        expect(checkpoint).toEqual(dump.stores.crawl?.[0]?.[1] ?? null);
        expect(await store.crawl.readLog(10)).toEqual(dump.stores.crawlLog ?? []);
      });
    });
  }

  it('v5 → v6 drops the posting buckets and leaves every other store byte for byte (notes and ratings, trash, settings, crawl state, articles, digest)', async () => {
    const factory = new IDBFactory();
    await buildDatabase(factory, load(5));
    const before = await readStores(factory, 5);
    const after = await readStores(factory, 6);
    expect(Object.keys(before)).toContain('postingBuckets');
    expect(Object.keys(after).sort()).toEqual(
      Object.keys(before)
        .filter((store) => store !== 'postingBuckets')
        .sort(),
    );
    for (const store of Object.keys(after).filter((name) => name !== 'meta')) expect(after[store], store).toStrictEqual(before[store]);
    expect(before.notes!.values).toStrictEqual(load(5).stores.notes);
    expect(after.meta!.values).toStrictEqual([
      {
        nextId: 7,
        docCount: 6,
        lastUpdatedAt: 1_700_000_000_000,
        tags: new Map([
          ['scada', { name: 'SCADA', count: 2 }],
          ['stuxnet', { name: 'Stuxnet', count: 2 }],
          ['virus', { name: 'Virus', count: 2 }],
          ['iran', { name: 'Iran', count: 2 }],
        ]),
      },
    ]);
  });

  it('v6 → v7 adds an empty highlights store and leaves every other store byte for byte', async () => {
    const factory = new IDBFactory();
    await buildDatabase(factory, load(6));
    const before = await readStores(factory, 6);
    const after = await readStores(factory, 7);
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), 'highlights'].sort());
    for (const store of Object.keys(before)) expect(after[store], store).toStrictEqual(before[store]);
    expect(after.highlights).toEqual({ keys: [], values: [] });
  });

  it('steps one version at a time (v1 → v2 → … → v7) give the same result as v1 → v7', async () => {
    const stepwise = new IDBFactory();
    await buildDatabase(stepwise, fixtures[0]!);
    for (let version = 2; version < DB_VERSION; version += 1) (await openDatabase(stepwise, { version })).close();
    const direct = new IDBFactory();
    await buildDatabase(direct, fixtures[0]!);
    const a = await createStore(stepwise).exportBackup('t');
    const b = await createStore(direct).exportBackup('t');
    expect({ ...a, exportedAt: '' }).toEqual({ ...b, exportedAt: '' });
    expect(await createStore(stepwise).search('securite', 10)).toEqual(await createStore(direct).search('securite', 10));
  });
});

describe('crawl state API', () => {
  it('validates on the way in and out, caps the log, newest first', async () => {
    const store = createStore(new IDBFactory());
    const Schema = z.object({ page: z.number() });
    await store.crawl.put('k', Schema, { page: 3 });
    expect(await store.crawl.get('k', Schema)).toEqual({ page: 3 });
    expect(await store.crawl.get('k', z.object({ other: z.string() }))).toBeNull();
    await expect(store.crawl.put('k', Schema, { page: 'x' } as never)).rejects.toBeTruthy();
    await store.crawl.delete('k');
    expect(await store.crawl.get('k', Schema)).toBeNull();
    const { CRAWL_LOG_CAP } = await import('../../../lib/db');
    const entries = Array.from({ length: CRAWL_LOG_CAP + 10 }, (_, i) => ({ url: `u${i}`, reason: 'r', at: i }));
    await store.crawl.appendLog(entries);
    const log = await store.crawl.readLog(3);
    expect(log.map((e) => e.at)).toEqual([CRAWL_LOG_CAP + 9, CRAWL_LOG_CAP + 8, CRAWL_LOG_CAP + 7]);
    expect((await store.crawl.readLog(100_000)).length).toBe(CRAWL_LOG_CAP);
    await store.crawl.clearLog();
    expect(await store.crawl.readLog(10)).toEqual([]);
  });
});
