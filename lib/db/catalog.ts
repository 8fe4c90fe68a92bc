import type { Note, RelatedItem, Tag } from '../model';
import { parseChunk, ROW, tagsOfRow, tokensAt, type DigestRow, type ParsedChunk } from './digest';
import { guarded } from './errors';
import { IdLists } from './id-lists';
import { CategoryDictionary } from './postings';
import { finalize, preselect, type PostingList } from './related';
import { toRelatedItems } from './related-items';
import { NO_CATEGORY, NO_TIME, STORES, type Db } from './schema';
import { SearchIndex, type SearchDoc } from './search';

/** What the catalog keeps about one article (no excerpt: search reads the few winners' excerpts). */
export interface CatalogDoc {
  id: number;
  url: string;
  title: string;
  publishedAt: string | null;
  category: Tag | null;
  tags: Tag[];
  /** Publication minute (NO_TIME when unknown) and rubrique index, as the ranking's postings lists carry them. */
  min: number;
  cat: number;
  /** Shown and opened with https (ArticleRecord.https). */
  https?: true;
}

/** One page of a tag's or rubrique's articles. */
export interface CatalogPage {
  subject: Tag;
  urls: string[];
  total: number;
}

/** Articles' ratings and excerpts are filled in by the store for the few hits it returns. */
const articleSearchDoc = (doc: CatalogDoc): SearchDoc => ({
  kind: 'article',
  url: doc.url,
  title: doc.title,
  body: '',
  rating: null,
  publishedAt: doc.publishedAt,
});

export const noteSearchDoc = (note: Note, article: CatalogDoc | undefined): SearchDoc => ({
  kind: 'note',
  url: note.url,
  title: article?.title ?? note.url,
  body: note.text,
  rating: note.rating,
  publishedAt: article?.publishedAt ?? null,
});

/**
 * The background's in-memory catalog of the index: every article's summary, the tag and rubrique lists
 * (related and browse) and the search index (articles and notes). A cache only — loaded
 * from the digest in one read-only transaction when first needed after the worker wakes, patched by
 * every write made through the store, dropped on clear/import; IndexedDB stays the truth.
 */
export class Catalog {
  private readonly docs = new Map<number, CatalogDoc>();
  private readonly byUrl = new Map<string, CatalogDoc>();
  private readonly tags = new IdLists();
  private readonly rubriques = new IdLists();
  /** Typed views of tag lists for the ranking, built on demand, dropped when the list or one of its articles changes. */
  private readonly views = new Map<string, PostingList>();
  private readonly categories = new CategoryDictionary();
  /**
   * Every article placed while the tag and rubrique lists are not built, in placement order (null once
   * they are). Search needs no lists, so a worker woken for a search does not build them: the first
   * related, browse or posting view replays these placements (listed()), exactly as if made one by one.
   */
  private unlisted: CatalogDoc[] | null = [];
  readonly search = new SearchIndex();

  get size(): number {
    return this.docs.size;
  }

  static async load(db: Db): Promise<Catalog> {
    const [chunks, notes] = await guarded(async () => {
      const tx = db.transaction([STORES.digest, STORES.notes]);
      return Promise.all([tx.objectStore(STORES.digest).getAll(), tx.objectStore(STORES.notes).getAll()]);
    });
    const catalog = new Catalog();
    for (const chunk of chunks) catalog.loadChunk(parseChunk(chunk));
    for (const note of notes) catalog.search.upsert(noteSearchDoc(note, catalog.byUrl.get(note.url)));
    return catalog;
  }

  get(url: string): CatalogDoc | undefined {
    return this.byUrl.get(url);
  }

  /** Adds or replaces one article (its row as written in the digest). */
  upsert(row: DigestRow): void {
    const doc = this.place(row);
    this.search.upsertPrepared(articleSearchDoc(doc), row[ROW.normTitle], row[ROW.time] ?? 0, row[ROW.tokens]);
  }

  /** Adds a whole digest chunk (loading): articles, then their tokens in one block. */
  private loadChunk(chunk: ParsedChunk): void {
    const docs = chunk.rows.map((row, position) => ({
      doc: articleSearchDoc(this.place(row)),
      normTitle: row[ROW.normTitle],
      time: row[ROW.time] ?? 0,
      tokens: () => tokensAt(chunk, position),
    }));
    this.search.loadBlock({ docs, tokens: chunk.tokens, offsets: chunk.offsets, positions: chunk.positions });
  }

