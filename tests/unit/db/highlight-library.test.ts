/** Highlights in the library (search, "has highlights", articles only highlighted) and in the JSON backup (format 3). */
import { describe, expect, it } from 'vitest';
import { articleMeta, articlePage, tag, testStore, url } from './helpers';
import { BACKUP_VERSION, HIGHLIGHT_LIMITS, TRASH_RETENTION_MS } from '../../../lib/model';
import type { Store } from '../../../lib/db';
import { highlightsToWebAnnotations } from '../../../lib/db/web-annotation';
import type { Highlight } from '../../../lib/model';

const selectors = (exact: string, start: number) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
});

async function library() {
  const ctx = testStore();
  const { store, clock } = ctx;
  await store.indexPages(['a', 'b', 'c'].map((slug) => articlePage(articleMeta(slug, { tags: [tag('apt')] }))));
  await store.saveNote({ url: url('a'), text: 'note sur le ver', rating: 4 });
  clock.now += 1000;
  await store.highlights.create({ id: 'hl-a-second', url: url('a'), selectors: selectors('neuf millions de machines', 80) });
  await store.highlights.create({ id: 'hl-a-first1', url: url('a'), selectors: selectors('Le ver Conficker', 10) });
  clock.now += 1000;
  await store.highlights.create({ id: 'hl-b-only01', url: url('b'), selectors: selectors('Stuxnet visait les centrifugeuses', 0) });
  await store.highlights.saveNote('hl-b-only01', 'Vérifier la source : Symantec');
  await store.saveNote({ url: url('c'), text: 'sans surlignage' });
  return ctx;
}

const list = (store: Store, q: Partial<Parameters<Store['listNotes']>[0]> = {}) => store.listNotes({ sort: 'updated', offset: 0, limit: 20, ...q });

describe('the library with highlights', () => {
  it('lists every annotated article: notes with their highlights in text order, and articles only highlighted', async () => {
    const { store } = await library();
    const { items, total } = await list(store);
    expect(total).toBe(3);
    const byUrl = new Map(items.map((item) => [item.url, item]));
    expect(byUrl.get(url('a'))).toMatchObject({ hasNote: true, text: 'note sur le ver', rating: 4 });
    expect(byUrl.get(url('a'))!.highlights.map((h) => h.exact)).toEqual(['Le ver Conficker', 'neuf millions de machines']);
    expect(byUrl.get(url('b'))).toMatchObject({
      hasNote: false,
      text: '',
      rating: null,
      title: 'Title b',
      highlights: [{ id: 'hl-b-only01', note: 'Vérifier la source : Symantec' }],
    });
    expect(byUrl.get(url('c'))).toMatchObject({ hasNote: true, highlights: [] });
  });

  it('searches highlights and their notes, accent-insensitive, and filters "has highlights"', async () => {
    const { store } = await library();
    const urls = async (q: Partial<Parameters<Store['listNotes']>[0]>) => (await list(store, q)).items.map((item) => item.url).sort();
    expect(await urls({ query: 'centrifugeuses' })).toEqual([url('b')]);
    expect(await urls({ query: 'verifier SYMANTEC' })).toEqual([url('b')]);
    expect(await urls({ query: 'millions machines' })).toEqual([url('a')]);
    expect(await urls({ query: 'surlignage' })).toEqual([url('c')]);
    expect(await urls({ highlighted: true })).toEqual([url('a'), url('b')]);
    expect(await urls({ highlighted: true, rating: 4 })).toEqual([url('a')]);
    expect(await urls({ highlighted: true, query: 'surlignage' })).toEqual([]);
  });

  it('leaves trashed highlights out, and an article whose only highlight is trashed', async () => {
    const { store } = await library();
    await store.highlights.trash('hl-b-only01');
    await store.highlights.trash('hl-a-first1');
    const { items } = await list(store, { highlighted: true });
    expect(items.map((item) => [item.url, item.highlights.map((h) => h.id)])).toEqual([[url('a'), ['hl-a-second']]]);
    expect((await list(store, { query: 'centrifugeuses' })).total).toBe(0);
  });

  it("keeps the popup's recent notes to written notes", async () => {
    const { store } = await library();
    expect((await store.recentNotes(5)).map((note) => note.url)).toEqual([url('c'), url('a')]);
  });
});

