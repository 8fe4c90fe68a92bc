import { browser } from 'wxt/browser';
import type { CallFn, EventFn } from '@/components/services';
import type { AnyEvent, Result } from '@/lib/protocol';

// The content script must stay small (≤ 40 KB), so it does not bundle zod or the protocol's call map:
// answers come from our own background, which already checked them against the schemas, so a cheap
// structural check is enough here. Events are checked field by field before use.

function isResult(raw: unknown): raw is Result<unknown> {
  if (typeof raw !== 'object' || raw === null) return false;
  const value = raw as { ok?: unknown; value?: unknown; error?: { message?: unknown } };
  if (value.ok === true) return 'value' in value;
  return value.ok === false && typeof value.error?.message === 'string';
}

/** runtime.sendMessage to the background, answering a Result and never throwing. */
export const lightCall: CallFn = async (name, payload) => {
  try {
    const raw = await browser.runtime.sendMessage({ call: name, payload });
    if (isResult(raw)) return raw as never;
    return { ok: false, error: { code: 'invalid-message', message: `Malformed answer to ${name}` } };
  } catch (error) {
    return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
  }
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isHttpUrl = (value: unknown): value is string => typeof value === 'string' && value.length <= 2048 && /^https?:\/\//i.test(value);
const isRating = (value: unknown) => value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5);

/** The subset of background events the panel acts on, checked structurally; null for anything else. */
export function readPanelEvent(raw: unknown): AnyEvent | null {
  if (!isObject(raw) || !isObject(raw.payload)) return null;
  const payload = raw.payload;
  switch (raw.event) {
    case 'bg.noteChanged': {
      const note = payload.note;
      if (!isHttpUrl(payload.url)) return null;
      if (note !== null && !(isObject(note) && typeof note.text === 'string' && isRating(note.rating) && note.url === payload.url)) return null;
      return raw as AnyEvent;
    }
    case 'bg.indexChanged':
      return typeof payload.articles === 'number' ? (raw as AnyEvent) : null;
    case 'bg.showRelated':
      return isHttpUrl(payload.url) ? (raw as AnyEvent) : null;
    default:
      return null;
  }
}

/** Background broadcasts to this tab, until `signal` aborts; only our own background is believed. */
export const lightOnEvent: EventFn = (listener, signal) => {
  const handle = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const event = readPanelEvent(raw);
    if (event) listener(event);
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
};
