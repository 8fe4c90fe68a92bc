import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { EventName, EventPayload, ProtocolError, Result } from '@/lib/protocol';
import { useServices, type CallFn } from './services';

export interface CallState<T> {
  /** The newest answer; kept while a later request runs, null until the first one arrives. */
  value: T | null;
  /** The newest request's error, cleared by the next answer. */
  error: ProtocolError | null;
  /** Asks again with the same inputs (an event said the answer changed). */
  reload: () => void;
  /** Changes the held answer in place (an event or an action already told us the new one). */
  setValue: (update: (old: T | null) => T | null) => void;
}

/**
 * Asks the background with `ask(call)` on mount, whenever `deps` change and on `reload()`. Only the newest
 * request counts: an answer to one superseded or unmounted before it arrived is dropped, so a slow old
 * answer never overwrites a newer one.
 */
export function useCall<T>(ask: (call: CallFn) => Promise<Result<T>>, deps: readonly unknown[]): CallState<T> {
  const { call } = useServices();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    ask(call).then(
      (result) => {
        if (!live) return;
        if (result.ok) setValue(() => result.value);
        setError(result.ok ? null : result.error);
      },
      // `call` never throws across contexts; a helper built on it (loadNoteFacets) might.
      (reason: unknown) => live && setError({ code: 'internal', message: reason instanceof Error ? reason.message : String(reason) }),
    );
    return () => {
      live = false;
    };
  }, [call, reloads, ...deps]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const update = useCallback((change: (old: T | null) => T | null) => setValue((old) => change(old)), []);
  return { value, error, reload, setValue: update };
}

/**
 * Runs `handler` with the payload of every `name` broadcast from the background while the component is
 * mounted. The newest `handler` is used, so it may read current state without resubscribing.
 */
export function useBackgroundEvent<N extends EventName>(name: N, handler: (payload: EventPayload<N>) => void): void {
  const { onEvent } = useServices();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const controller = new AbortController();
    onEvent((event) => {
      if (event.event === name) latest.current(event.payload as EventPayload<N>);
    }, controller.signal);
    return () => controller.abort();
  }, [onEvent, name]);
}
