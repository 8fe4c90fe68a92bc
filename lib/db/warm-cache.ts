import type { Note, RelatedItem, SearchHit } from '../model';
import { Catalog, noteSearchDoc } from './catalog';
import { guarded } from './errors';
import { Lazy } from './lazy';
import { articlesFor } from './note-views';
import { STORES, type Db } from './schema';
import { snippet } from './search';
import { queryTerms } from './text';

/**
 * What the store keeps in memory between calls, loaded on first use after the worker wakes: the catalog
 * (related and search, see catalog.ts; one read of the digest) and every note's rating (one read of the
 * notes). Writes made through the store patch both; another context's upgrade or an import drops them.
 */
export class WarmCache {
  private readonly catalogCache: Lazy<Catalog>;
  private readonly ratingsCache: Lazy<Map<string, number | null>>;

  constructor(private readonly db: () => Promise<Db>) {
    this.catalogCache = new Lazy(async () => Catalog.load(await db()));
    this.ratingsCache = new Lazy(async () => {
      const connection = await db();
      return guarded(async () => new Map((await connection.getAll(STORES.notes)).map((note) => [note.url, note.rating] as const)));
    });
  }

  catalog(): Promise<Catalog> {
    return this.catalogCache.get();
  }

  patchCatalog(patch: (catalog: Catalog) => void): Promise<void> {
    return this.catalogCache.patch(patch);
  }

  /** A note was saved (or removed, `null`): its rating and its search entry follow. */
  async noteChanged(url: string, note: Note | null): Promise<void> {
    await this.ratingsCache.patch((ratings) => {
      if (note) ratings.set(url, note.rating);
      else ratings.delete(url);
    });
    await this.catalogCache.patch((catalog) => {
      if (note) catalog.search.upsert(noteSearchDoc(note, catalog.get(url)));
      else catalog.search.remove('note', url);
    });
  }

  drop(): void {
    this.catalogCache.drop();
    this.ratingsCache.drop();
  }

  async related(url: string, limit: number): Promise<RelatedItem[]> {
    const [catalog, ratings] = await Promise.all([this.catalog(), this.ratingsCache.get()]);
    return catalog.related(url, limit, ratings);
  }

  /**
   * Ranked hits from the catalog's search index; article hits then get their excerpt snippet and the
   * reader's rating (one small read of the winners, the catalog keeps no excerpts); every hit is shown
   * and opened with https when its article's site declared it (the catalog knows).
   */
  async search(query: string, limit: number): Promise<SearchHit[]> {
    const [catalog, ratings] = await Promise.all([this.catalog(), this.ratingsCache.get()]);
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
}
