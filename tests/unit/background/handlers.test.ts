import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildHandlers } from '@/entrypoints/background/handlers';
import { calls } from '@/lib/protocol';
import { PANEL_ENABLED_KEY, tabPageKey } from '@/lib/protocol/storage-keys';
import { POPUP, contentIn, page, route, stubUnmockedApis } from './setup';

let sent: ReturnType<typeof stubUnmockedApis>;
beforeEach(() => {
  sent = stubUnmockedApis();
});

describe('background handlers: one complete map', () => {
  it('has exactly one handler per call of the protocol', () => {
    expect(Object.keys(buildHandlers()).sort()).toEqual(Object.keys(calls).sort());
  });
});

describe('background handlers: the content script reports a page', () => {
  it('indexes it, remembers it for the tab, and answers the panel setting', async () => {
    const seen = page('handlers-page-seen');
    const tab = await fakeBrowser.tabs.create({ url: seen.url! });
    const answer = await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(tab.id!, seen.url!));
    expect(answer).toEqual({ ok: true, value: { indexed: 1, panelEnabled: true, panelToken: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    expect((await fakeBrowser.storage.session.get(tabPageKey(tab.id!)))[tabPageKey(tab.id!)]).toMatchObject({
      page: { kind: 'article', url: seen.url },
      address: seen.url,
    });
    expect(await route({ call: 'ui.getTabPage', payload: { tabId: tab.id! } }, POPUP)).toMatchObject({ ok: true, value: { url: seen.url } });
    const view = await route({ call: 'ui.getArticleView', payload: { url: seen.url } }, POPUP);
    expect(view).toMatchObject({ ok: true, value: { article: { url: seen.url, title: 'Title handlers-page-seen' }, note: null } });
  });

  it('answers null for a tab nothing was reported for', async () => {
    expect(await route({ call: 'ui.getTabPage', payload: { tabId: 999 } }, POPUP)).toEqual({ ok: true, value: null });
  });
});

describe('background handlers: notes and the trash', () => {
  const url = 'http://www.securityvibes.fr/actualites/handlers-note/';

  it('saves, trashes and restores a note, announcing each change to extension pages', async () => {
    const saved = await route({ call: 'ui.saveNote', payload: { url, text: 'Lu en 2010', rating: 4 } }, POPUP);
    expect(saved).toMatchObject({ ok: true, value: { url, text: 'Lu en 2010', rating: 4 } });
    expect(sent.runtimeSends).toContainEqual({ event: 'bg.noteChanged', payload: { url, note: expect.objectContaining({ text: 'Lu en 2010' }) } });

    expect(await route({ call: 'ui.deleteNote', payload: { url } }, POPUP)).toEqual({ ok: true, value: { trashed: true } });
    expect(await route({ call: 'ui.listTrash', payload: {} }, POPUP)).toMatchObject({ ok: true, value: [{ url, text: 'Lu en 2010' }] });
    expect(await route({ call: 'ui.restoreNote', payload: { url } }, POPUP)).toMatchObject({ ok: true, value: { url, text: 'Lu en 2010', rating: 4 } });
    expect(await route({ call: 'ui.recentNotes', payload: {} }, POPUP)).toMatchObject({ ok: true, value: [{ url, text: 'Lu en 2010' }] });
  });
});

describe('background handlers: settings', () => {
  it('mirrors panelEnabled into storage.local for the content script', async () => {
    const saved = await route({ call: 'ui.saveSettings', payload: { panelEnabled: false } }, POPUP);
    expect(saved).toMatchObject({ ok: true, value: { panelEnabled: false } });
    expect((await fakeBrowser.storage.local.get(PANEL_ENABLED_KEY))[PANEL_ENABLED_KEY]).toBe(false);
    expect(await route({ call: 'ui.getSettings', payload: {} }, POPUP)).toMatchObject({ ok: true, value: { panelEnabled: false } });
    await route({ call: 'ui.saveSettings', payload: { panelEnabled: true } }, POPUP);
    expect((await fakeBrowser.storage.local.get(PANEL_ENABLED_KEY))[PANEL_ENABLED_KEY]).toBe(true);
  });
});

describe('background handlers: index', () => {
  it('counts, browses and clears the index', async () => {
    const seen = page('handlers-index');
    await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(8, seen.url!));
    expect(await route({ call: 'ui.countIndexed', payload: { urls: [seen.url!, 'http://www.securityvibes.fr/nope/'] } }, POPUP)).toEqual({
      ok: true,
      value: { indexed: 1 },
    });
    const status = await route({ call: 'ui.indexStatus', payload: {} }, POPUP);
    expect(status.ok && (status.value as { articles: number }).articles).toBeGreaterThanOrEqual(1);
    expect(await route({ call: 'ui.clearIndex', payload: {} }, POPUP)).toMatchObject({ ok: true });
    expect(await route({ call: 'ui.countIndexed', payload: { urls: [seen.url!] } }, POPUP)).toEqual({ ok: true, value: { indexed: 0 } });
    expect(sent.runtimeSends).toContainEqual({ event: 'bg.indexChanged', payload: { articles: 0 } });
  });
});
