import type { ArticleRecord, BackupFile, ImportReport, IndexStatus, Note, PageInfo, RelatedItem, SearchHit, Settings, Tag, TagStat, TrashedNote } from '../model';
import { ARTICLE_WRITE_STORES, type Incoming } from './article-writer';
import { writeWithVocabulary } from './store-vocabulary';
import * as articles from './articles';
import { exportBackup, importBackup } from './backup';
import { crawlStateStore, type CrawlStateStore } from './crawl-state';
import { guarded, transact } from './errors';
import { highlightStore, type HighlightStore } from './highlight-store';
import { notesToZip } from './markdown';
import { factsFromPage, type ArticleFacts } from './merge';
import * as notes from './notes';
import { articlesFor, listNotes, recentNotes, trashViews, type NoteQuery, type NoteView } from './note-views';
import { openDatabase, type OpenOptions } from './open';
import { Catalog, noteSearchDoc } from './catalog';
import { STORES, type Db } from './schema';
import { snippet } from './search';
import { queryTerms } from './text';
import { getSettings, saveSettings } from './settings';

export interface StoreOptions extends OpenOptions {
  /** Clock (tests pass a fake one). */
  now?: () => number;
}

/** A crawl checkpoint written together with the pages it marks done (see indexPages). */
export interface CrawlCheckpointWrite {
  key: string;
  value: unknown;
}

export interface BrowseResult {
  /** The tag or rubrique, or null when no article has it. */
  subject: Tag | null;
  items: ArticleRecord[];
  total: number;
}

export interface IndexResult {
  /** Articles the pages mentioned. */
  indexed: number;
  added: number;
  updated: number;
  /** Articles in the index afterwards. */
  articles: number;
}

/**
 * The local store: one lazily opened connection (reopened after it closed for another context's
 * upgrade), every operation over it, and an in-memory catalog (related + search, see catalog.ts)
 * loaded from the digest on first use and patched after each write made through this object.
 */
export class Store {
  private connection: Promise<Db> | null = null;
  private catalogCache: Promise<Catalog> | null = null;
  private ratingsCache: Promise<Map<string, number | null>> | null = null;
  private readonly now: () => number;
  readonly crawl: CrawlStateStore;
  readonly highlights: HighlightStore;

  constructor(
    private readonly factory: IDBFactory,
    private readonly options: StoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.crawl = crawlStateStore(() => this.db());
    this.highlights = highlightStore(() => this.db(), this.now);
  }

  db(): Promise<Db> {
    if (!this.connection) {
      const opening = openDatabase(this.factory, {
        ...this.options,
        onVersionChange: () => {
          // Another context is upgrading or deleting the database: what we cached may no longer hold.
          this.connection = null;
          this.catalogCache = null;
          this.ratingsCache = null;
          this.options.onVersionChange?.();
        },
      });
      this.connection = opening;
      opening.catch(() => {
        if (this.connection === opening) this.connection = null;
      });
    }
    return this.connection;
  }

  async close(): Promise<void> {
    const pending = this.connection;
    this.connection = null;
    this.catalogCache = null;
    this.ratingsCache = null;
    if (pending) (await pending.catch(() => null))?.close();
  }

  // ── Articles ────────────────────────────────────────────────────────────────────────────────────

  /** Upserts everything some pages say (article pages and listing teasers) in ONE transaction. */
  async indexPages(pages: readonly PageInfo[], checkpoint?: CrawlCheckpointWrite): Promise<IndexResult> {
    return this.upsert(pages.flatMap(factsFromPage).map((facts) => ({ facts })), checkpoint, pages);
  }

  async upsertFacts(facts: readonly ArticleFacts[]): Promise<IndexResult> {
    return this.upsert(facts.map((f) => ({ facts: f })));
  }

  /** Bulk upsert of complete records (an index file, a benchmark) in ONE transaction. */
  async putRecords(records: readonly ArticleRecord[]): Promise<IndexResult> {
    return this.upsert(records.map((record) => ({ record })));
  }

