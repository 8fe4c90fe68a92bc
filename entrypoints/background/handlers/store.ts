import { syncWaybackScript } from '../wayback';
import { archiveFactsOnly } from '@/lib/archive/archive-tab';
import { CodedError } from '@/lib/model';
import type { Handlers } from '@/lib/protocol';
import { broadcast } from '../broadcast';
import { injectHighlighter } from '../highlighter';
import { forgetOrphans } from './highlight-places';
import { updateArticleBadge } from '../badge';
import { getStore } from '../db';
import { mirrorPanelEnabled } from '../panel-mirror';
import { issuePanelToken } from '../panel-tokens';
import { readTabPage, rememberTabPage } from '../tab-pages';

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
  'content.pageSeen': async ({ page: reported }, context) => {
    // The router admitted a content script in an archive tab's top frame; what it says is still a claim.
    if (context.sender !== 'content') throw new CodedError('forbidden', 'content.pageSeen comes from content scripts only');
    const page = archiveFactsOnly(reported);
    if (!page) throw new CodedError('forbidden', 'content.pageSeen: the page reported is not on the archive');
    const { tabId } = context;
    const store = getStore();
    // Remembered per tab in session storage (survives the worker stopping), for the popup.
    await rememberTabPage(tabId, page, context.frameUrl);
    const [result, settings] = await Promise.all([store.indexPages([page]), store.getSettings()]);
    if (result.added + result.updated > 0) void broadcast('bg.indexChanged', { articles: result.articles });
    if (page.article)
      void store.getNote(page.article.url).then(
        (note) => updateArticleBadge(tabId, note),
        () => undefined,
      );
    // The highlighter is loaded only where it is needed: an article that has highlights (or a first selection).
    // The tab's orphans of its previous page are forgotten first: its new highlighter reports only orphans.
    const article = page.article;
    if (article)
      void forgetOrphans(tabId)
        .then(() => store.highlights.of(article.url))
        .then(
          (list) => list.length > 0 && injectHighlighter(tabId),
          () => undefined,
        );
    void mirrorPanelEnabled(settings.panelEnabled);
    const panelToken = page.article && settings.panelEnabled ? await issuePanelToken(tabId, page.article.url) : null;
    return { indexed: result.indexed, panelEnabled: settings.panelEnabled, panelToken };
  },
  'ui.getTabPage': ({ tabId }) => readTabPage(tabId),
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
