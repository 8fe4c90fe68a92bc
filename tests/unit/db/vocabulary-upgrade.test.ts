/**
 * Issue 11, must-have 10: a store of the previous schema version holding what crawls stored before the
 * site vocabulary (post_class classes read as tags, names made from slugs) is repaired by the upgrade —
 * phantom tags removed or replaced, names replaced in the records, digest rows, catalog and Meta.tags —
 * with every note and rating kept byte for byte; an index file of format 1 imports repaired the same way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import './helpers';
import { createStore, DB_VERSION, relatedFromRecords } from '../../../lib/db';
import type { ArticleRecord, Tag } from '../../../lib/model';
import { BACKUP_VERSION } from '../../../lib/model';
import { buildDatabase, readStores, type DatabaseDump } from '../../fixtures/db/builder';
import { listingPage } from './helpers';

const PREVIOUS = DB_VERSION - 1;
const dump = JSON.parse(readFileSync(new URL(`../../fixtures/db/v${PREVIOUS}.json`, import.meta.url), 'utf8')) as DatabaseDump;
const host = 'http://www.securityvibes.fr';
const SECURITE = { slug: 's%c3%a9curit%c3%a9', name: 'sécurité' };
const COLLECTIVITES = { slug: 'collectivit%c3%a9s', name: 'collectivités' };
const INGENIERIE = { slug: 'ing%c3%a9nierie-sociale', name: 'ingénierie sociale' };
const VIE_PRIVEE = { slug: 'vie-privee', name: 'Vie privée' };

const storedRecords = (): ArticleRecord[] =>
  (dump.stores.articleBuckets ?? []).flatMap((bucket) =>
    (bucket.records as string[]).map((json) => {
      const { id: _id, pub: _pub, ...record } = JSON.parse(json) as ArticleRecord & { id: number; pub?: number };
      return record;
    }),
  );
const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : 1);
const tagsOf = (records: readonly ArticleRecord[], path: string): Tag[] | undefined => records.find((r) => r.url === `${host}${path}`)?.tags;

async function upgraded() {
  const factory = new IDBFactory();
  await buildDatabase(factory, dump);
  return { factory, store: createStore(factory) };
}

/** What the upgrade changed, record by record: tags gone or replaced by another slug, names replaced. */
function repairCounts(before: readonly ArticleRecord[], after: readonly ArticleRecord[]) {
  const counts = { records: 0, phantoms: 0, renamed: 0 };
  for (const old of before) {
    const now = after.find((r) => r.url === old.url)!;
    const phantoms = old.tags.filter((t) => !now.tags.some((n) => n.slug === t.slug)).length;
    const renamed =
      old.tags.filter((t) => now.tags.some((n) => n.slug === t.slug && n.name !== t.name)).length +
      (old.category && now.category && old.category.name !== now.category.name ? 1 : 0);
    if (phantoms || renamed) counts.records++;
    counts.phantoms += phantoms;
    counts.renamed += renamed;
  }
  return counts;
}

