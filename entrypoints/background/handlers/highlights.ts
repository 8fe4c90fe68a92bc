import { placeOf } from '@/lib/model';
import type { Handlers } from '@/lib/protocol';
import { highlightsToWebAnnotations } from '@/lib/db/web-annotation';
import { broadcast } from '../broadcast';
import { askHighlighter, drawAgain } from '../highlighter';
import { ownArticle } from './highlight-places';
import { getStore } from '../db';

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
  | 'ui.highlightSelection'
  | 'content.createHighlight'
  | 'content.highlightSelection'
  | 'content.highlightPlaces'
> = {
  'ui.listHighlights': ({ url }) => getStore().highlights.of(url),
  'ui.saveHighlightNote': async ({ id, note }) => {
    const saved = await getStore().highlights.saveNote(id, note);
    void broadcast('bg.highlightsChanged', { url: saved.url });
    return saved;
  },
  'ui.deleteHighlight': async ({ id }, { tabId }) => {
    const url = await getStore().highlights.trash(id);
    if (url) void broadcast('bg.highlightsChanged', { url });
    // The panel's own tab draws its highlights again (it learns places, never which note went).
    if (url && tabId !== null) void drawAgain(tabId);
    return { trashed: url !== null };
  },
  'ui.restoreHighlight': async ({ id }, { tabId }) => {
    const restored = await getStore().highlights.restore(id);
    void broadcast('bg.highlightsChanged', { url: restored.url });
    if (tabId !== null) void drawAgain(tabId);
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
  // The panel is an extension page framed in the article's tab: its sender's tab is that article's.
  'ui.highlightSelection': async ({ show }, { tabId }) => ({
    asked: tabId !== null && (await askHighlighter(tabId, show ? { command: 'show', id: show } : { command: 'create' })),
  }),
  'content.createHighlight': async ({ selectors }, context) => {
    const { url } = await ownArticle(context);
    const store = getStore();
    const created = await store.highlights.create({ id: crypto.randomUUID(), url, selectors });
    void broadcast('bg.highlightsChanged', { url });
    return { created: placeOf(created), places: (await store.highlights.of(url)).map(placeOf) };
  },
  'content.highlightSelection': async (_payload, context) => {
    const { tabId } = await ownArticle(context);
    return { asked: await askHighlighter(tabId, { command: 'create' }) };
  },
  'content.highlightPlaces': async (_payload, context) => (await getStore().highlights.of((await ownArticle(context)).url)).map(placeOf),
};
