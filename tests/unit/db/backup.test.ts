import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { BACKUP_VERSION } from '../../../lib/model';
import { articleMeta, articlePage, tag, testStore, url } from './helpers';
import type { Store } from '../../../lib/db';

async function snapshot(store: Store) {
  const file = await store.exportBackup('test');
  return { ...file, exportedAt: 'x' };
}

async function seeded() {
  const ctx = testStore();
  await ctx.store.indexPages([articlePage(articleMeta('a', { tags: [tag('apt')] })), articlePage(articleMeta('b', { tags: [tag('apt')] }))]);
  await ctx.store.saveNote({ url: url('a'), text: 'note a', rating: 4 });
  await ctx.store.saveNote({ url: url('gone'), text: 'trashed' });
  await ctx.store.deleteNote(url('gone'));
  await ctx.store.saveSettings({ panelEnabled: false });
  return ctx;
}

describe('backup export and import', () => {
  it('round-trips everything into an empty store', async () => {
    const { store } = await seeded();
    const json = JSON.stringify(await store.exportBackup('test'));
    const target = testStore().store;
    const preview = await target.importBackup(json, false, true);
    expect(preview).toMatchObject({
      applied: false,
      articles: { added: 2 },
      notes: { added: 1 },
      trash: { added: 1 },
      settings: { changed: ['panelEnabled'], applied: false },
    });
    expect((await target.indexStatus()).articles).toBe(0);
    const report = await target.importBackup(json, true, true);
    expect(report).toEqual({ ...preview, applied: true, settings: { ...preview.settings, applied: true } });
    expect(await snapshot(target)).toEqual(await snapshot(store));
    expect((await target.related(url('a')))[0]!.url).toBe(url('b'));
    expect((await target.search('note', 5))[0]).toMatchObject({ kind: 'note', url: url('a') });
  });

  it('merges notes by updatedAt: never replaces a newer note with an older one', async () => {
    const { store, clock } = await seeded();
    const old = await store.exportBackup('test');
    clock.now += 60_000;
    await store.saveNote({ url: url('a'), text: 'edited after the backup' });
    const report = await store.importBackup(JSON.stringify(old), true);
    expect(report.notes).toEqual({ added: 0, updated: 0, kept: 1, rejected: 0 });
    expect((await store.getNote(url('a')))!.text).toBe('edited after the backup');
    const newer = { ...old, notes: [{ ...old.notes[0]!, text: 'from the future', updatedAt: clock.now + 1 }] };
    expect((await store.importBackup(JSON.stringify(newer), true)).notes.updated).toBe(1);
    expect((await store.getNote(url('a')))!.text).toBe('from the future');
  });

  it('a note deleted here after the backup was written is not resurrected', async () => {
    const { store, clock } = await seeded();
    const old = await store.exportBackup('test');
    clock.now += 1000;
    await store.deleteNote(url('a'));
    expect((await store.importBackup(JSON.stringify(old), true)).notes.kept).toBe(1);
    expect(await store.getNote(url('a'))).toBeNull();
  });

  it('counts kept articles and rejects duplicates and expired trash with reasons', async () => {
    const { store, clock } = await seeded();
    const file = await store.exportBackup('test');
    clock.now += 31 * 86_400_000;
    const report = await store.importBackup(JSON.stringify({ ...file, articles: [...file.articles, file.articles[0]] }), true);
    expect(report.articles).toEqual({ added: 0, updated: 0, kept: 2, rejected: 1 });
    expect(report.trash.rejected).toBe(1);
    expect(report.rejections).toEqual([
      { reason: 'duplicate article URL in the file', count: 1 },
      { reason: 'trash entry older than 30 days', count: 1 },
    ]);
  });

  const refusals: [string, (file: Record<string, unknown>) => string, RegExp][] = [
    ['a newer version', (f) => JSON.stringify({ ...f, version: BACKUP_VERSION + 1 }), /newer version/],
    ['another format', (f) => JSON.stringify({ ...f, format: 'other' }), /not a SecurityVibes Companion/],
    ['corrupt JSON', (f) => JSON.stringify(f).slice(0, -10), /not valid JSON/],
    [
      'a javascript: URL',
      (f) => JSON.stringify({ ...f, notes: [{ url: 'javascript:alert(1)', text: 'x', rating: null, createdAt: 1, updatedAt: 1 }] }),
      /notes\.0\.url/,
    ],
    ['deep nesting', () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nested/],
    ['a wrong field type', (f) => JSON.stringify({ ...f, articles: [{ url: url('x') }] }), /damaged/],
    ['too large', () => ' '.repeat(100 * 1024 * 1024 + 1), /too large/],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what} with a clear message and changes nothing`, async () => {
      const { store } = await seeded();
      const before = await snapshot(store);
      const file = (await store.exportBackup('test')) as unknown as Record<string, unknown>;
      await expect(store.importBackup(make(file), true)).rejects.toMatchObject({ code: 'invalid-file', message });
      expect(await snapshot(store)).toEqual(before);
    });
  }

  it('script strings are kept as plain text', async () => {
    const { store } = testStore();
    const file = await (await seeded()).store.exportBackup('test');
    const hostile = { ...file, notes: [{ ...file.notes[0]!, text: '<script>alert(1)</script>' }] };
    await store.importBackup(JSON.stringify(hostile), true);
    expect((await store.getNote(url('a')))!.text).toBe('<script>alert(1)</script>');
  });

  it('exports notes as Markdown files with YAML front matter in a zip', async () => {
    const { store } = await seeded();
    const files = unzipSync(await store.exportMarkdownZip());
    expect(Object.keys(files)).toEqual(['notes/a.md']);
    const text = strFromU8(files['notes/a.md']!);
    expect(text).toContain('---\ntitle: "Title a"\nurl: "http://www.securityvibes.fr/actualites/a/"\nrubrique: "Actualités"\ntags: ["APT"]\nrating: 4\n');
    expect(text).toMatch(/created: "2026-01-01T00:00:00.000Z"\nupdated: "2026-01-01T00:00:00.000Z"\n---\n\n# Title a\n\nnote a\n/);
  });

  it("puts each highlight under the article's note as a quote then its note, and exports highlighted articles without a note", async () => {
    const { store } = await seeded();
    const quote = (exact: string, start: number) => ({
      quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
    });
    await store.highlights.create({ id: 'hl-second-1', url: url('a'), selectors: quote('neuf *millions*', 50) });
    await store.highlights.saveNote('hl-second-1', 'Chiffre de F-Secure');
    await store.highlights.create({ id: 'hl-first-01', url: url('a'), selectors: quote('Le ver', 10) });
    await store.highlights.create({ id: 'hl-other-01', url: url('z'), selectors: quote('Stuxnet', 0) });
    const files = unzipSync(await store.exportMarkdownZip());
    expect(Object.keys(files).sort()).toEqual(['notes/a.md', 'notes/z.md']);
    expect(strFromU8(files['notes/a.md']!)).toMatch(/\nnote a\n\n## Highlights\n\n> Le ver\n\n> neuf \\\*millions\\\*\n\nChiffre de F-Secure\n$/);
    expect(strFromU8(files['notes/z.md']!)).toMatch(/rating: null[\s\S]*## Highlights\n\n> Stuxnet\n$/);
  });
});
