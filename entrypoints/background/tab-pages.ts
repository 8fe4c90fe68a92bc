import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { canonicalUrl } from '@/lib/archive/canonical-url';
import { PageInfo } from '@/lib/model';
import { tabPageKey } from '@/lib/protocol/storage-keys';

/**
 * What storage.session keeps per tab for the popup (it survives the worker stopping): the page the tab's
 * content script reported, and the tab's own address at that moment (canonical, from the browser). The
 * address is what later tells whether the tab still shows that page — the page's canonical URL may differ
 * from its address (?p=123 → permalink), so it cannot serve.
 */
const StoredTabPage = z.object({ page: PageInfo, address: z.string() });

/** Canonical spelling of a tab address (fragment, tracking, http/https and Wayback wrapping ignored). */
function addressOf(url: string | undefined): string | null {
  return url ? canonicalUrl(url) : null;
}

export async function rememberTabPage(tabId: number, page: PageInfo, frameUrl: string): Promise<void> {
  const address = addressOf(frameUrl);
  if (address === null) return;
  await browser.storage.session.set({ [tabPageKey(tabId)]: { page, address } }).catch(() => undefined);
}

async function storedAddress(tabId: number): Promise<string | null> {
  const stored = await browser.storage.session.get(tabPageKey(tabId)).catch(() => ({}) as Record<string, unknown>);
  const parsed = StoredTabPage.safeParse(stored[tabPageKey(tabId)]);
  return parsed.success ? parsed.data.address : null;
}

/**
 * The page tab `tabId` shows now, or null: a stored page counts only while the tab's current address is
 * the one it was reported at (a tab that went elsewhere, or whose address we may not see, shows nothing).
 */
export async function readTabPage(tabId: number): Promise<PageInfo | null> {
  const [stored, tab] = await Promise.all([
    browser.storage.session.get(tabPageKey(tabId)).catch(() => ({}) as Record<string, unknown>),
    browser.tabs.get(tabId).catch(() => undefined),
  ]);
  const parsed = StoredTabPage.safeParse(stored[tabPageKey(tabId)]);
  if (!parsed.success) return null;
  const current = addressOf(tab?.url);
  return current !== null && current === parsed.data.address ? parsed.data.page : null;
}

export async function forgetTabPage(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabPageKey(tabId)).catch(() => undefined);
}

/**
 * A tab that starts loading another address, or whose new address we may not see (Firefox leaves `url`
 * out for hosts we have no permission on), no longer shows its stored page: drop it. A reload or a
 * fragment change keeps the same address, and the content script reports the page again anyway.
 */
export async function onTabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab): Promise<void> {
  if (change.url === undefined && change.status !== 'loading') return;
  const address = await storedAddress(tabId);
  if (address === null) return;
  if (addressOf(change.url ?? tab.url) !== address) await forgetTabPage(tabId);
}

/**
 * Registers, synchronously at the worker's start (MV3 only replays events to listeners added then), what
 * keeps the per-tab pages true: dropped when the tab navigates elsewhere or closes. `onClosed` lets other
 * per-tab state go with it.
 */
export function setupTabPages(onClosed: (tabId: number) => void = () => undefined): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void onTabUpdated(tabId, change, tab));
  browser.tabs.onRemoved.addListener((tabId) => {
    onClosed(tabId);
    void forgetTabPage(tabId);
  });
}
