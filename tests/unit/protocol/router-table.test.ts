import { describe, expect, it, vi } from 'vitest';
import { calls, createRouter, createTabRateLimit, type CallName, type Handlers, type SenderLike } from '../../../lib/protocol';
import { archiveTabPlace } from '../../../lib/archive/archive-tab';
import { CALL_SAMPLES as SAMPLES } from './call-samples';
import { handlersWith } from './handler-stubs';

const SELF = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
const ARTICLE = 'http://www.securityvibes.fr/menaces/un-article/';
const PAGE = SAMPLES['content.pageSeen'].page;

/** The five kinds of sender the issue names, as the browsers describe them. */
const SENDERS: Record<string, { sender: SenderLike; kind: 'page' | 'content' | null }> = {
  'extension page (popup)': { sender: { id: SELF.id, url: `${SELF.origin}/popup.html` }, kind: 'page' },
  'extension page framed in an archive tab (the panel)': {
    sender: { id: SELF.id, url: `${SELF.origin}/panel.html`, tab: { id: 4, url: ARTICLE }, frameId: 7 },
    kind: 'page',
  },
  'content script, top frame of an archive tab': { sender: { id: SELF.id, url: ARTICLE, tab: { id: 4, url: ARTICLE }, frameId: 0 }, kind: 'content' },
  'content script in a subframe': { sender: { id: SELF.id, url: ARTICLE, tab: { id: 4, url: 'https://evil.example/' }, frameId: 3 }, kind: null },
  'other extension': { sender: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/bg.js' }, kind: null },
  'web page (externally_connectable)': { sender: { url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' }, frameId: 0 }, kind: null },
};

function table() {
  const handlers = Object.fromEntries(Object.keys(calls).map((name) => [name, vi.fn(() => null)])) as unknown as Handlers;
  const route = createRouter(handlers, {
    self: () => SELF,
    isArchiveTab: (url) => archiveTabPlace(url, { waybackEnabled: false }) !== null,
    contentRate: createTabRateLimit({ capacity: 1000, refillPerSecond: 0 }),
  });
  return { handlers: handlers as unknown as Record<CallName, ReturnType<typeof vi.fn>>, route };
}

describe('router table: every call × every kind of sender', () => {
  const rows = (Object.keys(calls) as CallName[]).flatMap((name) => Object.keys(SENDERS).map((who) => [name, who] as const));
  it.each(rows)('%s from %s', async (name, who) => {
    const { sender, kind } = SENDERS[who]!;
    const { handlers, route } = table();
    const allowed = kind !== null && (calls[name].from as readonly string[]).includes(kind);
    const result = await route({ call: name, payload: SAMPLES[name] }, sender);
    if (allowed) {
      expect(result).toEqual({ ok: true, value: null });
      expect(handlers[name]).toHaveBeenCalledTimes(1);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(handlers[name]).not.toHaveBeenCalled();
    }
  });

  it('lets content scripts make content.* calls only, and every ui.* call is extension-page only', () => {
    for (const name of Object.keys(calls) as CallName[]) {
      expect([...calls[name].from]).toEqual(name.startsWith('content.') ? ['content'] : ['page']);
    }
  });
});

describe('router: content scripts only on archive tabs, within their rate', () => {
  const pageSeen = { call: 'content.pageSeen', payload: { page: PAGE } };
  const inTab = (url: string, tabId = 5): SenderLike => ({ id: SELF.id, url, tab: { id: tabId, url }, frameId: 0 });
  const routerWith = (isArchiveTab: (url: string) => boolean | Promise<boolean>, capacity = 100) => {
    const seen = vi.fn(() => ({ indexed: 1, panelEnabled: true, panelToken: null }));
    const route = createRouter(handlersWith({ 'content.pageSeen': seen }), {
      self: () => SELF,
      isArchiveTab,
      contentRate: createTabRateLimit({ capacity, refillPerSecond: 0 }),
    });
    return { route, seen };
  };

  it('decides on the address the browser reports for the sender, whatever the payload claims', async () => {
    const { route, seen } = routerWith((url) => archiveTabPlace(url, { waybackEnabled: false }) !== null);
    expect(await route(pageSeen, inTab('https://evil.example/menaces/un-article/'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(seen).not.toHaveBeenCalled();
    expect(await route(pageSeen, inTab(ARTICLE))).toMatchObject({ ok: true });
    expect(seen).toHaveBeenCalledWith({ page: PAGE }, { sender: 'content', tabId: 5, frameUrl: ARTICLE });
  });

  it('fails closed when the archive-tab check throws or rejects', async () => {
    for (const check of [
      () => {
        throw new Error('settings unreadable');
      },
      () => Promise.reject(new Error('db blocked')),
    ]) {
      const { route, seen } = routerWith(check);
      expect(await route(pageSeen, inTab(ARTICLE))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(seen).not.toHaveBeenCalled();
    }
  });

  it('refuses a tab over its rate, and counts each tab apart', async () => {
    const { route, seen } = routerWith(() => true, 3);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await route(pageSeen, inTab(ARTICLE, 5)));
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false, false]);
    expect(answers[4]).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await route(pageSeen, inTab(ARTICLE, 6))).toMatchObject({ ok: true });
    expect(seen).toHaveBeenCalledTimes(4);
  });
});