  private async upsert(items: Incoming[], checkpoint?: CrawlCheckpointWrite, pages: readonly PageInfo[] = []): Promise<IndexResult> {
    const db = await this.db();
    const results = await transact(
      () => db.transaction([...ARTICLE_WRITE_STORES, ...(checkpoint ? [STORES.crawl] : [])], 'readwrite'),
      async (tx) => {
        // The site vocabulary is learnt and applied in the same transaction (store-vocabulary.ts).
        const written = await writeWithVocabulary(tx, items, { pages }, this.now());
        // lib/crawl: the checkpoint that marks these pages done lands in the same transaction as their articles.
        if (checkpoint) await tx.objectStore(STORES.crawl).put(checkpoint.value, checkpoint.key);
        return written;
      },
    );
    // The items' write first, then a repair of stored records if the vocabulary asked for one.
    await this.patchCatalog((catalog) => results.forEach((result) => result.written().forEach((row) => catalog.upsert(row))));
    const [first] = results;
    const count = (o: string) => first!.outcomes.filter((x) => x === o).length;
    return { indexed: items.length, added: count('added'), updated: count('updated'), articles: results[results.length - 1]!.docCount };
  }

  async getArticle(url: string): Promise<ArticleRecord | null> {
    return articles.getArticle(await this.db(), url);
  }
  /** Related articles, ranked in memory over the catalog (loaded on first use after the worker wakes). */
  async related(url: string, limit = 8): Promise<RelatedItem[]> {
    const [catalog, ratings] = await Promise.all([this.catalog(), this.ratings()]);
    return catalog.related(url, limit, ratings);
  }

  /** url → rating of every note: a small cache loaded once per worker life, patched by note writes. */
  private ratings(): Promise<Map<string, number | null>> {
    if (!this.ratingsCache) {
      const loading = this.db().then((db) => guarded(async () => new Map((await db.getAll(STORES.notes)).map((note) => [note.url, note.rating] as const))));
      this.ratingsCache = loading;
      loading.catch(() => {
        if (this.ratingsCache === loading) this.ratingsCache = null;
      });
    }
    return this.ratingsCache;
  }

  private async patchRating(url: string, note: Note | null): Promise<void> {
    const cache = this.ratingsCache;
    if (!cache) return;
    const ratings = await cache.catch(() => null);
    if (!ratings) return;
    if (note) ratings.set(url, note.rating);
    else ratings.delete(url);
  }
  /** One page of a tag's or rubrique's articles, newest first: listed by the catalog, read from their buckets. */
  async browse(by: 'tag' | 'category', slug: string, offset: number, limit: number): Promise<BrowseResult> {
    const page = (await this.catalog()).browse(by, slug, offset, limit);
    if (!page) return { subject: null, items: [], total: 0 };
    const records = await articlesFor(await this.db(), page.urls);
    return { subject: page.subject, items: page.urls.flatMap((url) => records.get(url) ?? []), total: page.total };
  }
  async tagStats(limit: number): Promise<TagStat[]> {
    return articles.tagStats(await this.db(), limit);
  }
  async countIndexed(urls: readonly string[]): Promise<number> {
    return articles.countIndexed(await this.db(), urls);
  }
  async indexStatus(): Promise<IndexStatus> {
    return articles.indexStatus(await this.db());
  }
  async clearIndex(): Promise<number> {
    const removed = await articles.clearIndex(await this.db());
    this.catalogCache = null;
    return removed;
  }

  // ── Notes ───────────────────────────────────────────────────────────────────────────────────────

