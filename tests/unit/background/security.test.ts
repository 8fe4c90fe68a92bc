import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onRelatedMenuClicked, RELATED_MENU_ID } from '@/entrypoints/background/context-menu';
import { listenForNoteDrafts } from '@/entrypoints/background/note-drafts';
import { setupTabPages } from '@/entrypoints/background/tab-pages';
import { DRAFT_PORT } from '@/lib/protocol/draft-port';
import { tabPageKey } from '@/lib/protocol/storage-keys';
import type { SenderLike } from '@/lib/protocol';
import { PANEL, POPUP, contentIn, page, route, stubUnmockedApis } from './setup';

let sent: ReturnType<typeof stubUnmockedApis>;
beforeEach(() => {
  sent = stubUnmockedApis();
});

/** Waits (bounded) for work the code under test started without awaiting; the assertion that follows decides. */
const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};
const sessionEmpty = (tabId: number) => async () => Object.keys(await fakeBrowser.storage.session.get(tabPageKey(tabId))).length === 0;

describe('content scripts only report what they see (issue 12, must-have 1)', () => {
  it('refuses every ui.* read or write from a content script on an archive article', async () => {
    const seen = page('sec-read');
    await route({ call: 'ui.saveNote', payload: { url: seen.url, text: 'secret', rating: 5 } }, POPUP);
    const content = contentIn(3, seen.url!);
    for (const [call, payload] of [
      ['ui.getArticleView', { url: seen.url }],
      ['ui.browse', { by: 'tag', slug: 'apt' }],
      ['ui.saveNote', { url: seen.url, text: '', rating: null }],
      ['ui.getSettings', {}],
      ['ui.indexStatus', {}],
      ['ui.ping', {}],
    ] as const) {
      expect(await route({ call, payload }, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await route({ call: 'ui.getArticleView', payload: { url: seen.url } }, POPUP)).toMatchObject({
      ok: true,
      value: { note: { text: 'secret', rating: 5 } },
    });
  });

  it('accepts content.pageSeen only from an archive tab, for a page on the archive', async () => {
    const seen = page('sec-seen');
    expect(await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(3, 'https://evil.example/x/'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(3, seen.url!, 2))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const elsewhere = { ...seen, url: 'https://evil.example/menaces/x/', article: { ...seen.article!, url: 'https://evil.example/menaces/x/' } };
    expect(await route({ call: 'content.pageSeen', payload: { page: elsewhere } }, contentIn(3, seen.url!))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await route({ call: 'ui.countIndexed', payload: { urls: [seen.url!] } }, POPUP)).toEqual({ ok: true, value: { indexed: 0 } });
    expect(await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(3, seen.url!))).toMatchObject({ ok: true });
  });

  it('accepts a Wayback copy only while Wayback support is on', async () => {
    const seen = page('sec-wayback');
    const copy = contentIn(3, `https://web.archive.org/web/20100324102000/${seen.url}`);
    expect(await route({ call: 'content.pageSeen', payload: { page: seen } }, copy)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await route({ call: 'ui.saveSettings', payload: { waybackEnabled: true } }, POPUP);
    expect(await route({ call: 'content.pageSeen', payload: { page: seen } }, copy)).toMatchObject({ ok: true });
    await route({ call: 'ui.saveSettings', payload: { waybackEnabled: false } }, POPUP);
  });
});

describe('no note text, rating or reading data reaches a content script (must-have 2)', () => {
  it('announces note and index changes to extension pages only', async () => {
    const url = page('sec-events').url!;
    await route({ call: 'ui.saveNote', payload: { url, text: 'private', rating: 2 } }, POPUP);
    await route({ call: 'ui.deleteNote', payload: { url } }, POPUP);
    await route({ call: 'ui.restoreNote', payload: { url } }, PANEL);
    await route({ call: 'content.pageSeen', payload: { page: page('sec-events-2') } }, contentIn(5, page('sec-events-2').url!));
    await until(() => sent.runtimeSends.length >= 4);
    expect(sent.runtimeSends.filter((m) => (m as { event: string }).event === 'bg.noteChanged')).toHaveLength(3);
    expect(sent.tabSends).toEqual([]);
  });

  it('sends a tab only the URL of the context menu fallback, to its top frame', async () => {
    const url = page('sec-menu').url!;
    vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('no popup here'));
    onRelatedMenuClicked({ menuItemId: RELATED_MENU_ID, linkUrl: url, editable: false, pageUrl: url }, { id: 12 } as never);
    await until(() => sent.tabSends.length > 0);
    expect(sent.tabSends).toEqual([{ tabId: 12, message: { event: 'bg.showRelated', payload: { url } }, options: { frameId: 0 } }]);
  });
});

describe('every delete goes through the trash (must-have 3)', () => {
  it('a save that empties text and rating trashes the note, restorable', async () => {
    const url = page('sec-empty').url!;
    await route({ call: 'ui.saveNote', payload: { url, text: 'keep me', rating: 3 } }, POPUP);
    expect(await route({ call: 'ui.saveNote', payload: { url, text: '', rating: null } }, POPUP)).toMatchObject({
      ok: true,
      value: { text: '', rating: null },
    });
    expect(await route({ call: 'ui.listTrash', payload: {} }, POPUP)).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ url, text: 'keep me', rating: 3 })]),
    });
    expect(await route({ call: 'ui.restoreNote', payload: { url } }, POPUP)).toMatchObject({ ok: true, value: { text: 'keep me', rating: 3 } });
  });

  it('the note-draft port closes at once for a content script, and commits for an extension page', async () => {
    let onConnect: ((port: never) => void) | null = null;
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => {
      onConnect = listener as never;
    });
    const routed = vi.fn(async () => undefined);
    listenForNoteDrafts(routed);
    const port = (sender: object) => {
      const listeners = { message: [] as ((m: unknown) => void)[], disconnect: [] as (() => void)[] };
      return {
        name: DRAFT_PORT,
        sender,
        disconnect: vi.fn(),
        onMessage: { addListener: (l: (m: unknown) => void) => listeners.message.push(l) },
        onDisconnect: { addListener: (l: () => void) => listeners.disconnect.push(l) },
        listeners,
      };
    };
    const url = page('sec-draft').url!;
    const fromContent = port(contentIn(3, url));
    onConnect!(fromContent as never);
    expect(fromContent.disconnect).toHaveBeenCalled();
    expect(fromContent.listeners.message).toHaveLength(0);

    const fromPopup = port(POPUP);
    onConnect!(fromPopup as never);
    expect(fromPopup.disconnect).not.toHaveBeenCalled();
    fromPopup.listeners.message.forEach((l) => l({ kind: 'draft', url, text: 'typed' }));
    fromPopup.listeners.disconnect.forEach((l) => l());
    expect(routed).toHaveBeenCalledWith({ call: 'ui.saveNote', payload: { url, text: 'typed' } }, POPUP);
  });
});