describe('highlights in the JSON backup', () => {
  it('round-trips highlights, notes and trashed ones, into an empty store (format 3)', async () => {
    const { store } = await library();
    await store.highlights.trash('hl-a-second');
    const file = await store.exportBackup('test');
    expect(file.version).toBe(BACKUP_VERSION);
    expect(BACKUP_VERSION).toBe(3);
    expect(file.highlights).toHaveLength(3);
    const target = testStore().store;
    const report = await target.importBackup(JSON.stringify(file), true);
    expect(report.highlights).toEqual({ added: 3, updated: 0, kept: 0, rejected: 0 });
    expect(await target.highlights.of(url('b'))).toEqual(await store.highlights.of(url('b')));
    expect((await target.highlights.listTrash()).map((h) => h.id)).toEqual(['hl-a-second']);
    expect({ ...(await target.exportBackup('test')), exportedAt: 'x' }).toEqual({ ...file, exportedAt: 'x' });
  });

  it('merges by id: a newer edit or deletion wins, an older copy never replaces what the reader did since', async () => {
    const { store, clock } = await library();
    const old = await store.exportBackup('test');
    clock.now += 60_000;
    await store.highlights.saveNote('hl-b-only01', 'corrigé après la sauvegarde');
    await store.highlights.trash('hl-a-first1');
    const report = await store.importBackup(JSON.stringify(old), true);
    expect(report.highlights).toEqual({ added: 0, updated: 0, kept: 3, rejected: 0 });
    expect((await store.highlights.of(url('b')))[0]!.note).toBe('corrigé après la sauvegarde');
    expect((await store.highlights.of(url('a'))).map((h) => h.id)).toEqual(['hl-a-second']);

    const newer = {
      ...old,
      highlights: old.highlights!.map((h) => (h.id === 'hl-b-only01' ? { ...h, note: 'de l’autre machine', updatedAt: clock.now + 1 } : h)),
    };
    expect((await store.importBackup(JSON.stringify(newer), true)).highlights.updated).toBe(1);
    expect((await store.highlights.of(url('b')))[0]!.note).toBe('de l’autre machine');
  });

  it('refuses duplicates, trash past 30 days, an id of another article and a 501st highlight, with reasons', async () => {
    const { store, clock } = await library();
    const file = await store.exportBackup('test');
    const base = file.highlights!.find((h) => h.id === 'hl-b-only01')!;
    const many = Array.from({ length: HIGHLIGHT_LIMITS.perArticle }, (_, i) => ({ ...base, id: `hl-many-${String(i).padStart(4, '0')}`, url: url('c') }));
    const hostile = {
      ...file,
      highlights: [
        base,
        base,
        { ...base, id: 'hl-a-first1', url: url('b') },
        { ...base, id: 'hl-old-trash', deletedAt: clock.now - TRASH_RETENTION_MS - 1 },
        ...many,
        { ...base, id: 'hl-one-too-many', url: url('c') },
      ],
    };
    const report = await store.importBackup(JSON.stringify(hostile), true);
    expect(report.highlights).toEqual({ added: HIGHLIGHT_LIMITS.perArticle, updated: 0, kept: 1, rejected: 4 });
    expect(report.rejections).toEqual([
      { reason: 'duplicate highlight id in the file', count: 1 },
      { reason: 'highlight id already used for another article', count: 1 },
      { reason: 'trashed highlight older than 30 days', count: 1 },
      { reason: `an article would hold more than ${HIGHLIGHT_LIMITS.perArticle} highlights`, count: 1 },
    ]);
    expect(await store.highlights.of(url('c'))).toHaveLength(HIGHLIGHT_LIMITS.perArticle);
    expect((await store.highlights.of(url('a'))).map((h) => h.id)).toEqual(['hl-a-first1', 'hl-a-second']);
  });

  it("sets a highlight's times later than tomorrow to the time of import (it would win every later merge)", async () => {
    const { store, clock } = await library();
    const file = await store.exportBackup('test');
    const target = testStore(clock.now).store;
    const future = { ...file, highlights: file.highlights!.map((h) => (h.id === 'hl-b-only01' ? { ...h, updatedAt: Date.UTC(9999, 0, 1) } : h)) };
    const report = await target.importBackup(JSON.stringify(future), true);
    expect(report.futureTimes).toBe(1);
    expect((await target.highlights.of(url('b')))[0]!.updatedAt).toBe(clock.now);
  });

  it('imports a version 2 file (no highlights) and leaves the highlights as they are', async () => {
    const { store } = await library();
    const { highlights: _none, ...rest } = await store.exportBackup('test');
    const report = await store.importBackup(JSON.stringify({ ...rest, version: 2 }), true);
    expect(report.highlights).toEqual({ added: 0, updated: 0, kept: 0, rejected: 0 });
    expect(await store.highlights.all()).toHaveLength(3);
  });

  it('a preview counts highlights and writes none', async () => {
    const { store } = await library();
    const file = await store.exportBackup('test');
    const target = testStore().store;
    expect((await target.importBackup(JSON.stringify(file), false)).highlights.added).toBe(3);
    expect(await target.highlights.all()).toEqual([]);
  });
});

