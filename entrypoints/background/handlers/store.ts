import { syncWaybackScript } from '../wayback';
import { browser } from 'wxt/browser';
import { PageInfo } from '@/lib/model';
import type { Handlers } from '@/lib/protocol';
import { tabPageKey } from '@/lib/protocol/storage-keys';
import { broadcast } from '../broadcast';
import { updateArticleBadge } from '../badge';
import { getStore } from '../db';
import { mirrorPanelEnabled } from '../panel-mirror';

/** Article index, browsing, related articles, search, settings, and the content script's reports. */
export const storeHandlers: Pick<
  Handlers,
  | 'content.pageSeen'
  | 'ui.getTabPage'
  | 'ui.getArticleView'
  | 'ui.browse'
  | 'ui.tagStats'
  | 'ui.search'
  | 'ui.indexStatus'
  | 'ui.countIndexed'
  | 'ui.clearIndex'
  | 'ui.getSettings'
  | 'ui.saveSettings'
> = {
  'content.pageSeen': async ({ page }, { tabId }) => {
    const store = getStore();
    // Remembered per tab in session storage (survives the worker stopping), for the popup.
    if (tabId !== null) await browser.storage.session.set({ [tabPageKey(tabId)]: page }).catch(() => undefined);
    const [result, settings] = await Promise.all([store.indexPages([page]), store.getSettings()]);
    if (result.added + result.updated > 0) void broadcast('bg.indexChanged', { articles: result.articles });
    if (tabId !== null && page.article) void store.getNote(page.article.url).then((note) => updateArticleBadge(tabId, note), () => undefined);
    void mirrorPanelEnabled(settings.panelEnabled);
    return { indexed: result.indexed, panelEnabled: settings.panelEnabled };
  },
  'ui.getTabPage': async ({ tabId }) => {
    const stored = await browser.storage.session.get(tabPageKey(tabId)).catch(() => ({}) as Record<string, unknown>);
    const parsed = PageInfo.safeParse(stored[tabPageKey(tabId)]);
    return parsed.success ? parsed.data : null;
  },
  'ui.getArticleView': async ({ url, limit }) => {
    const store = getStore();
    const [article, note, related] = await Promise.all([store.getArticle(url), store.getNote(url), store.related(url, limit)]);
    return { article, note, related };
  },
  'ui.browse': ({ by, slug, offset, limit }) => getStore().browse(by, slug, offset, limit),
  'ui.tagStats': ({ limit }) => getStore().tagStats(limit),
  'ui.search': ({ query, limit }) => getStore().search(query, limit),
  'ui.indexStatus': () => getStore().indexStatus(),
  'ui.countIndexed': async ({ urls }) => ({ indexed: await getStore().countIndexed(urls) }),
  'ui.clearIndex': async () => {
    const removed = await getStore().clearIndex();
    void broadcast('bg.indexChanged', { articles: 0 });
    return { removed };
  },
  'ui.getSettings': () => getStore().getSettings(),
  'ui.saveSettings': async (patch) => {
    const saved = await getStore().saveSettings(patch);
    void syncWaybackScript().catch(() => undefined);
    await mirrorPanelEnabled(saved.panelEnabled);
    return saved;
  },
};
