import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { ArticleRecord, CrawlLogEntry, Note, Settings, TrashedNote, VocabTerm } from '../model';
import type { ArticleBucket } from './buckets';
import type { DigestChunk } from './digest';
import type { StoredHighlight } from './highlights';
import type { PostingBucket } from './posting-buckets';

/**
 * The one IndexedDB database of the extension. Every schema step is kept (never edited once shipped)
 * and replayed in order, so a database created by any earlier version upgrades step by step.
 *
 * v1  articles (url; indexes: tags multiEntry on tagSlugs, rubrique on category.slug, published on
 *     publishedAt), notes (url), settings (out-of-line key).
 * v2  trash (url; index deletedAt), crawl (out-of-line key: JSON checkpoints), crawlLog (autoIncrement).
 * v3  integer document ids + a postings store keyed by tag/rubrique, replacing the multiEntry tag index
 *     (≈30× slower to query in Chromium, see shared/PERFORMANCE-ANCHORS.md) and the rubrique index;
 *     `published` re-keyed on a numeric minute stamp (ISO strings with offsets do not sort by time);
 *     a `meta` store with the id counter, rubrique dictionary and counts.
 * v4  a `digest` store (see digest.ts): pre-normalised summaries of the articles packed in chunk
 *     records, read in one go when the worker wakes to rebuild the in-memory related/search catalog;
 *     the `published` and `id` indexes are dropped (the catalog maps ids to URLs; every put paid for them).
 * v5  `articleBuckets` (buckets.ts) replaces `articles`: the same records packed in 512 buckets keyed by
 *     a hash of the URL; `postingBuckets` (posting-buckets.ts) replaces `postings`: the same lists packed
 *     in 256 buckets keyed by a hash of the list key; `Meta.tagCount`. In Chromium each IndexedDB request
 *     costs ~0.1 ms whatever its size, and one record per article and per tag made a 20k import cost
 *     more than 2 s in requests alone.
 * v6  `postingBuckets` is dropped: the in-memory catalog, loaded from the digest, lists every tag's and
 *     rubrique's articles and answers browse and tag statistics too (it already answered related and
 *     search), so an article write no longer reads and rewrites posting lists. Meta keeps every tag's
 *     name and article count (`Meta.tags`: tag statistics and the index status in one small read, with
 *     no catalog to load) and loses the rubrique dictionary the postings needed.
 * v7  `highlights` (highlights.ts): the reader's highlights, key id, index `url` (the article's
 *     canonical URL); trashed ones stay with `deletedAt` until purged.
 * v8  a `vocabulary` store (issue 11): the site vocabulary — every tag and rubrique slug ↔ display name
 *     with its evidence, and the lossy post_class classes stored records still wait on — learnt and
 *     applied in the transaction that writes pages (store-vocabulary.ts); every stored record is repaired
 *     with the vocabulary its own records teach (phantom `scurit` tags, names made from slugs).
 */
export const DB_NAME = 'securityvibes-companion';
export const DB_VERSION = 8;

export const STORES = {
  /** v1–v4 only (one record per article, key: canonical URL); v5 moves them into `articleBuckets`. */
  articles: 'articles',
  articleBuckets: 'articleBuckets',
  notes: 'notes',
  settings: 'settings',
  trash: 'trash',
  crawl: 'crawl',
  crawlLog: 'crawlLog',
  /** v3–v4 only (one record per list); v5 moves them into `postingBuckets`. */
  postings: 'postings',
  /** v5 only; v6 drops them (the catalog's lists replace them). */
  postingBuckets: 'postingBuckets',
  meta: 'meta',
  digest: 'digest',
  highlights: 'highlights',
  /** v8 on: one record (VOCABULARY_KEY), the site vocabulary (store-vocabulary.ts). */
  vocabulary: 'vocabulary',
} as const;

/** Timestamps in postings lists: minutes since the epoch (Int32 lasts until year 6053); NO_TIME = unknown. */
export const NO_TIME = -2147483648;
/** Rubrique index 0 means "no rubrique"; real ones are 1-based positions in a CategoryDictionary. */
export const NO_CATEGORY = 0;

