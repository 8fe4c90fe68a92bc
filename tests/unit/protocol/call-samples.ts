import type { CallName, CallRequest } from '../../../lib/protocol';
import type { PageInfo } from '../../../lib/model';

const ARTICLE = 'http://www.securityvibes.fr/menaces/un-article/';
const PAGE: PageInfo = { kind: 'article', url: ARTICLE, reason: null, article: null, listing: [], subject: null, next: null };

const SELECTORS = {
  quote: { type: 'TextQuoteSelector' as const, exact: 'neuf millions', prefix: 'infecté près de ', suffix: ' de machines' },
  position: { type: 'TextPositionSelector' as const, start: 40, end: 53 },
};

/** One valid payload per call: a new call without a sample here is a compile error. */
export const CALL_SAMPLES: { [N in CallName]: CallRequest<N> } = {
  'ui.ping': {},
  'ui.getTabPage': { tabId: 1 },
  'ui.checkTab': { tabId: 1 },
  'ui.getArticleView': { url: ARTICLE },
  'ui.saveNote': { url: ARTICLE, text: '', rating: null },
  'ui.deleteNote': { url: ARTICLE },
  'ui.restoreNote': { url: ARTICLE },
  'ui.listNotes': {},
  'ui.recentNotes': {},
  'ui.listTrash': {},
  'ui.browse': { by: 'tag', slug: 'apt' },
  'ui.tagStats': {},
  'ui.search': { query: 'ver' },
  'ui.indexStatus': {},
  'ui.countIndexed': { urls: [ARTICLE] },
  'ui.clearIndex': {},
  'ui.exportJson': {},
  'ui.exportMarkdown': {},
  'ui.previewImport': { json: '{}' },
  'ui.applyImport': { json: '{}', applySettings: false },
  'ui.getSettings': {},
  'ui.saveSettings': {},
  'ui.crawlStart': { mode: 'full' },
  'ui.crawlPause': {},
  'ui.crawlResume': {},
  'ui.crawlCancel': {},
  'ui.crawlStatus': {},
  'ui.crawlLog': {},
  'ui.openPanel': { token: '0123456789abcdef0123456789abcdef' },
  'ui.listHighlights': { url: ARTICLE },
  'ui.saveHighlightNote': { id: 'hl-00000001', note: '' },
  'ui.deleteHighlight': { id: 'hl-00000001' },
  'ui.restoreHighlight': { id: 'hl-00000001' },
  'ui.listTrashedHighlights': {},
  'ui.exportWebAnnotations': {},
  'ui.highlightSelection': {},
  'content.createHighlight': { selectors: SELECTORS },
  'content.highlightPlaces': {},
  'content.highlightSelection': {},
  'content.highlightsPlaced': { orphans: [] },
  'content.highlightClicked': { id: 'hl-00000001' },
  'ui.highlightOrphans': {},
  'content.pageSeen': { page: PAGE },
};