describe('importing a W3C Web Annotation file', () => {
  it('brings back our own export into an empty store (notes, positions, ids), and its preview writes nothing', async () => {
    const { store } = await library();
    const json = highlightsToWebAnnotations(await store.highlights.all(), () => [tag('apt')], 'test');
    const target = testStore().store;
    expect((await target.importBackup(json, false)).highlights).toEqual({ added: 3, updated: 0, kept: 0, rejected: 0 });
    expect(await target.highlights.all()).toEqual([]);
    const report = await target.importBackup(json, true);
    expect(report).toMatchObject({ articles: { added: 0 }, notes: { added: 0 }, settings: null, highlights: { added: 3, rejected: 0 } });
    for (const slug of ['a', 'b']) {
      const strip = (list: Highlight[]) => list.map(({ id, url: u, selectors: s, note }) => ({ id, url: u, selectors: s, note }));
      expect(strip(await target.highlights.of(url(slug)))).toEqual(strip(await store.highlights.of(url(slug))));
    }
    // The same file again changes nothing.
    expect((await target.importBackup(json, true)).highlights).toEqual({ added: 0, updated: 0, kept: 3, rejected: 0 });
  });

  it("reads another tool's annotations: a Wayback address names its article, an annotation it cannot place is counted with a reason", async () => {
    const other = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://hypothes.is/a/Zx3kP0aBcD1234',
        type: 'Annotation',
        body: { type: 'TextualBody', value: 'À relire' },
        target: { source: `https://web.archive.org/web/20100324102000/${url('a')}`, selector: [{ type: 'TextQuoteSelector', exact: 'Le ver Conficker' }] },
      },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'x' } },
      },
    ];
    const { store } = testStore();
    const report = await store.importBackup(JSON.stringify(other), true);
    expect(report.highlights).toEqual({ added: 1, updated: 0, kept: 0, rejected: 1 });
    expect(report.rejections).toEqual([{ reason: 'annotation without an http(s) page or a usable TextQuoteSelector', count: 1 }]);
    expect(await store.highlights.of(url('a'))).toMatchObject([
      { id: 'Zx3kP0aBcD1234', note: 'À relire', selectors: { quote: { exact: 'Le ver Conficker', prefix: '', suffix: '' } } },
    ]);
  });

  it('still refuses a file that is neither a backup nor annotations', async () => {
    const { store } = testStore();
    await expect(store.importBackup(JSON.stringify({ type: 'Something' }), true)).rejects.toMatchObject({
      code: 'invalid-file',
      message: /not a SecurityVibes Companion/,
    });
  });
});