describe('the popup only presents the tab current page (must-have 5)', () => {
  it('ignores a stored page once the tab shows another address, and drops it on navigation and close', async () => {
    setupTabPages();
    const seen = page('sec-tab');
    const tab = await fakeBrowser.tabs.create({ url: seen.url! });
    await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(tab.id!, seen.url!));
    expect(await route({ call: 'ui.getTabPage', payload: { tabId: tab.id! } }, POPUP)).toMatchObject({ ok: true, value: { url: seen.url } });

    // Same page, other spelling (https, fragment): still this page.
    await fakeBrowser.tabs.update(tab.id!, { url: `${seen.url!.replace('http:', 'https:')}#comments` });
    expect(await route({ call: 'ui.getTabPage', payload: { tabId: tab.id! } }, POPUP)).toMatchObject({ ok: true, value: { url: seen.url } });

    // The reader leaves the archive: the stored page is dropped.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://example.org/' });
    await until(sessionEmpty(tab.id!));
    expect(await fakeBrowser.storage.session.get(tabPageKey(tab.id!))).toEqual({});
    expect(await route({ call: 'ui.getTabPage', payload: { tabId: tab.id! } }, POPUP)).toEqual({ ok: true, value: null });

    // Closed: dropped too.
    const other = await fakeBrowser.tabs.create({ url: seen.url! });
    await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(other.id!, seen.url!));
    await fakeBrowser.tabs.onRemoved.trigger(other.id!, { isWindowClosing: false, windowId: 0 });
    await until(sessionEmpty(other.id!));
    expect(await fakeBrowser.storage.session.get(tabPageKey(other.id!))).toEqual({});
  });

  it('ignores a stored page even if nothing dropped it (the worker slept through the navigation)', async () => {
    const seen = page('sec-stale');
    const tab = await fakeBrowser.tabs.create({ url: seen.url! });
    await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(tab.id!, seen.url!));
    // No listener registered in this test: the storage entry stays, the reader must not believe it.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://example.org/' });
    expect(Object.keys(await fakeBrowser.storage.session.get(tabPageKey(tab.id!)))).toEqual([tabPageKey(tab.id!)]);
    expect(await route({ call: 'ui.getTabPage', payload: { tabId: tab.id! } }, POPUP)).toEqual({ ok: true, value: null });
  });
});

