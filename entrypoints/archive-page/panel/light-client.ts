import { browser } from 'wxt/browser';
import { LIMITS } from '@/lib/model/limits';
import type { PageInfo } from '@/lib/model/page-info';
import { isObject, PANEL_TOKEN_PATTERN } from '@/lib/protocol/panel-frame';
import { PANEL_COLLAPSED_KEY, PANEL_ENABLED_KEY } from '@/lib/protocol/storage-keys';

// The content script must stay small (≤ 48 KB), so it does not bundle zod or the protocol's call map: it
// makes one call and reads one event, both from our own background, checked field by field.

/** What the background answered to content.pageSeen, as far as the panel is concerned. */
export interface PageSeenAnswer {
  /** The reader wants the panel: true unless the background says no (no answer must not hide it for good). */
  enabled: boolean;
  /** The one-time token the panel needs to draw; null when the background gave none (then: no panel). */
  token: string | null;
}

/** Reads content.pageSeen's answer field by field (no zod here). */
export function readPageSeenAnswer(answer: unknown): PageSeenAnswer {
  const value = isObject(answer) && answer.ok === true && isObject(answer.value) ? answer.value : null;
  const token = value && typeof value.panelToken === 'string' && PANEL_TOKEN_PATTERN.test(value.panelToken) ? value.panelToken : null;
  return { enabled: value?.panelEnabled !== false, token };
}

/** Reports the page to the background (content.pageSeen, which indexes it); see PageSeenAnswer. */
export async function reportPageSeen(page: PageInfo): Promise<PageSeenAnswer> {
  try {
    return readPageSeenAnswer(await browser.runtime.sendMessage({ call: 'content.pageSeen', payload: { page } }));
  } catch {
    return { enabled: true, token: null };
  }
}

/**
 * The panel's two switches from storage.local, in one call that needs no background (a sleeping service
 * worker takes 100+ ms to answer): whether to frame it at once (the background's mirror of the setting;
 * absent → yes) and whether it starts collapsed.
 */
export async function readPanelPrefs(): Promise<{ enabled: boolean; collapsed: boolean }> {
  const stored: Record<string, unknown> = await browser.storage.local.get([PANEL_ENABLED_KEY, PANEL_COLLAPSED_KEY]).catch(() => ({}));
  return { enabled: stored[PANEL_ENABLED_KEY] !== false, collapsed: stored[PANEL_COLLAPSED_KEY] === true };
}

/** The URL of a well-formed bg.showRelated event (http(s), bounded), or null for anything else. */
export function readShowRelatedEvent(raw: unknown): string | null {
  if (!isObject(raw) || raw.event !== 'bg.showRelated' || !isObject(raw.payload)) return null;
  const url = raw.payload.url;
  return typeof url === 'string' && url.length <= LIMITS.url && /^https?:\/\//i.test(url) ? url : null;
}

/**
 * bg.showRelated sent to this tab (context menu "Show related articles" where the popup could not open),
 * until `signal` aborts. The panel frame gets it from here, because the background's runtime broadcast
 * reaches every extension page and cannot say which tab it is for. Only tabs.sendMessage from our own
 * extension (background or one of our pages) reaches a content script's onMessage, so our id is the check.
 */
export function onShowRelated(listener: (url: string) => void, signal: AbortSignal): void {
  const handle = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const url = readShowRelatedEvent(raw);
    if (url) listener(url);
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}
