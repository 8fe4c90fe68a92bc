import type {
  ArticleRecord,
  BackupFile,
  ImportReport,
  IndexStatus,
  Note,
  PageInfo,
  RelatedItem,
  SearchHit,
  Settings,
  Tag,
  TagStat,
  TrashedNote,
} from '../model';
import { ARTICLE_WRITE_STORES, type Incoming } from './article-writer';
import { writeWithVocabulary } from './store-vocabulary';
import * as articles from './articles';
import { exportBackup, importBackup } from './backup';
import { crawlStateStore, type CrawlStateStore } from './crawl-state';
import { transact } from './errors';
import { highlightStore, type HighlightStore } from './highlight-store';
import { Lazy } from './lazy';
import { notesToZip } from './markdown';
import { factsFromPage, type ArticleFacts } from './merge';
import * as notes from './notes';
import { articlesFor, listNotes, recentNotes, trashViews, type NoteQuery, type NoteView } from './note-views';
import { openDatabase, type OpenOptions } from './open';
import type { Catalog } from './catalog';
import { STORES, type Db } from './schema';
import { getSettings, saveSettings } from './settings';
import { WarmCache } from './warm-cache';

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
 * upgrade), every operation over it, and what it keeps warm in memory between calls (warm-cache.ts: the
 * catalog for related and search, the ratings), patched after each write made through this object.
 */
export class Store {
  private readonly connection = new Lazy(() =>
    openDatabase(this.factory, {
      ...this.options,
      onVersionChange: () => {
        // Another context is upgrading or deleting the database: what we hold may no longer hold.
        this.connection.drop();
        this.warm.drop();
        this.options.onVersionChange?.();
      },
    }),
  );
  private readonly warm = new WarmCache(() => this.db());
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
    return this.connection.get();
  }

  async close(): Promise<void> {
    const pending = this.connection.drop();
    this.warm.drop();
    if (pending) (await pending.catch(() => null))?.close();
  }

  // ── Articles ────────────────────────────────────────────────────────────────────────────────────

  /** Upserts everything some pages say (article pages and listing teasers) in ONE transaction. */
  async indexPages(pages: readonly PageInfo[], checkpoint?: CrawlCheckpointWrite): Promise<IndexResult> {
    return this.upsert(
      pages.flatMap(factsFromPage).map((facts) => ({ facts })),
      checkpoint,
      pages,
    );
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
    return this.warm.related(url, limit);
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
    this.warm.drop();
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

  /** Ranked hits over the catalog's search index, article hits with their snippet and rating, https where declared (warm-cache.ts). */
  async search(query: string, limit: number): Promise<SearchHit[]> {
    return this.warm.search(query, limit);
  }

  /** The in-memory catalog: loaded from the digest (cold, one read) or returned (warm). */
  catalog(): Promise<Catalog> {
    return this.warm.catalog();
  }

  private patchCatalog(patch: (catalog: Catalog) => void): Promise<void> {
    return this.warm.patchCatalog(patch);
  }

  private refreshNoteInSearch(url: string, note: Note | null): Promise<void> {
    return this.warm.noteChanged(url, note);
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
    if (apply) this.warm.drop();
    return report;
  }
}

export function createStore(factory: IDBFactory, options: StoreOptions = {}): Store {
  return new Store(factory, options);
}