describe('the panel draws only for a one-time token of its tab (must-have 4)', () => {
  const panelIn = (tabId: number): SenderLike => ({ ...PANEL, tab: { id: tabId, url: page('sec-token').url! } });

  it('issues a token with the page report, redeemable once, by the panel of that tab only', async () => {
    const seen = page('sec-token');
    const answer = await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(21, seen.url!));
    const token = answer.ok ? (answer.value as { panelToken: string }).panelToken : '';
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(await route({ call: 'ui.openPanel', payload: { token } }, contentIn(21, seen.url!))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ call: 'ui.openPanel', payload: { token } }, panelIn(22))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ call: 'ui.openPanel', payload: { token } }, panelIn(21))).toEqual({ ok: true, value: { url: seen.url } });
    expect(await route({ call: 'ui.openPanel', payload: { token } }, panelIn(21))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a wrong guess uses the tab token up; a new report issues a new one; none when the panel is off', async () => {
    const seen = page('sec-token-2');
    const first = await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(23, seen.url!));
    const token = first.ok ? (first.value as { panelToken: string }).panelToken : '';
    expect(await route({ call: 'ui.openPanel', payload: { token: 'f'.repeat(32) } }, panelIn(23))).toMatchObject({ ok: false });
    expect(await route({ call: 'ui.openPanel', payload: { token } }, panelIn(23))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await route({ call: 'ui.saveSettings', payload: { panelEnabled: false } }, POPUP);
    expect(await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(23, seen.url!))).toMatchObject({
      ok: true,
      value: { panelToken: null },
    });
    await route({ call: 'ui.saveSettings', payload: { panelEnabled: true } }, POPUP);
  });
});

describe('Firefox: events reach the panel by its own frame, never the tab’s content script', () => {
  it('sends bg.noteChanged to the recorded panel frame (frameId > 0) only', async () => {
    const origin = 'moz-extension://5c0b7e2a-9d4f-4e61-8a3b-1f2e3d4c5b6a';
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `${origin}/${path.replace(/^\//, '')}`);
    const seen = page('sec-firefox');
    const answer = await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(31, seen.url!));
    const token = answer.ok ? (answer.value as { panelToken: string }).panelToken : '';
    const panel: SenderLike = { id: fakeBrowser.runtime.id, url: `${origin}/panel.html`, tab: { id: 31, url: seen.url! }, frameId: 9 };
    expect(await route({ call: 'ui.openPanel', payload: { token } }, panel)).toEqual({ ok: true, value: { url: seen.url } });
    await route({ call: 'ui.saveNote', payload: { url: seen.url!, text: 'private', rating: 1 } }, { id: fakeBrowser.runtime.id, url: `${origin}/popup.html` });
    await until(() => sent.tabSends.length > 0);
    expect(sent.tabSends.length).toBeGreaterThan(0);
    expect(sent.tabSends.every((s) => s.tabId === 31 && (s as { options?: { frameId?: number } }).options?.frameId === 9)).toBe(true);
  });
});
