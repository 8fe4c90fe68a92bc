import { browser } from 'wxt/browser';
import { makeEvent, type EventName, type EventPayload } from '@/lib/protocol';

/**
 * Sends a background event to every open extension page (popup, options) and to our content scripts
 * in archive tabs (the in-page panels). Nobody listening is normal, so delivery failures are ignored.
 */
export async function broadcast<N extends EventName>(event: N, payload: EventPayload<N>, tabIds?: number[]): Promise<void> {
  const message = makeEvent(event, payload);
  const sends: Promise<unknown>[] = [browser.runtime.sendMessage(message).catch(() => undefined)];
  const targets = tabIds ?? (await contentTabIds());
  for (const tabId of targets) sends.push(browser.tabs.sendMessage(tabId, message).catch(() => undefined));
  await Promise.all(sends);
}

/** Tabs whose pages our content script may be running in (archive hosts; host permission lets us see them). */
async function contentTabIds(): Promise<number[]> {
  const manifest = browser.runtime.getManifest();
  const patterns = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  if (patterns.length === 0) return [];
  const tabs = await browser.tabs.query({ url: patterns }).catch(() => []);
  return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
}
