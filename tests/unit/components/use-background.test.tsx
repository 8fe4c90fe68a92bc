// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallFn, Services } from '@/components/services';
import { useBackgroundEvent, useCall, type CallState } from '@/components/use-background';
import { makeEvent, type AnyEvent, type ProtocolError, type Result } from '@/lib/protocol';
import { withServices } from './helpers';

afterEach(cleanup);

/** Answers the test settles by hand, in any order, so the hook meets late and out-of-order answers. */
function deferredAnswers() {
  const pending: { query: string; settle: (result: Result<string>) => void }[] = [];
  const ask = (_call: CallFn, query: string) =>
    new Promise<Result<string>>((settle) => {
      pending.push({ query, settle });
    });
  const answer = async (query: string, result: Result<string> = { ok: true, value: `answer to ${query}` }) => {
    const index = pending.findIndex((entry) => entry.query === query);
    if (index < 0) throw new Error(`nothing asked for ${query}`);
    const [entry] = pending.splice(index, 1);
    await act(async () => entry!.settle(result));
  };
  return { pending, ask, answer };
}

function eventHub() {
  const listeners = new Set<(event: AnyEvent) => void>();
  const services: Services = {
    call: (async () => ({ ok: false, error: { code: 'unavailable', message: 'not used' } })) as CallFn,
    onEvent: (listener, signal) => {
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
    hosts: [],
  };
  const emit = (event: AnyEvent) => act(() => [...listeners].forEach((listener) => listener(event)));
  return { services, emit, listeners };
}

const FAILED: ProtocolError = { code: 'internal', message: 'disk on fire' };

describe('useCall', () => {
  let state: CallState<string> | null = null;
  function Probe({ query, ask }: { query: string; ask: (call: CallFn, query: string) => Promise<Result<string>> }) {
    state = useCall((call) => ask(call, query), [query]);
    return <p data-testid="probe">{state.error ? `error: ${state.error.message}` : (state.value ?? 'loading')}</p>;
  }
  const shown = () => screen.getByTestId('probe').textContent;

  it('shows the answer, and asks again when its inputs change', async () => {
    const { services } = eventHub();
    const answers = deferredAnswers();
    const view = render(withServices(services, <Probe query="a" ask={answers.ask} />));
    expect(shown()).toBe('loading');
    await answers.answer('a');
    expect(shown()).toBe('answer to a');
    view.rerender(withServices(services, <Probe query="b" ask={answers.ask} />));
    // The old answer stays while the new question runs.
    expect(shown()).toBe('answer to a');
    await answers.answer('b');
    expect(shown()).toBe('answer to b');
  });

  it('drops an answer that arrives after a newer question was asked', async () => {
    const { services } = eventHub();
    const answers = deferredAnswers();
    const view = render(withServices(services, <Probe query="old" ask={answers.ask} />));
    view.rerender(withServices(services, <Probe query="new" ask={answers.ask} />));
    await waitFor(() => expect(answers.pending.map((entry) => entry.query)).toEqual(['old', 'new']));
    await answers.answer('new');
    expect(shown()).toBe('answer to new');
    await answers.answer('old');
    expect(shown()).toBe('answer to new');
  });

  it('keeps the last value on an error, shows the error, and clears it on reload', async () => {
    const { services } = eventHub();
    const answers = deferredAnswers();
    render(withServices(services, <Probe query="q" ask={answers.ask} />));
    await answers.answer('q');
    act(() => state!.reload());
    await answers.answer('q', { ok: false, error: FAILED });
    expect(shown()).toBe('error: disk on fire');
    expect(state!.value).toBe('answer to q');
    act(() => state!.reload());
    await answers.answer('q', { ok: true, value: 'fresh' });
    expect(shown()).toBe('fresh');
    expect(state!.error).toBeNull();
  });

  it('turns a rejected helper into an error instead of an unhandled rejection', async () => {
    const { services } = eventHub();
    const reject = () => Promise.reject(new Error('helper broke'));
    render(withServices(services, <Probe query="q" ask={reject} />));
    await waitFor(() => expect(shown()).toBe('error: helper broke'));
  });

  it('lets an event patch the held value', async () => {
    const { services } = eventHub();
    const answers = deferredAnswers();
    render(withServices(services, <Probe query="q" ask={answers.ask} />));
    await answers.answer('q');
    act(() => state!.setValue((old) => `${old} (patched)`));
    expect(shown()).toBe('answer to q (patched)');
  });
});

describe('useBackgroundEvent', () => {
  function Listener({ prefix, seen }: { prefix: string; seen: string[] }) {
    useBackgroundEvent('bg.indexChanged', (payload) => seen.push(`${prefix}${payload.articles}`));
    return null;
  }

  it('hands over the payloads of its own event only, to the newest handler', async () => {
    const hub = eventHub();
    const seen: string[] = [];
    const view = render(withServices(hub.services, <Listener prefix="first:" seen={seen} />));
    await waitFor(() => expect(hub.listeners.size).toBe(1));
    hub.emit(makeEvent('bg.indexChanged', { articles: 3 }));
    hub.emit(makeEvent('bg.showRelated', { url: 'https://www.securityvibes.fr/a/' }));
    view.rerender(withServices(hub.services, <Listener prefix="second:" seen={seen} />));
    hub.emit(makeEvent('bg.indexChanged', { articles: 4 }));
    expect(seen).toEqual(['first:3', 'second:4']);
    // One subscription throughout: a new handler does not resubscribe.
    expect(hub.listeners.size).toBe(1);
  });

  it('unsubscribes when unmounted', async () => {
    const hub = eventHub();
    const seen: string[] = [];
    render(withServices(hub.services, <Listener prefix="" seen={seen} />));
    await waitFor(() => expect(hub.listeners.size).toBe(1));
    cleanup();
    // Preact runs effect cleanups of an unmounted tree asynchronously.
    await waitFor(() => expect(hub.listeners.size).toBe(0));
    hub.emit(makeEvent('bg.indexChanged', { articles: 5 }));
    expect(seen).toEqual([]);
  });
});
