import { browser } from 'wxt/browser';
import { getStore } from './db';

const WAYBACK_ORIGINS = ['https://web.archive.org/*'];
const SCRIPT_ID = 'sv-wayback-copies';

/**
 * Runs our content script on Wayback Machine copies only while the reader has Wayback support switched
 * on AND has granted the optional web.archive.org permission. Registered scripts persist across browser
 * sessions, so this only reconciles: called at start-up, after settings change and on permission changes.
 */
export async function syncWaybackScript(): Promise<void> {
  const [settings, granted, registered] = await Promise.all([
    getStore().getSettings(),
    browser.permissions.contains({ origins: WAYBACK_ORIGINS }),
    browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }),
  ]);
  const wanted = settings.waybackEnabled && granted;
  if (wanted && registered.length === 0) {
    const files = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
    if (files.length === 0) return;
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: ['https://web.archive.org/web/*'], js: files, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  } else if (!wanted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

export function setupWayback(): void {
  const sync = () => void syncWaybackScript().catch((error: unknown) => console.warn('Wayback support:', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