  async getNote(url: string): Promise<Note | null> {
    return notes.getNote(await this.db(), url);
  }
  /** Patches a note; null when the patch left it empty (then it is removed). */
  async saveNote(patch: notes.NotePatch): Promise<Note | null> {
    const db = await this.db();
    const saved = await notes.saveNote(db, patch, this.now());
    await this.refreshNoteInSearch(patch.url, saved);
    return saved;
  }
  async deleteNote(url: string): Promise<boolean> {
    const trashed = await notes.trashNote(await this.db(), url, this.now());
    await this.refreshNoteInSearch(url, null);
    return trashed;
  }
  async restoreNote(url: string): Promise<Note> {
    const restored = await notes.restoreNote(await this.db(), url, this.now());
    await this.refreshNoteInSearch(url, restored);
    return restored;
  }
  async listNotes(query: NoteQuery): Promise<{ items: NoteView[]; total: number }> {
    return listNotes(await this.db(), query);
  }
  async recentNotes(limit: number): Promise<NoteView[]> {
    return recentNotes(await this.db(), limit);
  }
  async listTrash(): Promise<(TrashedNote & { title: string | null })[]> {
    const db = await this.db();
    return trashViews(db, await notes.listTrash(db, this.now()));
  }

  // ── Search ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * Ranked hits from the catalog's search index; article hits then get their excerpt snippet and the
   * reader's rating (one small read of the winners, the catalog keeps no excerpts); every hit is shown
   * and opened with https when its article's site declared it (the catalog knows).
   */
  async search(query: string, limit: number): Promise<SearchHit[]> {
    const [catalog, ratings] = await Promise.all([this.catalog(), this.ratings()]);
    const hits = catalog.search.search(query, limit).map((hit) => (catalog.get(hit.url)?.https ? { ...hit, https: true as const } : hit));
    const articleUrls = hits.filter((hit) => hit.kind === 'article').map((hit) => hit.url);
    if (articleUrls.length === 0) return hits;
    const records = await articlesFor(await this.db(), articleUrls);
    const terms = queryTerms(query);
    return hits.map((hit) => {
      if (hit.kind !== 'article') return hit;
      const record = records.get(hit.url);
      return { ...hit, snippet: snippet(record?.excerpt || hit.title, terms), rating: ratings.get(hit.url) ?? null };
    });
  }

  /** The in-memory catalog: loaded from the digest (cold, one read) or returned (warm). */
  catalog(): Promise<Catalog> {
    if (!this.catalogCache) {
      const loading = this.db().then((db) => Catalog.load(db));
      this.catalogCache = loading;
      loading.catch(() => {
        if (this.catalogCache === loading) this.catalogCache = null;
      });
    }
    return this.catalogCache;
  }

  private async patchCatalog(patch: (catalog: Catalog) => void): Promise<void> {
    const cache = this.catalogCache;
    if (!cache) return;
    const catalog = await cache.catch(() => null);
    if (!catalog || this.catalogCache !== cache) return;
    patch(catalog);
  }

  private async refreshNoteInSearch(url: string, note: Note | null): Promise<void> {
    await this.patchRating(url, note);
    await this.patchCatalog((catalog) => {
      if (note) catalog.search.upsert(noteSearchDoc(note, catalog.get(url)));
      else catalog.search.remove('note', url);
    });
  }

  // ── Settings, backup ────────────────────────────────────────────────────────────────────────────

  async getSettings(): Promise<Settings> {
    return getSettings(await this.db());
  }
  async saveSettings(patch: Partial<Settings>): Promise<Settings> {
    return saveSettings(await this.db(), patch);
  }
  async exportBackup(generator: string): Promise<BackupFile> {
    return exportBackup(await this.db(), this.now(), generator);
  }
  async exportMarkdownZip(): Promise<Uint8Array> {
    const db = await this.db();
    const [all, highlighted] = await Promise.all([notes.allNotes(db), this.highlights.all()]);
    const urls = [...new Set([...all.map((note) => note.url), ...highlighted.map((h) => h.url)])];
    return notesToZip(all, await articlesFor(db, urls), highlighted);
  }
  /** Validates the whole file; with `apply`, writes it in one transaction (all or nothing), its settings only with `applySettings`. */
  async importBackup(json: string, apply: boolean, applySettings = false): Promise<ImportReport> {
    const report = await importBackup(await this.db(), json, this.now(), apply, applySettings);
    if (apply) {
      this.catalogCache = null;
      this.ratingsCache = null;
    }
    return report;
  }
}

export function createStore(factory: IDBFactory, options: StoreOptions = {}): Store {
  return new Store(factory, options);
}