describe(`v${PREVIOUS} → v${DB_VERSION}: the site vocabulary repairs the index, nothing else lost (issue 11)`, () => {
  it('the fixture holds the lossy data (teaser classes stored as tags, a rubrique named from its slug)', () => {
    const records = storedRecords();
    expect(dump.repaired?.length).toBe(3);
    expect(records.flatMap((r) => r.tags.map((t) => t.slug))).toEqual(expect.arrayContaining(['scurit', 'collectivits', 'ingnierie-sociale']));
    expect(records.find((r) => r.url === `${host}/vie-privee/teaser-seulement/`)?.category).toEqual({ slug: 'vie-privee', name: 'vie privee' });
  });

  it('removes or replaces the phantom tags, replaces the slug-made name, keeps every other record, note and rating byte for byte', async () => {
    const { factory, store } = await upgraded();
    const before = await readStores(await rebuilt(), PREVIOUS);
    const file = await store.exportBackup('test');
    expect(file.version).toBe(BACKUP_VERSION);
    expect(tagsOf(file.articles, '/actualites/securite-et-ingenierie-sociale/')).toEqual([INGENIERIE, SECURITE]);
    expect(tagsOf(file.articles, '/vie-privee/teaser-seulement/')).toEqual([SECURITE]);
    expect(tagsOf(file.articles, '/menaces/scada-et-collectivites/')).toEqual([{ slug: 'scada', name: 'SCADA' }, COLLECTIVITES]);
    expect(file.articles.find((r) => r.url === `${host}/vie-privee/teaser-seulement/`)?.category).toEqual(VIE_PRIVEE);
    // A name made from a slug that no record or page names otherwise stays, marked as such in the vocabulary.
    expect(file.articles.find((r) => r.url === `${host}/menaces/scada-et-collectivites/`)?.category).toEqual({ slug: 'menaces', name: 'menaces' });
    expect(file.vocabulary).toContainEqual({ kind: 'category', slug: 'menaces', name: 'menaces', via: 'slug' });
    expect(file.vocabulary).toContainEqual({ kind: 'tag', ...SECURITE, via: 'link' });
    expect(file.vocabulary?.map((t) => t.slug)).not.toContain('scurit');

    const counts = repairCounts(storedRecords(), file.articles);
    console.info(
      `v${PREVIOUS} → v${DB_VERSION} repair: ${counts.records} records repaired, ${counts.phantoms} phantom tags removed or replaced, ${counts.renamed} names replaced; ${file.articles.length} articles and ${file.notes.length} notes kept`,
    );
    expect(counts).toEqual({ records: 3, phantoms: 4, renamed: 1 });

    const untouched = storedRecords().filter((r) => !dump.repaired!.includes(r.url));
    expect(untouched.length).toBe(7);
    for (const record of untouched) expect(file.articles).toContainEqual(record);
    expect(file.articles.length).toBe(storedRecords().length);
    const after = await readStores(factory, DB_VERSION);
    for (const name of ['notes', 'trash', 'settings', 'crawl', 'crawlLog']) expect(after[name], name).toStrictEqual(before[name]);
    expect(JSON.stringify(after.notes!.values)).toBe(JSON.stringify(dump.stores.notes));
    expect(file.settings).toEqual(dump.stores.settings[0]![1]);
  });

  it('browse, tag statistics, related and search follow the repair (digest, catalog and Meta.tags)', async () => {
    const { store } = await upgraded();
    expect((await store.browse('tag', 'scurit', 0, 10)).total).toBe(0);
    expect((await store.browse('tag', 'collectivits', 0, 10)).total).toBe(0);
    expect((await store.browse('tag', SECURITE.slug, 0, 10)).items.map((r) => r.url).sort()).toEqual([
      `${host}/actualites/securite-et-ingenierie-sociale/`,
      `${host}/vie-privee/teaser-seulement/`,
    ]);
    expect((await store.browse('category', 'vie-privee', 0, 10)).subject).toEqual(VIE_PRIVEE);
    const stats = await store.tagStats(100);
    expect(stats.map((t) => t.slug)).not.toEqual(expect.arrayContaining(['scurit']));
    expect(stats.filter((t) => ['scurit', 'collectivits', 'ingnierie-sociale'].includes(t.slug))).toEqual([]);
    expect(stats.find((t) => t.slug === SECURITE.slug)).toEqual({ ...SECURITE, count: 2 });
    expect(stats.find((t) => t.slug === COLLECTIVITES.slug)).toEqual({ ...COLLECTIVITES, count: 2 });
    expect((await store.indexStatus()).tags).toBe(stats.length);
    const file = await store.exportBackup('t');
    const ratings = new Map(file.notes.map((note) => [note.url, note.rating]));
    for (const { url } of file.articles) expect(await store.related(url)).toEqual(relatedFromRecords(file.articles, url, 8, ratings));
    expect((await store.related(`${host}/vie-privee/teaser-seulement/`))[0]).toMatchObject({
      url: `${host}/actualites/securite-et-ingenierie-sociale/`,
      rating: 5,
      sharedTags: [SECURITE],
    });
  });

  it('a page seen after the upgrade that names a slug-made rubrique renames it everywhere, in that write', async () => {
    const { factory, store } = await upgraded();
    await store.related(`${host}/menaces/scada-et-collectivites/`); // the catalog is loaded: it must be patched
    await store.indexPages([{ ...listingPage('home', null, []), vocabulary: [{ kind: 'category', slug: 'menaces', name: 'Menaces', via: 'widget' }] }]);
    expect((await store.getArticle(`${host}/menaces/scada-et-collectivites/`))?.category).toEqual({ slug: 'menaces', name: 'Menaces' });
    expect((await store.browse('category', 'menaces', 0, 10)).subject).toEqual({ slug: 'menaces', name: 'Menaces' });
    expect((await createStore(factory).browse('category', 'menaces', 0, 10)).subject).toEqual({ slug: 'menaces', name: 'Menaces' });
  });

  it('an index file of format 1 with the same records imports repaired the same way', async () => {
    const file = {
      format: 'securityvibes-companion',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      articles: storedRecords(),
      notes: dump.stores.notes,
      trash: [],
      settings: null,
    };
    const store = createStore(new IDBFactory());
    const report = await store.importBackup(JSON.stringify(file), true);
    expect(report.articles).toMatchObject({ added: 10, rejected: 0 });
    const imported = (await store.exportBackup('t')).articles;
    const migrated = (await (await upgraded()).store.exportBackup('t')).articles;
    const shape = (records: readonly ArticleRecord[]) => records.map((r) => ({ url: r.url, tags: r.tags, category: r.category })).sort(byUrl);
    expect(shape(imported)).toEqual(shape(migrated));
    expect(repairCounts(storedRecords(), imported)).toEqual({ records: 3, phantoms: 4, renamed: 1 });
  });

  it('the same format-1 file imported into a store that already holds the lossy records repairs them too', async () => {
    const records = storedRecords();
    const store = createStore(new IDBFactory());
    // Stored first without their article pages (nothing names the real terms yet): the phantoms stay.
    await store.putRecords(records.filter((r) => r.detail === 'teaser'));
    expect(tagsOf((await store.exportBackup('t')).articles, '/vie-privee/teaser-seulement/')).toEqual([{ slug: 'scurit', name: 'scurit' }]);
    await store.importBackup(
      JSON.stringify({
        format: 'securityvibes-companion',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        articles: records.filter((r) => r.detail === 'article'),
        notes: [],
        trash: [],
        settings: null,
      }),
      true,
    );
    const after = (await store.exportBackup('t')).articles;
    expect(tagsOf(after, '/vie-privee/teaser-seulement/')).toEqual([SECURITE]);
    expect(tagsOf(after, '/menaces/scada-et-collectivites/')).toEqual([{ slug: 'scada', name: 'SCADA' }, COLLECTIVITES]);
    expect((await store.tagStats(100)).map((t) => t.slug)).not.toContain('scurit');
  });
});

/** The fixture built again, untouched (to read the previous version's stores beside the upgraded ones). */
async function rebuilt(): Promise<IDBFactory> {
  const factory = new IDBFactory();
  await buildDatabase(factory, dump);
  return factory;
}
