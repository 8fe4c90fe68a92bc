import { browser } from 'wxt/browser';
import { createClient, parseEvent, type AnyEvent } from '@/lib/protocol';

/** The one way popup, options and the in-page panel talk to the background. */
export const callBackground = createClient((message) => browser.runtime.sendMessage(message));

/** Listens to background broadcasts until `signal` aborts; only our own background is believed. */
export function onBackgroundEvent(listener: (event: AnyEvent) => void, signal: AbortSignal): void {
  const handle = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const event = parseEvent(raw);
    if (event) listener(event);
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}
