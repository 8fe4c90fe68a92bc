import { browser, type Browser } from 'wxt/browser';
import { safeArchiveHref } from '@/lib/archive/safe-href';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { PENDING_TARGET_KEY } from '@/lib/protocol/storage-keys';
import { sendToTab } from './broadcast';
import { createHighlightMenu } from './highlighter';

export const RELATED_MENU_ID = 'sv-show-related';

function linkPatterns(hosts: readonly string[]): string[] {
  return hosts.flatMap((host) => [`http://${host}/*`, `https://${host}/*`]);
}

/** (Re)creates the "Show related articles" item on links to archive hosts. */
async function createRelatedMenu(hosts: readonly string[] = DEFAULT_ARCHIVE_HOSTS): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: RELATED_MENU_ID,
    title: browser.i18n.getMessage('menuShowRelated'),
    contexts: ['link'],
    targetUrlPatterns: linkPatterns(hosts),
  });
  createHighlightMenu([...linkPatterns(hosts), 'https://web.archive.org/web/*']);
}

/**
 * Opens the popup on the clicked article (the popup picks the pending target from storage.session);
 * where the browser refuses to open the popup, the in-page panel of that tab shows it (bg.showRelated).
 * openPopup is called in the same tick as the click so Firefox still sees the user gesture.
 */
export function onRelatedMenuClicked(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void {
  if (info.menuItemId !== RELATED_MENU_ID) return;
  const url = safeArchiveHref(info.linkUrl, DEFAULT_ARCHIVE_HOSTS);
  if (!url) return;
  const stored = browser.storage.session.set({ [PENDING_TARGET_KEY]: { url, at: Date.now() } }).catch(() => undefined);
  let opened: Promise<void>;
  try {
    opened = Promise.resolve(browser.action.openPopup());
  } catch (error) {
    opened = Promise.reject(error);
  }
  opened.catch(async () => {
    await stored;
    await browser.storage.session.remove(PENDING_TARGET_KEY).catch(() => undefined);
    if (tab?.id !== undefined) await sendToTab(tab.id, 'bg.showRelated', { url });
  });
}

/** Background wiring: the menu is created on install/update and the click handler registered. */
export function setupContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => void createRelatedMenu());
  browser.contextMenus.onClicked.addListener(onRelatedMenuClicked);
}