/** An article as stored: the public record plus its compact id and numeric publication minute (v3 on; unread since v6). */
export type StoredArticle = ArticleRecord & { id: number; pub?: number };

/**
 * A postings list: every article carrying one tag (key `t:<slug>`) or rubrique (key `c:<slug>`), sorted
 * by id, with each article's publication minute and rubrique alongside so ranking needs no other read.
 * Typed arrays clone as raw bytes, far faster than arrays of numbers. Stored in v3–v5; since v6 only
 * built in memory (the CLI's related over an index file) and read by the frozen migration steps.
 */
export interface PostingRecord {
  key: string;
  slug: string;
  name: string;
  ids: Uint32Array;
  mins: Int32Array;
  cats: Uint16Array;
}

export interface Meta {
  nextId: number;
  docCount: number;
  lastUpdatedAt: number | null;
  /** Every tag some article carries, by slug: its name (the first one met) and how many articles carry it. */
  tags: Map<string, TagTally>;
}

export interface TagTally {
  name: string;
  count: number;
}

/** The meta record of v3–v5. */
export interface MetaV5 {
  nextId: number;
  docCount: number;
  /** Rubrique slugs; position + 1 was the rubrique's index in the stored postings (append-only). */
  categories: string[];
  lastUpdatedAt: number | null;
  /** Tags with at least one article (set by the v5 step). */
  tagCount?: number;
}
export const META_KEY = 'meta';
export const SETTINGS_KEY = 'settings';
export const VOCABULARY_KEY = 'vocabulary';

/** The site vocabulary as stored (v8 on). */
export interface VocabularyRecord {
  terms: VocabTerm[];
  /** Lossy tag classes (`scurit`) some stored record may still keep as pending evidence (a superset). */
  pending: string[];
}

export const tagKey = (slug: string) => `t:${slug}`;
export const categoryKey = (slug: string) => `c:${slug}`;

/** The stores every version from v5 on has, with their keys, values and indexes. */
interface LastingStores {
  articleBuckets: { key: number; value: ArticleBucket };
  notes: { key: string; value: Note };
  /** One record, key SETTINGS_KEY; read back through the Settings schema (an older shape falls back to defaults). */
  settings: { key: string; value: Settings };
  trash: { key: string; value: TrashedNote; indexes: { deletedAt: number } };
  /** lib/crawl's checkpoints: any JSON value, validated by the caller's schema on the way in and out. */
  crawl: { key: string; value: unknown };
  crawlLog: { key: number; value: CrawlLogEntry };
  digest: { key: number; value: DigestChunk };
  highlights: { key: string; value: StoredHighlight; indexes: { url: string } };
}

/** The stores of the current version (idb checks every call against it). */
export interface CompanionSchema extends DBSchema, LastingStores {
  /** One record, key META_KEY. */
  meta: { key: string; value: Meta };
  /** One record, key VOCABULARY_KEY. */
  vocabulary: { key: string; value: VocabularyRecord };
}

/**
 * Every store any version had: what the migration steps see. `articles` held ArticleRecord plus
 * `tagSlugs` in v1–v2 (the v3 step reads them through that narrower view) and StoredArticle from v3 on.
 */
export interface UpgradeSchema extends DBSchema, LastingStores {
  meta: { key: string; value: Meta | MetaV5 };
  articles: { key: string; value: StoredArticle; indexes: { tags: string; rubrique: string; published: string | number; id: number } };
  postings: { key: string; value: PostingRecord };
  postingBuckets: { key: number; value: PostingBucket };
  vocabulary: { key: string; value: VocabularyRecord };
}

export type Db = IDBPDatabase<CompanionSchema>;
export type DbStore = StoreNames<CompanionSchema>;
/** A transaction over some stores of the current schema (helpers that take one open only stores it includes). */
export type Tx<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<CompanionSchema, ArrayLike<DbStore>, Mode>;
/** One store of the current schema, in a transaction of any store list. */
export type Store<Name extends DbStore, Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPObjectStore<
  CompanionSchema,
  ArrayLike<DbStore>,
  Name,
  Mode
>;
export type UpgradeDb = IDBPDatabase<UpgradeSchema>;
export type UpgradeTx = IDBPTransaction<UpgradeSchema, StoreNames<UpgradeSchema>[], 'versionchange'>;
