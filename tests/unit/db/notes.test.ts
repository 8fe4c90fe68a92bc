import { describe, expect, it } from 'vitest';
import { TRASH_RETENTION_MS } from '../../../lib/model';
import { articleMeta, articlePage, tag, testStore, url } from './helpers';

describe('notes, ratings and trash', () => {
  it('patches: omitted fields keep their value; createdAt stays, updatedAt moves', async () => {
    const { store, clock } = testStore();
    const first = await store.saveNote({ url: url('a'), text: 'hello' });
    clock.now += 5000;
    const second = await store.saveNote({ url: url('a'), rating: 4 });
    expect(second).toEqual({ url: url('a'), text: 'hello', rating: 4, createdAt: first!.createdAt, updatedAt: first!.createdAt + 5000 });
    const third = await store.saveNote({ url: url('a'), rating: null });
    expect(third).toMatchObject({ text: 'hello', rating: null });
    expect(await store.getNote(url('a'))).toEqual(third);
  });

  it('a patch that empties a note moves it, as it was, to the trash (restorable)', async () => {
    const { store } = testStore();
    await store.saveNote({ url: url('a'), text: 'x', rating: 2 });
    expect(await store.saveNote({ url: url('a'), text: '  ', rating: null })).toBeNull();
    expect(await store.getNote(url('a'))).toBeNull();
    expect(await store.listTrash()).toMatchObject([{ url: url('a'), text: 'x', rating: 2 }]);
    expect(await store.restoreNote(url('a'))).toMatchObject({ text: 'x', rating: 2 });
    // Emptying in two steps trashes the last version that held something.
    await store.saveNote({ url: url('a'), rating: null });
    await store.saveNote({ url: url('a'), text: '' });
    expect(await store.listTrash()).toMatchObject([{ url: url('a'), text: 'x', rating: null }]);
    // Emptying a note that does not exist trashes nothing.
    expect(await store.saveNote({ url: url('b'), text: '', rating: null })).toBeNull();
    expect(await store.listTrash()).toHaveLength(1);
  });

  it('two contexts editing different notes at once never lose either', async () => {
    const { store, factory, clock } = testStore();
    const { createStore } = await import('../../../lib/db');
    const otherTab = createStore(factory, { now: () => clock.now });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        store.saveNote({ url: url(`left-${i}`), text: `left ${i}` }),
        otherTab.saveNote({ url: url(`right-${i}`), rating: (i % 5) + 1 }),
      ]).flat(),
    );
    expect((await store.listNotes({ sort: 'updated', offset: 0, limit: 100 })).total).toBe(40);
  });

  it('concurrent patches of the same note merge field by field (each patch is atomic)', async () => {
    const { store, factory, clock } = testStore();
    const { createStore } = await import('../../../lib/db');
    const otherTab = createStore(factory, { now: () => clock.now });
    await Promise.all([store.saveNote({ url: url('a'), text: 'from tab 1' }), otherTab.saveNote({ url: url('a'), rating: 3 })]);
    expect(await store.getNote(url('a'))).toMatchObject({ text: 'from tab 1', rating: 3 });
  });

  it('delete moves to the trash; restore brings it back; purged after 30 days', async () => {
    const { store, clock } = testStore();
    await store.saveNote({ url: url('a'), text: 'precious', rating: 5 });
    expect(await store.deleteNote(url('a'))).toBe(true);
    expect(await store.deleteNote(url('a'))).toBe(false);
    expect(await store.getNote(url('a'))).toBeNull();
    expect((await store.listTrash()).map((t) => [t.url, t.text])).toEqual([[url('a'), 'precious']]);
    expect(await store.restoreNote(url('a'))).toMatchObject({ text: 'precious', rating: 5 });
    expect(await store.listTrash()).toEqual([]);
    await store.deleteNote(url('a'));
    clock.now += TRASH_RETENTION_MS + 1;
    await expect(store.restoreNote(url('a'))).rejects.toMatchObject({ code: 'not-found' });
    expect(await store.listTrash()).toEqual([]);
    expect((await store.indexStatus()).trash).toBe(0);
  });

  it('restoring over a newer note keeps both texts', async () => {
    const { store, clock } = testStore();
    await store.saveNote({ url: url('a'), text: 'old' });
    await store.deleteNote(url('a'));
    clock.now += 1000;
    await store.saveNote({ url: url('a'), text: 'new', rating: 2 });
    expect(await store.restoreNote(url('a'))).toMatchObject({ text: 'new\n\nold', rating: 2 });
  });

  it('lists notes joined with their article, filtered and sorted', async () => {
    const { store, clock } = testStore();
    await store.indexPages([
      articlePage(articleMeta('a', { tags: [tag('apt')], title: 'Sécurité des réseaux' })),
      articlePage(articleMeta('b', { category: { slug: 'dossiers', name: 'Dossiers' } })),
    ]);
    await store.saveNote({ url: url('a'), text: 'first', rating: 3 });
    clock.now += 10;
    await store.saveNote({ url: url('b'), text: 'second', rating: 5 });
    clock.now += 10;
    await store.saveNote({ url: url('c'), text: 'orphan note' });
    const all = await store.listNotes({ sort: 'updated', offset: 0, limit: 10 });
    expect(all.items.map((n) => n.url)).toEqual([url('c'), url('b'), url('a')]);
    expect(all.items[2]).toMatchObject({ title: 'Sécurité des réseaux', tags: [tag('apt')] });
    expect(all.items[0]).toMatchObject({ title: null, tags: [], category: null });
    expect((await store.listNotes({ sort: 'rating', offset: 0, limit: 10 })).items.map((n) => n.url)).toEqual([url('b'), url('a'), url('c')]);
    expect((await store.listNotes({ sort: 'updated', rating: 3, offset: 0, limit: 10 })).items.map((n) => n.url)).toEqual([url('a')]);
    expect((await store.listNotes({ sort: 'updated', tag: 'apt', offset: 0, limit: 10 })).total).toBe(1);
    expect((await store.listNotes({ sort: 'updated', category: 'dossiers', offset: 0, limit: 10 })).total).toBe(1);
    expect((await store.listNotes({ sort: 'updated', query: 'securite', offset: 0, limit: 10 })).items.map((n) => n.url)).toEqual([url('a')]);
    expect((await store.listNotes({ sort: 'updated', offset: 1, limit: 1 })).items.map((n) => n.url)).toEqual([url('b')]);
    expect((await store.recentNotes(2)).map((n) => n.url)).toEqual([url('c'), url('b')]);
  });

  it('related items carry the reader rating', async () => {
    const { store } = testStore();
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('x')] })), articlePage(articleMeta('b', { tags: [tag('x')] }))]);
    await store.saveNote({ url: url('b'), rating: 4 });
    expect((await store.related(url('a')))[0]).toMatchObject({ url: url('b'), rating: 4, sharedTags: [tag('x')] });
  });

  it('settings: defaults, partial save, invalid refused', async () => {
    const { store } = testStore();
    const defaults = await store.getSettings();
    expect(defaults.panelEnabled).toBe(true);
    expect(await store.saveSettings({ panelEnabled: false })).toEqual({ ...defaults, panelEnabled: false });
    await expect(store.saveSettings({ crawlConcurrency: 99 })).rejects.toMatchObject({ code: 'invalid-message' });
    expect((await store.getSettings()).panelEnabled).toBe(false);
  });
});
