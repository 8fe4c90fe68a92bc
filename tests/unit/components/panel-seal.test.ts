// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { panelOrigins } from '@/entrypoints/archive-page/panel/frame-host';
import { readPageSeenAnswer } from '@/entrypoints/archive-page/panel/light-client';
import { admittedTarget } from '@/entrypoints/panel/admission';
import { connectHost } from '@/entrypoints/panel/host-channel';
import type { CallFn } from '@/components/services';
import { readPanelToken, readPortHandover } from '@/lib/protocol/panel-frame';

const ARTICLE = 'http://www.securityvibes.fr/menaces/conficker-ver/';
const TOKEN = '0123456789abcdef0123456789abcdef';
const open: MessagePort[] = [];
afterEach(() => open.splice(0).forEach((port) => port.close()));

function channel() {
  const made = new MessageChannel();
  open.push(made.port1, made.port2);
  return made;
}

const nextMessage = (port: MessagePort) => new Promise<unknown>((resolve) => (port.onmessage = (event) => resolve(event.data)));

describe('connectHost: the panel side of the private channel', () => {
  function setup() {
    const frame = new EventTarget();
    const parent = {};
    const host = connectHost(frame as unknown as Window, parent);
    const hand = (source: unknown, data: unknown, ports: MessagePort[]) => frame.dispatchEvent(Object.assign(new Event('message'), { source, data, ports }));
    return { host, parent, hand };
  }

  it('takes the first port handed over by the parent window, then hears the token and show-related on it only', async () => {
    const { host, parent, hand } = setup();
    const stranger = channel();
    hand({}, { type: 'sv-panel-port' }, [stranger.port2]);
    hand(parent, { type: 'sv-panel-token', token: TOKEN }, []);
    const real = channel();
    hand(parent, { type: 'sv-panel-port' }, [real.port2]);
    const shown: string[] = [];
    host.onShowRelated((url) => shown.push(url), new AbortController().signal);
    stranger.port1.postMessage({ type: 'sv-panel-token', token: 'f'.repeat(32) });
    real.port1.postMessage({ type: 'sv-panel-token', token: TOKEN });
    real.port1.postMessage({ type: 'sv-show-related', url: ARTICLE });
    expect(await host.token).toBe(TOKEN);
    await vi.waitFor(() => expect(shown).toEqual([ARTICLE]));
    const size = nextMessage(real.port1);
    host.post({ type: 'sv-panel-size', height: 120, collapsed: false });
    expect(await size).toEqual({ type: 'sv-panel-size', height: 120, collapsed: false });
  });

  it('ignores a second handover: the first port is the only one', async () => {
    const { host, parent, hand } = setup();
    const first = channel();
    const second = channel();
    hand(parent, { type: 'sv-panel-port' }, [first.port2]);
    hand(parent, { type: 'sv-panel-port' }, [second.port2]);
    second.port1.postMessage({ type: 'sv-panel-token', token: 'a'.repeat(32) });
    first.port1.postMessage({ type: 'sv-panel-token', token: TOKEN });
    expect(await host.token).toBe(TOKEN);
  });
});

describe('frame protocol readers', () => {
  it('accept a handover only with exactly one port, and tokens of the right shape', () => {
    const { port1, port2 } = channel();
    expect(readPortHandover({ type: 'sv-panel-port' }, [port1])).toBe(port1);
    expect(readPortHandover({ type: 'sv-panel-port' }, [])).toBeNull();
    expect(readPortHandover({ type: 'sv-panel-port' }, [port1, port2])).toBeNull();
    expect(readPortHandover({ type: 'other' }, [port1])).toBeNull();
    expect(readPanelToken({ type: 'sv-panel-token', token: TOKEN })).toEqual({ type: 'sv-panel-token', token: TOKEN });
    for (const token of ['', TOKEN.toUpperCase(), `${TOKEN}0`, 42]) expect(readPanelToken({ type: 'sv-panel-token', token })).toBeNull();
  });

  it('content.pageSeen answer: the token only when well-formed, the panel on unless the background says no', () => {
    expect(readPageSeenAnswer({ ok: true, value: { indexed: 1, panelEnabled: true, panelToken: TOKEN } })).toEqual({ enabled: true, token: TOKEN });
    expect(readPageSeenAnswer({ ok: true, value: { panelEnabled: false, panelToken: null } })).toEqual({ enabled: false, token: null });
    expect(readPageSeenAnswer({ ok: true, value: { panelEnabled: true, panelToken: '<script>' } })).toEqual({ enabled: true, token: null });
    expect(readPageSeenAnswer({ ok: false, error: { code: 'forbidden', message: 'x' } })).toEqual({ enabled: true, token: null });
    expect(readPageSeenAnswer(undefined)).toEqual({ enabled: true, token: null });
  });

  it('aims the handover at the origins panel.html may run in, never at any other', () => {
    expect(panelOrigins('chrome-extension://dynamicdynamicdynamic/panel.html?url=x', 'abcdefghijklmnop')).toEqual([
      'chrome-extension://dynamicdynamicdynamic',
      'chrome-extension://abcdefghijklmnop',
    ]);
    expect(panelOrigins('chrome-extension://abcdefghijklmnop/panel.html', 'abcdefghijklmnop')).toEqual(['chrome-extension://abcdefghijklmnop']);
    expect(panelOrigins('moz-extension://5c0b7e2a-9d4f/panel.html', 'id@x')).toEqual(['moz-extension://5c0b7e2a-9d4f']);
  });
});

describe('admittedTarget: the panel draws only for a redeemed token, for its own article', () => {
  const target = { url: ARTICLE, placement: 'inline' as const, collapsed: false };
  const answering = (answer: unknown) => vi.fn(async () => answer) as unknown as CallFn & ReturnType<typeof vi.fn>;

  it('draws when the background redeems the token for this article', async () => {
    const call = answering({ ok: true, value: { url: ARTICLE } });
    expect(await admittedTarget(target, Promise.resolve(TOKEN), call)).toBe(target);
    expect(call).toHaveBeenCalledWith('ui.openPanel', { token: TOKEN });
  });

  it('draws nothing for a refused token, a token for another article, or no target', async () => {
    expect(await admittedTarget(target, Promise.resolve(TOKEN), answering({ ok: false, error: { code: 'forbidden', message: 'no' } }))).toBeNull();
    expect(await admittedTarget(target, Promise.resolve(TOKEN), answering({ ok: true, value: { url: 'http://www.securityvibes.fr/autre/' } }))).toBeNull();
    const call = answering({ ok: true, value: { url: ARTICLE } });
    expect(await admittedTarget(null, Promise.resolve(TOKEN), call)).toBeNull();
    expect(call).not.toHaveBeenCalled();
  });
});
