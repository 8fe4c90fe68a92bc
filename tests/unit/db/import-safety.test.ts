/**
 * Import takes neither settings nor dates from a file at face value (issue 12, must-have 8): the file's
 * settings are shown beside the reader's and written only when asked; times later than a day from now
 * become the time of import, before any merge by date.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, DEFAULT_SETTINGS, type BackupFile, type Settings } from '../../../lib/model';
import { FUTURE_SLACK_MS, clampFutureTimes, settingsChanges } from '../../../lib/db/import-checks';
import { articleMeta, articlePage, tag, testStore, url } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

function file(over: Partial<BackupFile>): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-01-01T00:00:00.000Z',
    articles: [],
    notes: [],
    trash: [],
    settings: null,
    ...over,
  });
}

describe("import: the file's settings", () => {
  const theirs: Settings = { ...DEFAULT_SETTINGS, archiveHosts: ['evil.example'], crawlDelayMs: 0, crawlConcurrency: 4 };

  it("are compared with the reader's and left alone unless the reader asks", async () => {
    const { store } = testStore();
    const mine = await store.saveSettings({ panelEnabled: false });
    const preview = await store.importBackup(file({ settings: theirs }), false, true);
    expect(preview.settings).toEqual({
      current: mine,
      incoming: theirs,
      changed: ['archiveHosts', 'panelEnabled', 'crawlDelayMs', 'crawlConcurrency'],
      applied: false,
    });

    const kept = await store.importBackup(file({ settings: theirs }), true);
    expect(kept.settings).toMatchObject({ applied: false });
    expect(await store.getSettings()).toEqual(mine);
    const refused = await store.importBackup(file({ settings: theirs }), true, false);
    expect(refused.settings?.applied).toBe(false);
    expect(await store.getSettings()).toEqual(mine);

    const applied = await store.importBackup(file({ settings: theirs }), true, true);
    expect(applied.settings).toMatchObject({ applied: true, current: mine, incoming: theirs });
    expect(await store.getSettings()).toEqual(theirs);
  });

  it("a file without settings, or with the reader's own, changes nothing and says so", async () => {
    const { store } = testStore();
    expect((await store.importBackup(file({ settings: null }), true, true)).settings).toBeNull();
    const same = await store.importBackup(file({ settings: { ...DEFAULT_SETTINGS, archiveHosts: [...DEFAULT_SETTINGS.archiveHosts].reverse() } }), true, true);
    expect(same.settings).toMatchObject({ changed: [], applied: false });
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('compares every setting there is', () => {
    const keys = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
    for (const key of keys) {
      const other = {
        ...DEFAULT_SETTINGS,
        [key]: key === 'archiveHosts' ? ['x.example'] : typeof DEFAULT_SETTINGS[key] === 'boolean' ? !DEFAULT_SETTINGS[key] : 3,
      };
      expect(settingsChanges(DEFAULT_SETTINGS, other as Settings), key).toEqual([key]);
    }
  });
});

describe('import: times from the future', () => {
  it('later than now + a day become now; within a day they are kept', () => {
    const now = Date.UTC(2026, 0, 1);
    const note = { url: url('a'), text: 'x', rating: null, createdAt: now - DAY, updatedAt: now + FUTURE_SLACK_MS };
    const far = { ...note, url: url('b'), createdAt: now + 400 * DAY, updatedAt: 253_402_300_799_000 };
    const trashed = { ...note, url: url('c'), deletedAt: now + 2 * DAY };
    const parsed: BackupFile = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: '2026-01-01T00:00:00.000Z',
      articles: [],
      notes: [note, far],
      trash: [trashed],
      settings: null,
    };
    const { file: clamped, clamped: count } = clampFutureTimes(parsed, now);
    expect(count).toBe(3);
    expect(clamped.notes).toEqual([note, { ...far, createdAt: now, updatedAt: now }]);
    expect(clamped.trash).toEqual([{ ...trashed, deletedAt: now }]);
    expect(parsed.notes[1]!.updatedAt).toBe(253_402_300_799_000); // the input is not touched
  });

  it('a note dated 9999 does not win every later merge, a trash entry dated 9999 expires, articles are seen now', async () => {
    const { store, clock } = testStore();
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('apt')] }))]);
    await store.saveNote({ url: url('a'), text: 'mine' });
    const year9999 = 253_402_300_799_000;
    const exported = await store.exportBackup('test');
    const hostile = file({
      articles: exported.articles.map((a) => ({ ...a, firstSeenAt: year9999, updatedAt: year9999 })),
      notes: [{ url: url('a'), text: 'from 9999', rating: null, createdAt: year9999, updatedAt: year9999 }],
      trash: [{ url: url('z'), text: 'forever', rating: null, createdAt: 1, updatedAt: 1, deletedAt: year9999 }],
    });
    const report = await store.importBackup(hostile, true);
    expect(report.futureTimes).toBe(5); // 2 article times, 2 note times, 1 deletion time
    // Dated now, the file's note is no newer than mine (saved now too): mine stays…
    expect(report.notes).toMatchObject({ kept: 1, updated: 0 });
    expect((await store.getNote(url('a')))!.text).toBe('mine');
    // …and so does an edit made afterwards, on a second import of the same file.
    clock.now += 1000;
    await store.saveNote({ url: url('a'), text: 'edited later' });
    expect((await store.importBackup(hostile, true)).notes.kept).toBe(1);
    expect((await store.getNote(url('a')))!.text).toBe('edited later');
    const backup = await store.exportBackup('test');
    expect(backup.trash.find((t) => t.url === url('z'))?.deletedAt).toBe(clock.now); // so it expires 30 days from now
    expect(backup.articles.every((a) => a.firstSeenAt <= clock.now && a.updatedAt <= clock.now)).toBe(true);
  });
});
