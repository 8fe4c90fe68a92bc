import { browser } from 'wxt/browser';
import { makeEvent, type EventName, type EventPayload, type TabEventName } from '@/lib/protocol';
import { panelFrames, panelsNeedTabMessages } from './panel-frames';

/**
 * Sends a background event to our extension pages: popup, options and the in-page panels (extension
 * frames too). Runtime messaging reaches extension frames only, never a content script, so the notes and
 * ratings some events carry stay out of web pages' renderers. In Firefox the panels are reached by their
 * own frame id instead (panel-frames.ts), never the tab as a whole. Nobody listening is normal: failures ignored.
 */
export async function broadcast<N extends EventName>(event: N, payload: EventPayload<N>): Promise<void> {
  const message = makeEvent(event, payload);
  const sends: Promise<unknown>[] = [browser.runtime.sendMessage(message).catch(() => undefined)];
  if (panelsNeedTabMessages()) {
    for (const [tabId, frameId] of await panelFrames()) {
      // frameId 0 is the tab's page, where our content script lives: never a panel.
      if (frameId > 0) sends.push(browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined));
    }
  }
  await Promise.all(sends);
}

/**
 * Sends to one tab's content script (top frame only) one of the few events it needs to act on its own
 * page — TAB_EVENTS, which by type carry no note, rating or reading data.
 */
export async function sendToTab<N extends TabEventName>(tabId: number, event: N, payload: EventPayload<N>): Promise<void> {
  await browser.tabs.sendMessage(tabId, makeEvent(event, payload), { frameId: 0 }).catch(() => undefined);
}