  /** Puts the article in the summaries, tag and rubrique lists (moving it between lists if it changed). */
  private place(row: DigestRow): CatalogDoc {
    const id = row[ROW.id];
    const url = row[ROW.url];
    const categorySlug = row[ROW.categorySlug];
    const time = row[ROW.time];
    const old = this.docs.get(id);
    const doc: CatalogDoc = {
      id,
      url,
      title: row[ROW.title],
      publishedAt: row[ROW.publishedAt],
      category: categorySlug === null ? null : { slug: categorySlug, name: row[ROW.categoryName] ?? categorySlug },
      tags: tagsOfRow(row),
      min: time === null ? NO_TIME : Math.floor(time / 60_000),
      cat: this.categories.indexOf(categorySlug),
      ...(row[ROW.https] === 1 ? { https: true as const } : {}),
    };
    this.docs.set(id, doc);
    if (old && old.url !== url) this.byUrl.delete(old.url);
    this.byUrl.set(url, doc);
    if (this.unlisted) this.unlisted.push(doc);
    else this.list(doc, old);
    return doc;
  }

  /** Moves the article between the tag and rubrique lists, from where `old` (its previous version) put it. */
  private list(doc: CatalogDoc, old: CatalogDoc | undefined): void {
    const { id } = doc;
    if (old) {
      for (const tag of old.tags) if (!doc.tags.some((t) => t.slug === tag.slug)) this.removeFromTag(tag.slug, id);
      if (old.category && old.category.slug !== doc.category?.slug) this.rubriques.remove(old.category.slug, id);
    }
    for (const tag of doc.tags) {
      this.tags.add(tag.slug, tag.name, id);
      this.views.delete(tag.slug);
    }
    if (doc.category) this.rubriques.add(doc.category.slug, doc.category.name, id);
  }

  /** Builds the tag and rubrique lists if they are not yet: the placements since the load, in order. */
  private listed(): void {
    const placed = this.unlisted;
    if (!placed) return;
    this.unlisted = null;
    const previous = new Map<number, CatalogDoc>();
    for (const doc of placed) {
      this.list(doc, previous.get(doc.id));
      previous.set(doc.id, doc);
    }
  }

  private removeFromTag(slug: string, id: number): void {
    this.tags.remove(slug, id);
    this.views.delete(slug);
  }

  /**
   * One page of the articles with a tag or in a rubrique, newest first (undated last, then by id), or
   * null when no article has it.
   */
  browse(by: 'tag' | 'category', slug: string, offset: number, limit: number): CatalogPage | null {
    this.listed();
    const list = (by === 'tag' ? this.tags : this.rubriques).get(slug);
    if (!list) return null;
    const docs = list.ids.map((id) => this.docs.get(id)!);
    const time = (doc: CatalogDoc) => (doc.min === NO_TIME ? -Infinity : doc.min);
    docs.sort((a, b) => time(b) - time(a) || a.id - b.id);
    return { subject: { slug, name: list.name }, urls: docs.slice(offset, offset + limit).map((doc) => doc.url), total: docs.length };
  }

  private posting(slug: string): PostingList | null {
    this.listed();
    const list = this.tags.get(slug);
    if (!list) return null;
    let view = this.views.get(slug);
    if (!view) {
      const n = list.ids.length;
      const typed = { slug, name: list.name, ids: Uint32Array.from(list.ids), mins: new Int32Array(n), cats: new Uint16Array(n) };
      for (let i = 0; i < n; i += 1) {
        const doc = this.docs.get(list.ids[i]!)!;
        typed.mins[i] = doc.min;
        typed.cats[i] = doc.cat;
      }
      this.views.set(slug, (view = typed));
    }
    return view;
  }

  /**
   * Related articles, ranked by the one pure ranking (related.ts) over in-memory postings; with no
   * shared tag, the same rubrique or (with none) the nearest dates.
   */
  related(url: string, limit: number, ratings: ReadonlyMap<string, number | null>): RelatedItem[] {
    const article = this.byUrl.get(url);
    if (!article) return [];
    const target = { id: article.id, cat: article.category ? article.cat : NO_CATEGORY, min: article.min };
    const tagPostings = article.tags.flatMap((tag) => this.posting(tag.slug) ?? []).filter((p) => p.ids.length > 1);
    let selection = preselect(target, tagPostings, null, this.docs.size, limit);
    if (selection.pool.length === 0) selection = preselect(target, [], this.fallback(article), this.docs.size, limit);
    const ranked = finalize(selection, (id) => this.docs.get(id)?.url ?? '');
    const records = new Map(ranked.map((item) => [item.id, this.docs.get(item.id)!] as const));
    return toRelatedItems(ranked, records, ratings, new Map(article.tags.map((tag) => [tag.slug, tag.name])));
  }

  /** The rubrique's articles, or (no rubrique) every article: the pool then ranks by date distance. */
  private fallback(article: CatalogDoc): PostingList {
    const docs = [...this.docs.values()].filter((doc) => !article.category || doc.cat === article.cat).sort((a, b) => a.id - b.id);
    return { slug: '', name: '', ids: docs.map((doc) => doc.id), mins: docs.map((doc) => doc.min), cats: docs.map((doc) => (article.category ? doc.cat : 0)) };
  }
}
