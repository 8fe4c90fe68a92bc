import { CodedError, type HighlightPlace } from '@/lib/model';
import type { CallContext, Handlers } from '@/lib/protocol';
import { highlightsToWebAnnotations } from '@/lib/db/web-annotation';
import { broadcast } from '../broadcast';
import { getStore } from '../db';
import { readTabPage } from '../tab-pages';

/**
 * The article a content script may act on: the one its tab's top frame reported with content.pageSeen,
 * while the tab still shows that address (tab-pages.ts). The router admits content scripts only in an
 * archive tab's top frame; a tab that reported no article, or a script naming another URL, gets nothing:
 * the URL never comes from the script's payload.
 */
async function ownArticle(context: CallContext): Promise<string> {
  if (context.sender !== 'content') throw new CodedError('forbidden', 'Only the content script of an archive tab may do this.');
  const url = (await readTabPage(context.tabId))?.article?.url;
  if (!url) throw new CodedError('forbidden', 'This tab shows no archive article.');
  return url;
}

const place = ({ id, selectors }: HighlightPlace): HighlightPlace => ({ id, selectors });

/**
 * Highlights. Extension pages (the panel, the options page) read and edit them with their notes (their
 * change events go to extension pages only, never to tabs); a
 * content script only creates one on its own article and learns where its article's highlights are.
 */
export const highlightHandlers: Pick<
  Handlers,
  | 'ui.listHighlights'
  | 'ui.saveHighlightNote'
  | 'ui.deleteHighlight'
  | 'ui.restoreHighlight'
  | 'ui.listTrashedHighlights'
  | 'ui.exportWebAnnotations'
  | 'content.createHighlight'
  | 'content.highlightPlaces'
> = {
  'ui.listHighlights': ({ url }) => getStore().highlights.of(url),
  'ui.saveHighlightNote': async ({ id, note }) => {
    const saved = await getStore().highlights.saveNote(id, note);
    void broadcast('bg.highlightsChanged', { url: saved.url });
    return saved;
  },
  'ui.deleteHighlight': async ({ id }) => {
    const url = await getStore().highlights.trash(id);
    if (url) void broadcast('bg.highlightsChanged', { url });
    return { trashed: url !== null };
  },
  'ui.restoreHighlight': async ({ id }) => {
    const restored = await getStore().highlights.restore(id);
    void broadcast('bg.highlightsChanged', { url: restored.url });
    return restored;
  },
  'ui.listTrashedHighlights': async () => {
    const store = getStore();
    const trashed = await store.highlights.listTrash();
    const urls = [...new Set(trashed.map((h) => h.url))];
    const titles = new Map(await Promise.all(urls.map(async (url) => [url, (await store.getArticle(url))?.title ?? null] as const)));
    return trashed.map((h) => ({ ...h, title: titles.get(h.url) ?? null }));
  },
  'ui.exportWebAnnotations': async () => {
    const store = getStore();
    const all = await store.highlights.all();
    const articles = await Promise.all([...new Set(all.map((h) => h.url))].map((url) => store.getArticle(url)));
    const tags = new Map(articles.flatMap((article) => (article ? [[article.url, article.tags] as const] : [])));
    const json = highlightsToWebAnnotations(all, (url) => tags.get(url) ?? [], 'SecurityVibes Companion highlights');
    return { filename: `securityvibes-highlights-${new Date().toISOString().slice(0, 10)}.jsonld`, json };
  },
  'content.createHighlight': async ({ selectors }, context) => {
    const url = await ownArticle(context);
    const created = await getStore().highlights.create({ id: crypto.randomUUID(), url, selectors });
    void broadcast('bg.highlightsChanged', { url });
    return place(created);
  },
  'content.highlightPlaces': async (_payload, context) => (await getStore().highlights.of(await ownArticle(context))).map(place),
};
