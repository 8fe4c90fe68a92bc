import { browser } from 'wxt/browser';
import { PANEL_ENABLED_KEY } from '@/lib/protocol/storage-keys';

/** What this worker last wrote (null: nothing yet in this worker's life). */
let mirrored: boolean | null = null;

/**
 * Mirrors Settings.panelEnabled (kept in IndexedDB, which only the background opens) into storage.local,
 * where the content script reads it without a round trip to the background: the panel frame then starts
 * loading at once instead of after content.pageSeen. Called with every settings save and every page seen,
 * so a mirror left stale by any other path (an import, a cleared profile) is set right on the next page.
 * Written only when it changes in this worker's life; never throws.
 */
export async function mirrorPanelEnabled(enabled: boolean): Promise<void> {
  if (mirrored === enabled) return;
  try {
    await browser.storage.local.set({ [PANEL_ENABLED_KEY]: enabled });
    mirrored = enabled;
  } catch {
    // Storage unavailable: the content script then waits for content.pageSeen's answer, as before.
  }
}
