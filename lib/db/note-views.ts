import type { ArticleRecord, Highlight, Note, Tag, TrashedNote } from '../model';
import { publicRecord } from './articles';
import { noteOfHighlightsOnly } from './highlights';
import { findArticles } from './buckets';
import { guarded } from './errors';
import { normalize, queryTerms } from './text';
import { STORES, type Db } from './schema';

/** A highlight as the library shows it: its words and the reader's note on them. */
export interface HighlightExcerpt {
  id: string;
  exact: string;
  note: string;
}

/**
 * One annotated article of the library: the reader's note on it, or — for an article the reader only
 * highlighted — an unwritten note (`hasNote` false, empty text, no rating, the highlights' times), plus
 * its highlights in text order.
 */
export interface NoteView extends Note {
  title: string | null;
  category: Tag | null;
  tags: Tag[];
  /** The article is shown and opened with https (ArticleRecord.https). */
  https?: true;
  hasNote: boolean;
  highlights: HighlightExcerpt[];
}

export interface NoteQuery {
  query?: string;
  rating?: number;
  tag?: string;
  category?: string;
  /** Only articles that carry at least one highlight. */
  highlighted?: boolean;
  sort: 'updated' | 'created' | 'rating';
  offset: number;
  limit: number;
}

/** Articles for a set of URLs, read in one transaction. */
export function articlesFor(db: Db, urls: readonly string[]): Promise<Map<string, ArticleRecord>> {
  return guarded(async () => {
    const found = await findArticles(db.transaction(STORES.articleBuckets).store, urls);
    return new Map([...found].map(([url, stored]) => [url, publicRecord(stored)] as const));
  });
}

const byPlace = (a: Highlight, b: Highlight) => a.selectors.position.start - b.selectors.position.start || a.createdAt - b.createdAt;

/** The live highlights of every article, each article's in text order. */
async function highlightsByArticle(db: Db): Promise<Map<string, Highlight[]>> {
  const all = (await guarded(() => db.getAll(STORES.highlights))).filter((record) => record.deletedAt === undefined);
  const byUrl = new Map<string, Highlight[]>();
  for (const highlight of all.sort(byPlace)) {
    const list = byUrl.get(highlight.url);
    if (list) list.push(highlight);
    else byUrl.set(highlight.url, [highlight]);
  }
  return byUrl;
}

/** The note an article has not been given yet: what the library shows for an article only highlighted. */
function view(note: Note, hasNote: boolean, article: ArticleRecord | undefined, highlights: readonly Highlight[]): NoteView {
  return {
    ...note,
    title: article?.title ?? null,
    category: article?.category ?? null,
    tags: article?.tags ?? [],
    hasNote,
    highlights: highlights.map(({ id, selectors, note: text }) => ({ id, exact: selectors.quote.exact, note: text })),
    ...(article?.https ? { https: true as const } : {}),
  };
}

/** What the library's search reads of an article: title, note, address, every highlight's words and note. */
const searchable = (v: NoteView) => normalize([v.title ?? '', v.text, v.url, ...v.highlights.flatMap((h) => [h.exact, h.note])].join(' '));

/** The reader's annotated articles (a note, highlights or both) joined with their articles, filtered, sorted and paged. */
export async function listNotes(db: Db, q: NoteQuery): Promise<{ items: NoteView[]; total: number }> {
  const [notes, highlights] = await Promise.all([guarded(() => db.getAll(STORES.notes)), highlightsByArticle(db)]);
  const noted = new Set(notes.map((note) => note.url));
  const onlyHighlighted = [...highlights.keys()].filter((url) => !noted.has(url));
  const articles = await articlesFor(db, [...noted, ...onlyHighlighted]);
  const terms = q.query ? queryTerms(q.query) : [];
  const views = [
    ...notes.map((note) => view(note, true, articles.get(note.url), highlights.get(note.url) ?? [])),
    ...onlyHighlighted.map((url) => view(noteOfHighlightsOnly(url, highlights.get(url)!), false, articles.get(url), highlights.get(url)!)),
  ]
    .filter((v) => q.rating === undefined || v.rating === q.rating)
    .filter((v) => !q.tag || v.tags.some((tag) => tag.slug === q.tag))
    .filter((v) => !q.category || v.category?.slug === q.category)
    .filter((v) => !q.highlighted || v.highlights.length > 0)
    .filter((v) => {
      if (terms.length === 0) return true;
      const haystack = searchable(v);
      return terms.every((term) => haystack.includes(term));
    });
  const key = (v: NoteView) => (q.sort === 'created' ? v.createdAt : q.sort === 'rating' ? (v.rating ?? 0) : v.updatedAt);
  views.sort((a, b) => key(b) - key(a) || b.updatedAt - a.updatedAt || (a.url < b.url ? -1 : 1));
  return { items: views.slice(q.offset, q.offset + q.limit), total: views.length };
}

/** The notes written most recently (articles only highlighted are not notes: the popup lists notes). */
export async function recentNotes(db: Db, limit: number): Promise<NoteView[]> {
  const notes = await guarded(() => db.getAll(STORES.notes));
  const recent = notes.sort((a, b) => b.updatedAt - a.updatedAt || (a.url < b.url ? -1 : 1)).slice(0, limit);
  const [articles, highlights] = await Promise.all([
    articlesFor(
      db,
      recent.map((note) => note.url),
    ),
    highlightsByArticle(db),
  ]);
  return recent.map((note) => view(note, true, articles.get(note.url), highlights.get(note.url) ?? []));
}

export async function trashViews(db: Db, trash: TrashedNote[]): Promise<(TrashedNote & { title: string | null })[]> {
  const articles = await articlesFor(
    db,
    trash.map((entry) => entry.url),
  );
  return trash.map((entry) => ({ ...entry, title: articles.get(entry.url)?.title ?? null }));
}
