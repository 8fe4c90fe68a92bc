import { browser } from 'wxt/browser';
import { PANEL_FRAMES_KEY } from '@/lib/protocol/storage-keys';

/**
 * Where the in-page panels are, for Firefox: there a moz-extension frame inside a web page gets runtime
 * messages as a content script would, i.e. none of the background's runtime.sendMessage broadcasts
 * (https://github.com/w3c/webextensions/issues/35). So events for extension pages are also sent to each
 * panel's own frame with tabs.sendMessage({frameId}) — that frame only, never the tab's content script.
 * Kept in storage.session (the worker may stop while a panel stays open); writes are chained in this
 * worker so two panels opening at once do not lose one another.
 */
type Frames = Record<string, number>;

let writes: Promise<unknown> = Promise.resolve();

async function read(): Promise<Frames> {
  const stored = (await browser.storage.session.get(PANEL_FRAMES_KEY).catch(() => ({}) as Record<string, unknown>))[PANEL_FRAMES_KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, number] => Number.isInteger(entry[1])));
}

function update(change: (frames: Frames) => void): Promise<void> {
  const next = writes.then(async () => {
    const frames = await read();
    change(frames);
    await browser.storage.session.set({ [PANEL_FRAMES_KEY]: frames }).catch(() => undefined);
  });
  writes = next.catch(() => undefined);
  return next;
}

/** Firefox only (see above): Chromium delivers runtime messages to extension frames in tabs already. */
export function panelsNeedTabMessages(): boolean {
  return browser.runtime.getURL('/').startsWith('moz-extension:');
}

export function rememberPanelFrame(tabId: number, frameId: number): Promise<void> {
  return update((frames) => {
    frames[String(tabId)] = frameId;
  });
}

export function forgetPanelFrame(tabId: number): Promise<void> {
  return update((frames) => {
    delete frames[String(tabId)];
  });
}

/** Every recorded panel frame: [tabId, frameId]. */
export async function panelFrames(): Promise<[number, number][]> {
  return Object.entries(await read()).map(([tabId, frameId]) => [Number(tabId), frameId]);
}
