/**
 * lib/db — the local store over IndexedDB (no browser-extension API inside: pass an IDBFactory —
 * `indexedDB` in the browser, `new IDBFactory()` from fake-indexeddb in Node).
 *
 *   const store = createStore(indexedDB);            // opens lazily, once; reopens after a versionchange
 *
 * For lib/crawl (checkpoints and bulk indexing):
 *   store.indexPages(pages: PageInfo[]): Promise<IndexResult>
 *       Upserts every article page and every listing teaser of these pages in ONE transaction
 *       (teasers never erase what an article page taught; a tag page adds its tag to each teaser's
 *       article). IndexResult = { indexed, added, updated, articles }.
 *   store.crawl.get(key, schema)          → Promise<value | null>  (stored value re-validated; invalid → null)
 *   store.crawl.put(key, schema, value)   → Promise<void>          (validated before writing)
 *   store.crawl.delete(key)               → Promise<void>
 *   store.crawl.appendLog(entries: CrawlLogEntry[]) → Promise<void> (append-only, capped at CRAWL_LOG_CAP newest)
 *   store.crawl.readLog(limit)            → Promise<CrawlLogEntry[]> (newest first)
 *   store.crawl.clearLog()                → Promise<void>
 * Every method rejects with a CodedError ('quota-exceeded' | 'aborted' | 'db-blocked' | 'internal');
 * a failed write leaves nothing half-written.
 *
 * Related and search are answered from an in-memory catalog (catalog.ts): loaded on first use after the
 * worker wakes from the `digest` store (schema v4: pre-normalised article summaries packed ~1,000 to a
 * record, written in the same transaction as the articles), then patched by every write made through
 * the store (the background is the only writer). `store.catalog()` loads it ahead of need.
 * The catalog's tag and rubrique lists also answer browse and tag statistics (schema v6 stores no
 * postings lists). Articles are stored packed in 512 hash buckets (buckets.ts): a bulk import of 20k
 * articles makes a few hundred IndexedDB requests, not ~20,000.
 *
 * Pure parts (no IndexedDB): preselect/finalize (related.ts), relatedFromRecords (the CLI's
 * entry point over an index file), buildPostings, mergeArticle/factsFromPage, SearchIndex, parseBackup.
 */
export { createStore, Store, type IndexResult, type StoreOptions } from './store';
export { CRAWL_LOG_CAP, type CrawlStateStore } from './crawl-state';
export { openDatabase, type OpenOptions } from './open';
export { DB_NAME, DB_VERSION, STORES } from './schema';
export { preselect, finalize, tagWeight, type PostingList, type Ranked, type RankTarget } from './related';
export { relatedFromRecords } from './related-records';
export { factsFromPage, factsFromArticle, factsFromTeaser, mergeArticle, type ArticleFacts } from './merge';
export { SearchIndex, type SearchDoc } from './search';
export { normalize, queryTerms } from './text';
export { parseBackup, MAX_BACKUP_CHARS, MAX_JSON_DEPTH } from './backup-file';
export { noteToMarkdown, notesToZip } from './markdown';
export type { NoteView, NoteQuery } from './note-views';
