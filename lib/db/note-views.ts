import type { ArticleRecord, Note, Tag, TrashedNote } from '../model';
import { publicRecord } from './articles';
import { findArticles } from './buckets';
import { guarded } from './errors';
import { normalize, queryTerms } from './text';
import { STORES, type Db } from './schema';

export interface NoteView extends Note {
  title: string | null;
  category: Tag | null;
  tags: Tag[];
  /** The article is shown and opened with https (ArticleRecord.https). */
  https?: true;
}

export interface NoteQuery {
  query?: string;
  rating?: number;
  tag?: string;
  category?: string;
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

function view(note: Note, article: ArticleRecord | undefined): NoteView {
  return { ...note, title: article?.title ?? null, category: article?.category ?? null, tags: article?.tags ?? [], ...(article?.https ? { https: true as const } : {}) };
}

/** The reader's notes joined with their articles, filtered, sorted and paged. */
export async function listNotes(db: Db, q: NoteQuery): Promise<{ items: NoteView[]; total: number }> {
  const notes = await guarded(() => db.getAll(STORES.notes));
  const articles = await articlesFor(db, notes.map((note) => note.url));
  const terms = q.query ? queryTerms(q.query) : [];
  const views = notes
    .map((note) => view(note, articles.get(note.url)))
    .filter((v) => q.rating === undefined || v.rating === q.rating)
    .filter((v) => !q.tag || v.tags.some((tag) => tag.slug === q.tag))
    .filter((v) => !q.category || v.category?.slug === q.category)
    .filter((v) => {
      if (terms.length === 0) return true;
      const haystack = normalize(`${v.title ?? ''} ${v.text} ${v.url}`);
      return terms.every((term) => haystack.includes(term));
    });
  const key = (v: NoteView) => (q.sort === 'created' ? v.createdAt : q.sort === 'rating' ? (v.rating ?? 0) : v.updatedAt);
  views.sort((a, b) => key(b) - key(a) || b.updatedAt - a.updatedAt || (a.url < b.url ? -1 : 1));
  return { items: views.slice(q.offset, q.offset + q.limit), total: views.length };
}

export async function recentNotes(db: Db, limit: number): Promise<NoteView[]> {
  return (await listNotes(db, { sort: 'updated', offset: 0, limit })).items;
}

export async function trashViews(db: Db, trash: TrashedNote[]): Promise<(TrashedNote & { title: string | null })[]> {
  const articles = await articlesFor(db, trash.map((entry) => entry.url));
  return trash.map((entry) => ({ ...entry, title: articles.get(entry.url)?.title ?? null }));
}
