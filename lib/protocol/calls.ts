import * as z from 'zod/mini';
import {
  ArticleRecord,
  Category,
  CrawlLogEntry,
  CrawlStatus,
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
} from '../model';

/** Which of this extension's contexts may make a call. `page` = popup/options (extension origin);
 * `content` = our content script on a web page (the in-page panel). Destructive and bulk calls are
 * `page` only, so a compromised web-page renderer cannot wipe or exfiltrate the store. */
export type SenderKind = 'page' | 'content';

const NoPayload = z.strictObject({});
const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);
const Paging = { offset: withDefault(int(0, 1_000_000), 0), limit: withDefault(int(1, 200), 20) };

/** Import files travel as text; Chrome's message limit is 64 MiB, so anything bigger is refused earlier. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;

export const NoteView = z.extend(Note, { title: z.nullable(z.string()), category: z.nullable(Category), tags: z.array(Tag) });
export type NoteView = z.infer<typeof NoteView>;
export const TrashedNoteView = z.extend(TrashedNote, { title: z.nullable(z.string()) });
export type TrashedNoteView = z.infer<typeof TrashedNoteView>;

export const ArticleView = z.object({
  article: z.nullable(ArticleRecord),
  note: z.nullable(Note),
  related: z.array(RelatedItem),
});
export type ArticleView = z.infer<typeof ArticleView>;

export const BrowsePage = z.object({ subject: z.nullable(Tag), items: z.array(ArticleRecord), total: count() });
export type BrowsePage = z.infer<typeof BrowsePage>;

function call<Req extends z.ZodMiniType, Res extends z.ZodMiniType>(req: Req, res: Res, from: readonly SenderKind[]) {
  return { req, res, from };
}
const PAGE = ['page'] as const;
const ANY = ['page', 'content'] as const;

/** Every request to the background, by name: payload schema, answer schema, who may send it. */
export const calls = {
  'ui.ping': call(NoPayload, z.object({ version: z.string() }), ANY),
  /** What our content script reported for a tab (null: nothing recognised there yet). */
  'ui.getTabPage': call(z.object({ tabId: z.number().check(z.int()) }), z.nullable(PageInfo), PAGE),
  /** Run the recogniser in the tab on demand (activeTab + scripting), for mirrors and saved copies. */
  'ui.checkTab': call(z.object({ tabId: z.number().check(z.int()) }), PageInfo, PAGE),
  'ui.getArticleView': call(z.object({ url: HttpUrl, limit: withDefault(int(1, 50), 8) }), ArticleView, ANY),
  /** Patch the note of `url`: omitted fields keep their value. Returns the stored note. */
  'ui.saveNote': call(
    z.object({ url: HttpUrl, text: z.optional(text(100_000)), rating: z.optional(z.nullable(Rating)) }),
    Note,
    ANY,
  ),
  'ui.deleteNote': call(z.object({ url: HttpUrl }), z.object({ trashed: z.boolean() }), PAGE),
  'ui.restoreNote': call(z.object({ url: HttpUrl }), Note, PAGE),
  'ui.listNotes': call(
    z.object({
      query: z.optional(text(500)),
      rating: z.optional(Rating),
      tag: z.optional(Slug),
      category: z.optional(Slug),
      sort: withDefault(z.enum(['updated', 'created', 'rating']), 'updated'),
      ...Paging,
    }),
    z.object({ items: z.array(NoteView), total: count() }),
    PAGE,
  ),
  'ui.recentNotes': call(z.object({ limit: withDefault(int(1, 50), 5) }), z.array(NoteView), PAGE),
  'ui.listTrash': call(NoPayload, z.array(TrashedNoteView), PAGE),
  'ui.browse': call(z.object({ by: z.enum(['tag', 'category']), slug: Slug, ...Paging }), BrowsePage, ANY),
  'ui.tagStats': call(z.object({ limit: withDefault(int(1, 5000), 200) }), z.array(TagStat), PAGE),
  'ui.search': call(z.object({ query: text(500), limit: withDefault(int(1, 100), 20) }), z.array(SearchHit), PAGE),
  'ui.indexStatus': call(NoPayload, IndexStatus, ANY),
  /** How many of these URLs the index holds (listing pages in the popup). */
  'ui.countIndexed': call(z.object({ urls: z.array(HttpUrl).check(z.maxLength(500)) }), z.object({ indexed: count() }), PAGE),
  'ui.clearIndex': call(NoPayload, z.object({ removed: count() }), PAGE),
  'ui.exportJson': call(NoPayload, z.object({ filename: z.string(), json: z.string() }), PAGE),
  'ui.exportMarkdown': call(NoPayload, z.object({ filename: z.string(), base64: z.string() }), PAGE),
  'ui.previewImport': call(z.object({ json: text(MAX_IMPORT_CHARS) }), ImportReport, PAGE),
  'ui.applyImport': call(z.object({ json: text(MAX_IMPORT_CHARS) }), ImportReport, PAGE),
  'ui.getSettings': call(NoPayload, Settings, ANY),
  'ui.saveSettings': call(z.partial(Settings), Settings, PAGE),
  'ui.crawlStart': call(z.object({ mode: z.enum(['full', 'refresh']) }), CrawlStatus, PAGE),
  'ui.crawlPause': call(NoPayload, CrawlStatus, PAGE),
  'ui.crawlResume': call(NoPayload, CrawlStatus, PAGE),
  'ui.crawlCancel': call(NoPayload, CrawlStatus, PAGE),
  'ui.crawlStatus': call(NoPayload, CrawlStatus, PAGE),
  'ui.crawlLog': call(z.object({ limit: withDefault(int(1, 1000), 100) }), z.array(CrawlLogEntry), PAGE),
  /** The content script reports every recognised archive page; the background indexes it. */
  'content.pageSeen': call(z.object({ page: PageInfo }), z.object({ indexed: count(), panelEnabled: z.boolean() }), ['content']),
} as const;

export type CallName = keyof typeof calls;
export type CallRequest<N extends CallName> = z.input<(typeof calls)[N]['req']>;
export type CallPayload<N extends CallName> = z.output<(typeof calls)[N]['req']>;
export type CallResponse<N extends CallName> = z.output<(typeof calls)[N]['res']>;
