import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPanelPrefs } from '@/entrypoints/archive-page/panel/light-client';
import { mirrorPanelEnabled } from '@/entrypoints/background/panel-mirror';
import { PANEL_COLLAPSED_KEY, PANEL_ENABLED_KEY } from '@/lib/protocol/storage-keys';
import { prefetchingCall } from '@/components/prefetching-call';
import type { CallFn, EventFn } from '@/components/services';
import { RELATED_LIMIT } from '@/components/use-article-view';
import { articleUrlOf } from '@/entrypoints/popup/target';
import type { PageInfo } from '@/lib/model';
import { makeEvent, type AnyEvent } from '@/lib/protocol';

const ARTICLE = 'http://www.securityvibes.fr/menaces/conficker-ver/';
const OTHER = 'http://www.securityvibes.fr/menaces/autre/';

/** A fake background: counts calls and answers each getArticleView with its sequence number as `related` length. */
function fakeCall() {
  const calls: { name: string; payload: unknown }[] = [];
  const call = ((name: string, payload: unknown) => {
    calls.push({ name, payload });
    return Promise.resolve({ ok: true, value: { seq: calls.length } });
  }) as unknown as CallFn;
  return { call, calls };
}

function fakeEvents() {
  const listeners: ((event: AnyEvent) => void)[] = [];
  const onEvent: EventFn = (listener, signal) => {
    listeners.push(listener);
    signal.addEventListener('abort', () => listeners.splice(listeners.indexOf(listener), 1));
  };
  return { onEvent, emit: (event: AnyEvent) => listeners.forEach((listener) => listener(event)) };
}

describe('prefetchingCall (panel.html and the popup ask for the view before the first render)', () => {
  it('asks at once and serves that one answer to the first identical request only', async () => {
    const { call, calls } = fakeCall();
    const { onEvent } = fakeEvents();
    const prefetching = prefetchingCall(ARTICLE, new AbortController().signal, call, onEvent);
    expect(calls).toEqual([{ name: 'ui.getArticleView', payload: { url: ARTICLE, limit: RELATED_LIMIT } }]);
    expect(await prefetching('ui.getArticleView', { url: ARTICLE, limit: RELATED_LIMIT })).toEqual({ ok: true, value: { seq: 1 } });
    expect(await prefetching('ui.getArticleView', { url: ARTICLE, limit: RELATED_LIMIT })).toEqual({ ok: true, value: { seq: 2 } });
    expect(calls).toHaveLength(2);
  });

  it('does not serve it for another article or limit, and drops it after that first request', async () => {
    const { call, calls } = fakeCall();
    const prefetching = prefetchingCall(ARTICLE, new AbortController().signal, call, fakeEvents().onEvent);
    await prefetching('ui.getArticleView', { url: OTHER, limit: RELATED_LIMIT });
    await prefetching('ui.getArticleView', { url: ARTICLE, limit: RELATED_LIMIT });
    expect(calls.map((c) => c.payload)).toEqual([
      { url: ARTICLE, limit: RELATED_LIMIT },
      { url: OTHER, limit: RELATED_LIMIT },
      { url: ARTICLE, limit: RELATED_LIMIT },
    ]);
  });

  it('drops the early answer when the index changes before it is taken (the page was just indexed)', async () => {
    const { call, calls } = fakeCall();
    const { onEvent, emit } = fakeEvents();
    const prefetching = prefetchingCall(ARTICLE, new AbortController().signal, call, onEvent);
    emit(makeEvent('bg.noteChanged', { url: OTHER, note: null }));
    emit(makeEvent('bg.indexChanged', { articles: 12 }));
    expect(await prefetching('ui.getArticleView', { url: ARTICLE, limit: RELATED_LIMIT })).toEqual({ ok: true, value: { seq: 2 } });
    expect(calls).toHaveLength(2);
  });
});

describe('articleUrlOf (the article the popup prefetches is the one it opens on)', () => {
  const page = (kind: 'article' | 'tag', url: string | null) =>
    ({ kind, url, reason: null, article: url ? { url } : null, listing: [], subject: null, next: null }) as unknown as PageInfo;
  it("the context-menu target first, else the tab's article, else none", () => {
    expect(articleUrlOf({ tabId: 1, page: page('article', ARTICLE), requestedUrl: OTHER })).toBe(OTHER);
    expect(articleUrlOf({ tabId: 1, page: page('article', ARTICLE), requestedUrl: null })).toBe(ARTICLE);
    expect(articleUrlOf({ tabId: 1, page: page('tag', null), requestedUrl: null })).toBeNull();
    expect(articleUrlOf({ tabId: null, page: null, requestedUrl: null })).toBeNull();
  });
});

describe('panel switches in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('content script: shown and expanded when nothing is stored, else what is stored', async () => {
    expect(await readPanelPrefs()).toEqual({ enabled: true, collapsed: false });
    await fakeBrowser.storage.local.set({ [PANEL_ENABLED_KEY]: false, [PANEL_COLLAPSED_KEY]: true });
    expect(await readPanelPrefs()).toEqual({ enabled: false, collapsed: true });
  });

  it('background: mirrors the setting for the content script, only when it changes', async () => {
    const writes: unknown[] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => writes.push(changes[PANEL_ENABLED_KEY]?.newValue));
    await mirrorPanelEnabled(false);
    expect(await readPanelPrefs()).toEqual({ enabled: false, collapsed: false });
    await mirrorPanelEnabled(false);
    await mirrorPanelEnabled(true);
    expect(await readPanelPrefs()).toEqual({ enabled: true, collapsed: false });
    expect(writes).toEqual([false, true]);
  });
});
