import * as z from 'zod/mini';
import {
  ArticleRecord,
  Highlight,
  HighlightId,
  HighlightPlace,
  HIGHLIGHT_LIMITS,
  TextPositionSelector,
  TextQuoteSelector,
  Category,
  CrawlLogEntry,
  CrawlStatus,
  DeclaredHttps,
  EpochMs,
  HttpUrl,
  ImportReport,
  IndexStatus,
  Note,
  PageInfo,
  Rating,
  RelatedItem,
  SearchHit,
  Settings,
  Slug,
  Tag,
  TagStat,
  TrashedNote,
  count,
  text,
  LIMITS,
} from '../model';
import { PANEL_TOKEN_PATTERN } from './panel-frame';

/** Which of this extension's contexts may make a call. `page` = our extension pages (popup, options, the
 * in-page panel, which is panel.html in a frame); `content` = our content script in an archive tab's top
 * frame. Content scripts are treated as compromised (they share the web page's renderer): they may only
 * report facts about their own page (`content.*`), never read the store — every `ui.*` call is `page` only. */
export type SenderKind = 'page' | 'content';

const NoPayload = z.strictObject({});
const PanelToken = z.string().check(z.regex(PANEL_TOKEN_PATTERN));
const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);
const Paging = { offset: withDefault(int(0, 1_000_000), 0), limit: withDefault(int(1, 200), 20) };

/** Import files travel as text; Chrome's message limit is 64 MiB, so anything bigger is refused earlier. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;

/** A highlight as the library lists it (extension pages only: it carries the highlight's note). */
export const HighlightExcerpt = z.object({ id: HighlightId, exact: TextQuoteSelector.shape.exact, note: text(HIGHLIGHT_LIMITS.note) });
/** An annotated article in the library: `hasNote` false for one only highlighted (its note is unwritten). */
export const NoteView = z.extend(Note, {
  title: z.nullable(z.string()),
  category: z.nullable(Category),
  tags: z.array(Tag),
  hasNote: z.boolean(),
  highlights: z.array(HighlightExcerpt).check(z.maxLength(HIGHLIGHT_LIMITS.perArticle)),
  https: DeclaredHttps,
});
export type NoteView = z.infer<typeof NoteView>;
/** A deleted highlight in the options page's trash, with its article's title (null when not indexed). */
export const TrashedHighlightView = z.extend(Highlight, { deletedAt: EpochMs, title: z.nullable(z.string()) });
export type TrashedHighlightView = z.infer<typeof TrashedHighlightView>;
export const TrashedNoteView = z.extend(TrashedNote, { title: z.nullable(z.string()) });
export type TrashedNoteView = z.infer<typeof TrashedNoteView>;

export const ArticleView = z.object({
  article: z.nullable(ArticleRecord),
  note: z.nullable(Note),
  related: z.array(RelatedItem),
});
export type ArticleView = z.infer<typeof ArticleView>;

/**
 * A new highlight's selectors as a content script sends them: the quote may be longer than a highlight
 * may be (bounded all the same), so that the store answers an over-long selection with its own clear
 * message rather than a schema error.
 */
const SelectionSelectors = z.object({
  quote: z.extend(TextQuoteSelector, { exact: z.string().check(z.minLength(1), z.maxLength(200_000)) }),
  position: TextPositionSelector,
});

/** Whether the background passed a request on (to a tab's highlighter, or to the panel). */
const Asked = z.object({ asked: z.boolean() });
const OneHighlight = z.object({ id: HighlightId });
/** Ids of one article's highlights (never more than it may hold). */
const HighlightIds = z.array(HighlightId).check(z.maxLength(HIGHLIGHT_LIMITS.perArticle));

export const BrowsePage = z.object({ subject: z.nullable(Tag), items: z.array(ArticleRecord), total: count() });
export type BrowsePage = z.infer<typeof BrowsePage>;

