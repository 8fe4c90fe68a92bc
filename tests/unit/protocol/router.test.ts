import { describe, expect, it, vi } from 'vitest';
import { CodedError, createRouter, createTabRateLimit, toError, type Handlers, type RouterOptions, type SenderLike } from '../../../lib/protocol';
import { handlersWith } from './handler-stubs';

const SELF = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
const POPUP: SenderLike = { id: SELF.id, url: `${SELF.origin}/popup.html` };
const OPTIONS_TAB: SenderLike = { id: SELF.id, url: `${SELF.origin}/options.html`, tab: { id: 9 } };
const CONTENT: SenderLike = { id: SELF.id, url: 'https://www.securityvibes.fr/menaces/un-article/', tab: { id: 4 }, frameId: 0 };
const FOREIGN: SenderLike = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'https://evil.example/' };
const ARTICLE = 'http://www.securityvibes.fr/menaces/un-article/';

/** Content scripts pass the archive-tab gate and the rate here: those have their own tests (router-table). */
const OPTIONS: RouterOptions = { self: () => SELF, isArchiveTab: () => true, contentRate: createTabRateLimit({ capacity: 1e9, refillPerSecond: 0 }) };

function routerWith(handlers: Partial<Handlers>) {
  return createRouter(handlersWith(handlers), OPTIONS);
}
const ping: Partial<Handlers> = { 'ui.ping': () => ({ version: '0.1.0' }) };

describe('createRouter: envelope and payload', () => {
  it('dispatches a valid call and wraps the answer in ok', async () => {
    expect(await routerWith(ping)({ call: 'ui.ping', payload: {} }, POPUP)).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it('treats a missing payload as {}', async () => {
    expect(await routerWith(ping)({ call: 'ui.ping' }, POPUP)).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it.each([
    ['an unknown call', { call: 'ui.formatDisk', payload: {} }],
    ['an inherited property name', { call: 'toString', payload: {} }],
    ['no call', { payload: {} }],
    ['a non-string call', { call: 42, payload: {} }],
    ['an over-long call name', { call: `ui.${'x'.repeat(200)}`, payload: {} }],
    ['a string message', 'ui.ping'],
    ['null', null],
  ])('answers invalid-message for %s', async (_label, message) => {
    expect(await routerWith(ping)(message, POPUP)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('answers invalid-message naming the call for a bad payload, and never calls the handler', async () => {
    const saveNote = vi.fn();
    const route = routerWith({ 'ui.saveNote': saveNote });
    for (const payload of [
      { url: 'javascript:alert(1)' },
      { url: ARTICLE, rating: 6 },
      { url: ARTICLE, rating: 2.5 },
      'text',
      { url: ARTICLE, text: 'x'.repeat(100_001) },
    ]) {
      const result = await route({ call: 'ui.saveNote', payload }, POPUP);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
      expect(!result.ok && result.error.message).toMatch(/^ui\.saveNote: /);
    }
    expect(await route({ call: 'ui.ping', payload: { extra: 1 } }, POPUP)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(saveNote).not.toHaveBeenCalled();
  });

  it('passes the parsed payload (with defaults) and the sender context to the handler', async () => {
    const getArticleView = vi.fn(() => ({ article: null, note: null, related: [] }));
    await routerWith({ 'ui.getArticleView': getArticleView })({ call: 'ui.getArticleView', payload: { url: ARTICLE } }, OPTIONS_TAB);
    expect(getArticleView).toHaveBeenCalledWith({ url: ARTICLE, limit: 8 }, { sender: 'page', tabId: 9, frameId: null });
    const pageSeen = vi.fn(() => ({ indexed: 0, panelEnabled: true, panelToken: null }));
    const page = { kind: 'not-found', url: null, reason: null, article: null, listing: [], subject: null, next: null };
    await routerWith({ 'content.pageSeen': pageSeen })({ call: 'content.pageSeen', payload: { page } }, CONTENT);
    expect(pageSeen).toHaveBeenCalledWith({ page }, { sender: 'content', tabId: 4, frameUrl: CONTENT.url });
  });

  it('takes only a complete handler map: a missing handler is a compile error, not a run-time answer', () => {
    const { 'ui.ping': _ping, ...withoutPing } = handlersWith({});
    // @ts-expect-error: the point of this test — a map without 'ui.ping' is not `Handlers`, so tsc refuses it.
    const route = createRouter(withoutPing, OPTIONS);
    expect(typeof route).toBe('function');
  });
});

describe('createRouter: who may call', () => {
  it('refuses page-only calls from a content script', async () => {
    const clearIndex = vi.fn(() => ({ removed: 3 }));
    const result = await routerWith({ 'ui.clearIndex': clearIndex })({ call: 'ui.clearIndex', payload: {} }, CONTENT);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(clearIndex).not.toHaveBeenCalled();
  });

  it('refuses content-only calls from an extension page', async () => {
    const result = await routerWith({})({ call: 'content.pageSeen', payload: {} }, OPTIONS_TAB);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('allows page-only calls from the options page opened in a tab', async () => {
    const result = await routerWith({ 'ui.clearIndex': () => ({ removed: 3 }) })({ call: 'ui.clearIndex', payload: {} }, OPTIONS_TAB);
    expect(result).toEqual({ ok: true, value: { removed: 3 } });
  });

  it('refuses a foreign or missing sender before looking at the message', async () => {
    const route = routerWith(ping);
    expect(await route({ call: 'ui.ping', payload: {} }, FOREIGN)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^Sender rejected/) },
    });
    expect(await route({ call: 'ui.ping', payload: {} }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route('garbage', FOREIGN)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('createRouter: handler failures become coded Results', () => {
  const failing = (error: unknown) =>
    routerWith({
      'ui.ping': () => {
        throw error;
      },
    })({ call: 'ui.ping', payload: {} }, POPUP);

  it('keeps the code of a CodedError', async () => {
    expect(await failing(new CodedError('not-found', 'No such note'))).toEqual({ ok: false, error: { code: 'not-found', message: 'No such note' } });
  });

  it('maps QuotaExceededError (DOMException or Error name) to quota-exceeded', async () => {
    expect(await failing(new DOMException('Quota exceeded', 'QuotaExceededError'))).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    const wrapped = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    expect(await failing(wrapped)).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
  });

  it('maps AbortError to aborted', async () => {
    expect(await failing(new DOMException('Transaction aborted', 'AbortError'))).toMatchObject({ ok: false, error: { code: 'aborted' } });
  });

  it('maps anything else to internal, with a message', async () => {
    expect(await failing(new TypeError('x is undefined'))).toEqual({ ok: false, error: { code: 'internal', message: 'x is undefined' } });
    expect(await failing('a thrown string')).toEqual({ ok: false, error: { code: 'internal', message: 'a thrown string' } });
    expect(await failing(new Error(''))).toEqual({ ok: false, error: { code: 'internal', message: 'Unexpected error' } });
  });

  it('catches async rejections too', async () => {
    const route = routerWith({ 'ui.ping': async () => Promise.reject(new CodedError('db-blocked', 'Another version is open')) });
    expect(await route({ call: 'ui.ping', payload: {} }, POPUP)).toMatchObject({ ok: false, error: { code: 'db-blocked' } });
  });

  it('clips messages to 2000 characters', () => {
    const result = toError(new Error('m'.repeat(5000)));
    expect(!result.ok && result.error.message.length).toBe(2000);
  });
});
