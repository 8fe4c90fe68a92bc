import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { CodedError, HighlightId } from '@/lib/model';
import type { CallContext, Handlers } from '@/lib/protocol';
import { highlightOrphansKey } from '@/lib/protocol/storage-keys';
import { broadcast } from '../broadcast';
import { getStore } from '../db';
import { readTabPage } from '../tab-pages';

/** What a tab's highlighter last reported: kept in storage.session (the worker may stop in between). */
const StoredOrphans = z.object({ url: z.string(), orphans: z.array(HighlightId) });

/**
 * The article a content script may speak about: the one its tab reported with content.pageSeen, while
 * the tab still shows that address. Never a URL from the script's payload.
 */
export async function ownArticle(context: CallContext): Promise<{ tabId: number; url: string }> {
  if (context.sender !== 'content') throw new CodedError('forbidden', 'Only the content script of an archive tab may do this.');
  const url = (await readTabPage(context.tabId))?.article?.url;
  if (!url) throw new CodedError('forbidden', 'This tab shows no archive article.');
  return { tabId: context.tabId, url };
}

/** A tab shows a new page: what its previous page's highlighter said about orphans no longer holds. */
export async function forgetOrphans(tabId: number): Promise<void> {
  await browser.storage.session.remove(highlightOrphansKey(tabId)).catch(() => undefined);
}

/**
 * Where the highlights landed in a tab, as its highlighter says: which could not be placed (the panel of
 * that tab lists them apart), and which one the reader clicked (the panel opens it). The content script
 * says only ids of its own article's highlights; it is told nothing back about them.
 */
export const highlightPlaceHandlers: Pick<Handlers, 'ui.highlightOrphans' | 'content.highlightsPlaced' | 'content.highlightClicked'> = {
  'ui.highlightOrphans': async (_payload, { tabId }) => {
    if (tabId === null) return [];
    const [stored, page] = await Promise.all([
      browser.storage.session.get(highlightOrphansKey(tabId)).catch(() => ({}) as Record<string, unknown>),
      readTabPage(tabId),
    ]);
    const parsed = StoredOrphans.safeParse(stored[highlightOrphansKey(tabId)]);
    // Only for the article the tab shows now: a report from the page it showed before says nothing here.
    return parsed.success && parsed.data.url === page?.article?.url ? parsed.data.orphans : [];
  },
  'content.highlightsPlaced': async ({ orphans }, context) => {
    const { tabId, url } = await ownArticle(context);
    const own = new Set((await getStore().highlights.of(url)).map((h) => h.id));
    const kept = orphans.filter((id) => own.has(id));
    await browser.storage.session.set({ [highlightOrphansKey(tabId)]: { url, orphans: kept } }).catch(() => undefined);
    void broadcast('bg.highlightsChanged', { url });
    return {};
  },
  'content.highlightClicked': async ({ id }, context) => {
    const { url } = await ownArticle(context);
    const own = (await getStore().highlights.of(url)).some((h) => h.id === id);
    if (own) void broadcast('bg.openHighlight', { url, id });
    return { asked: own };
  },
};