function call<Req extends z.ZodMiniType, Res extends z.ZodMiniType>(req: Req, res: Res, from: readonly SenderKind[]) {
  return { req, res, from };
}
const PAGE = ['page'] as const;
/** Facts a content script reports about its own page; the router also checks its tab and rate. */
const CONTENT = ['content'] as const;

/** Every request to the background, by name: payload schema, answer schema, who may send it. */
export const calls = {
  'ui.ping': call(NoPayload, z.object({ version: z.string() }), PAGE),
  /** What our content script reported for a tab (null: nothing recognised there yet). */
  'ui.getTabPage': call(z.object({ tabId: z.number().check(z.int()) }), z.nullable(PageInfo), PAGE),
  /** Run the recogniser in the tab on demand (activeTab + scripting), for mirrors and saved copies. */
  'ui.checkTab': call(z.object({ tabId: z.number().check(z.int()) }), PageInfo, PAGE),
  'ui.getArticleView': call(z.object({ url: HttpUrl, limit: withDefault(int(1, 50), 8) }), ArticleView, PAGE),
  /** Patch the note of `url`: omitted fields keep their value. Returns the stored note. */
  'ui.saveNote': call(z.object({ url: HttpUrl, text: z.optional(text(LIMITS.noteText)), rating: z.optional(z.nullable(Rating)) }), Note, PAGE),
  'ui.deleteNote': call(z.object({ url: HttpUrl }), z.object({ trashed: z.boolean() }), PAGE),
  'ui.restoreNote': call(z.object({ url: HttpUrl }), Note, PAGE),
  'ui.listNotes': call(
    z.object({
      query: z.optional(text(LIMITS.query)),
      rating: z.optional(Rating),
      tag: z.optional(Slug),
      category: z.optional(Slug),
      /** Only articles with at least one highlight. */
      highlighted: z.optional(z.boolean()),
      sort: withDefault(z.enum(['updated', 'created', 'rating']), 'updated'),
      ...Paging,
    }),
    z.object({ items: z.array(NoteView), total: count() }),
    PAGE,
  ),
  'ui.recentNotes': call(z.object({ limit: withDefault(int(1, 50), 5) }), z.array(NoteView), PAGE),
  'ui.listTrash': call(NoPayload, z.array(TrashedNoteView), PAGE),
  'ui.browse': call(z.object({ by: z.enum(['tag', 'category']), slug: Slug, ...Paging }), BrowsePage, PAGE),
  'ui.tagStats': call(z.object({ limit: withDefault(int(1, 5000), 200) }), z.array(TagStat), PAGE),
  'ui.search': call(z.object({ query: text(LIMITS.query), limit: withDefault(int(1, 100), 20) }), z.array(SearchHit), PAGE),
  'ui.indexStatus': call(NoPayload, IndexStatus, PAGE),
  /** How many of these URLs the index holds (listing pages in the popup). */
  'ui.countIndexed': call(z.object({ urls: z.array(HttpUrl).check(z.maxLength(LIMITS.urlsPerCount)) }), z.object({ indexed: count() }), PAGE),
  'ui.clearIndex': call(NoPayload, z.object({ removed: count() }), PAGE),
  'ui.exportJson': call(NoPayload, z.object({ filename: z.string(), json: z.string() }), PAGE),
  'ui.exportMarkdown': call(NoPayload, z.object({ filename: z.string(), base64: z.string() }), PAGE),
  'ui.previewImport': call(z.object({ json: text(MAX_IMPORT_CHARS) }), ImportReport, PAGE),
  'ui.applyImport': call(z.object({ json: text(MAX_IMPORT_CHARS), applySettings: z.boolean() }), ImportReport, PAGE),
  'ui.getSettings': call(NoPayload, Settings, PAGE),
  'ui.saveSettings': call(z.partial(Settings), Settings, PAGE),
  'ui.crawlStart': call(z.object({ mode: z.enum(['full', 'refresh']) }), CrawlStatus, PAGE),
  'ui.crawlPause': call(NoPayload, CrawlStatus, PAGE),
  'ui.crawlResume': call(NoPayload, CrawlStatus, PAGE),
  'ui.crawlCancel': call(NoPayload, CrawlStatus, PAGE),
  'ui.crawlStatus': call(NoPayload, CrawlStatus, PAGE),
  'ui.crawlLog': call(z.object({ limit: withDefault(int(1, 1000), 100) }), z.array(CrawlLogEntry), PAGE),
  /** The article's highlights with their notes, in text order (the panel; never a content script). */
  'ui.listHighlights': call(z.object({ url: HttpUrl }), z.array(Highlight), PAGE),
  'ui.saveHighlightNote': call(z.object({ id: HighlightId, note: text(HIGHLIGHT_LIMITS.note) }), Highlight, PAGE),
  /** Moves a highlight to the trash. */
  'ui.deleteHighlight': call(z.object({ id: HighlightId }), z.object({ trashed: z.boolean() }), PAGE),
  'ui.restoreHighlight': call(z.object({ id: HighlightId }), Highlight, PAGE),
  /** Deleted highlights, newest deletion first (those past 30 days are purged first). */
  'ui.listTrashedHighlights': call(NoPayload, z.array(TrashedHighlightView), PAGE),
  /**
   * The panel's "Highlight selection" (the highlighter in the panel's own tab highlights what is selected)
   * and "Show" (`show`: it scrolls to that highlight and flashes it).
   */
  'ui.highlightSelection': call(z.object({ show: z.optional(HighlightId) }), Asked, PAGE),
  /** Every highlight as a W3C Web Annotation collection (JSON-LD), the article's tags as tagging bodies. */
  'ui.exportWebAnnotations': call(NoPayload, z.object({ filename: z.string(), json: z.string() }), PAGE),
  /**
   * The reader highlighted a selection on the content script's own page: stored for the article that
   * tab's top frame reported (content.pageSeen), never for a URL the script names. Answers the new place and
   * every place of that article (no second call to draw them: a tab's calls share one rate), never notes.
   */
  'content.createHighlight': call(z.object({ selectors: SelectionSelectors }), z.object({ created: HighlightPlace, places: z.array(HighlightPlace) }), CONTENT),
  /** Which of the article's highlights the highlighter in the panel's own tab could not place (none before it drew). */
  'ui.highlightOrphans': call(NoPayload, HighlightIds, PAGE),
  /** The highlighter drew its article's highlights: the ids it could not place on this page (no notes, no text). */
  'content.highlightsPlaced': call(z.object({ orphans: HighlightIds }), NoPayload, CONTENT),
  /** The reader clicked a drawn highlight: which one (the panel opens it; the script learns nothing back). */
  'content.highlightClicked': call(OneHighlight, Asked, CONTENT),
  /** The reader clicked the button beside a selection: load the highlighter into this tab and highlight it. */
  'content.highlightSelection': call(NoPayload, Asked, CONTENT),
  /** Where to draw the highlights of the content script's own article: places only, never notes. */
  'content.highlightPlaces': call(NoPayload, z.array(HighlightPlace), CONTENT),
  /**
   * The panel framed in a tab redeems the one-time token this tab's content script got (and passed over
   * their private channel): once, in that tab only. The answer is the article the token was issued for.
   */
  'ui.openPanel': call(z.object({ token: PanelToken }), z.object({ url: HttpUrl }), PAGE),
  /**
   * The content script reports every recognised archive page; the background indexes it. For an article
   * with the panel on, the answer carries the token the panel needs to draw (null otherwise).
   */
  'content.pageSeen': call(
    z.object({ page: PageInfo }),
    z.object({ indexed: count(), panelEnabled: z.boolean(), panelToken: z.nullable(PanelToken) }),
    CONTENT,
  ),
} as const;

export type CallName = keyof typeof calls;
export type CallRequest<N extends CallName> = z.input<(typeof calls)[N]['req']>;
export type CallPayload<N extends CallName> = z.output<(typeof calls)[N]['req']>;
export type CallResponse<N extends CallName> = z.output<(typeof calls)[N]['res']>;
