import { browser } from 'wxt/browser';
import { callBackground } from '@/components/api';
import type { PageInfo } from '@/lib/model';

import { PENDING_TARGET_KEY } from '@/lib/protocol/storage-keys';

/** A pending target older than this is stale (the popup was opened some other way since). */
const PENDING_TTL_MS = 30_000;

export interface PopupTarget {
  tabId: number | null;
  /** What our content script (or a check) recognised in the active tab. */
  page: PageInfo | null;
  /** An article chosen from the context menu, shown instead of the tab's page. */
  requestedUrl: string | null;
}

async function takePendingTarget(): Promise<string | null> {
  try {
    const stored = await browser.storage.session.get(PENDING_TARGET_KEY);
    const value = stored[PENDING_TARGET_KEY] as { url?: unknown; at?: unknown } | undefined;
    if (!value) return null;
    await browser.storage.session.remove(PENDING_TARGET_KEY);
    if (typeof value.url !== 'string' || typeof value.at !== 'number' || Date.now() - value.at > PENDING_TTL_MS) return null;
    return value.url;
  } catch {
    return null;
  }
}

/** Works out what the popup is about: a context-menu target, else the active tab's recognised page. */
export async function resolveTarget(): Promise<PopupTarget> {
  const override = new URLSearchParams(location.search).get('tab');
  const [tab] = override ? [{ id: Number(override) }] : await browser.tabs.query({ active: true, currentWindow: true });
  const tabId = typeof tab?.id === 'number' && Number.isInteger(tab.id) ? tab.id : null;
  const [requestedUrl, page] = await Promise.all([
    takePendingTarget(),
    tabId === null ? Promise.resolve(null) : callBackground('ui.getTabPage', { tabId }).then((r) => (r.ok ? r.value : null)),
  ]);
  return { tabId, page, requestedUrl };
}

/** The article the popup opens on (App's first view): the context-menu target, else the tab's article. */
export function articleUrlOf(target: PopupTarget): string | null {
  return target.requestedUrl ?? (target.page?.kind === 'article' ? (target.page.article?.url ?? null) : null);
}
