import { packBuckets } from './buckets';
import { isTagKey, packPostings } from './posting-buckets';
import { packDigest } from './digest';
import { allRequests } from './errors';
import type { WriteTx } from './article-writer';
import { repairStoreFromRecords } from './store-vocabulary';
import { buildPostings, CategoryDictionary, toMinutes } from './postings';
import type { ArticleRecord } from '../model';
import { META_KEY, STORES, type Meta, type MetaV5, type StoredArticle, type TagTally, type UpgradeDb, type UpgradeTx } from './schema';

/**
 * Schema steps, each run inside the upgrade (versionchange) transaction: if one fails, the whole upgrade
 * aborts and the database stays at its previous version with its data intact. Never edit a shipped step;
 * add the next one.
 */
type Step = (db: UpgradeDb, tx: UpgradeTx) => Promise<void> | void;

const v1: Step = (db) => {
  const articles = db.createObjectStore(STORES.articles, { keyPath: 'url' });
  articles.createIndex('tags', 'tagSlugs', { multiEntry: true });
  articles.createIndex('rubrique', 'category.slug');
  articles.createIndex('published', 'publishedAt');
  db.createObjectStore(STORES.notes, { keyPath: 'url' });
  db.createObjectStore(STORES.settings);
};

const v2: Step = (db) => {
  const trash = db.createObjectStore(STORES.trash, { keyPath: 'url' });
  trash.createIndex('deletedAt', 'deletedAt');
  db.createObjectStore(STORES.crawl);
  db.createObjectStore(STORES.crawlLog, { autoIncrement: true });
};

/** v3: give every article a compact id, build the postings, drop the slow indexes. */
const v3: Step = async (db, tx) => {
  db.createObjectStore(STORES.postings, { keyPath: 'key' });
  db.createObjectStore(STORES.meta);
  const articles = tx.objectStore(STORES.articles);
  articles.deleteIndex('tags');
  articles.deleteIndex('rubrique');
  articles.deleteIndex('published');
  articles.createIndex('id', 'id', { unique: true });
  articles.createIndex('published', 'pub');
  const docs: StoredArticle[] = [];
  let cursor = await articles.openCursor();
  while (cursor) {
    // What v1–v2 stored: the public record plus the tag slugs of the multiEntry index (no id yet).
    const v1Record: ArticleRecord & { tagSlugs?: string[] } = cursor.value;
    const { tagSlugs: _dropped, ...record } = v1Record;
    const stored: StoredArticle = { ...record, id: docs.length + 1 };
    const pub = toMinutes(stored.publishedAt);
    if (stored.publishedAt && Number.isFinite(Date.parse(stored.publishedAt))) stored.pub = pub;
    docs.push(stored);
    await cursor.update(stored);
    cursor = await cursor.continue();
  }
  const categories = new CategoryDictionary();
  const postings = buildPostings(docs, categories);
  const store = tx.objectStore(STORES.postings);
  await allRequests(postings.values(), (posting) => store.put(posting));
  const latest = docs.reduce<number | null>((max, doc) => (max === null || doc.updatedAt > max ? doc.updatedAt : max), null);
  const meta: MetaV5 = { nextId: docs.length + 1, docCount: docs.length, categories: categories.slugs, lastUpdatedAt: latest };
  await tx.objectStore(STORES.meta).put(meta, META_KEY);
};

/**
 * v4: the packed digest of every article (search, related and browse's id → URL map load it in one
 * read); no `published` nor `id` index (every article put paid for them; the catalog replaces both).
 */
const v4: Step = async (db, tx) => {
  db.createObjectStore(STORES.digest, { keyPath: 'chunk' });
  const articles = tx.objectStore(STORES.articles);
  articles.deleteIndex('published');
  articles.deleteIndex('id');
  const digest = tx.objectStore(STORES.digest);
  await allRequests(packDigest(await articles.getAll()), (chunk) => digest.put(chunk));
};

/**
 * v5: the articles move, unchanged (ids and all), into 512 bucket records keyed by a hash of their URL
 * (buckets.ts), and the postings lists, unchanged, into 256 buckets keyed by a hash of the list key
 * (posting-buckets.ts); meta learns the tag count. The digest stays as it is.
 */
const v5: Step = async (db, tx) => {
  db.createObjectStore(STORES.articleBuckets, { keyPath: 'bucket' });
  const articles = await tx.objectStore(STORES.articles).getAll();
  const articleBuckets = tx.objectStore(STORES.articleBuckets);
  await allRequests(packBuckets(articles).values(), (bucket) => articleBuckets.put(bucket));
  db.deleteObjectStore(STORES.articles);

  db.createObjectStore(STORES.postingBuckets, { keyPath: 'bucket' });
  const postings = await tx.objectStore(STORES.postings).getAll();
  const postingBuckets = tx.objectStore(STORES.postingBuckets);
  await allRequests(packPostings(postings), (bucket) => postingBuckets.put(bucket));
  db.deleteObjectStore(STORES.postings);

  const meta = await tx.objectStore(STORES.meta).get(META_KEY);
  if (meta) await tx.objectStore(STORES.meta).put({ ...meta, tagCount: postings.filter((posting) => isTagKey(posting.key)).length }, META_KEY);
};

/**
 * v6: the posting buckets go (the catalog's in-memory lists, loaded from the digest, answer browse).
 * Meta trades the rubrique dictionary and tag count for every tag's name and article count, taken from
 * the tag postings (what v5's tag statistics listed). Articles, digest, notes, trash, settings and crawl
 * state are not touched.
 */
const v6: Step = async (db, tx) => {
  const tags = new Map<string, TagTally>();
  for (const bucket of await tx.objectStore(STORES.postingBuckets).getAll()) {
    for (const posting of bucket.postings) if (isTagKey(posting.key)) tags.set(posting.slug, { name: posting.name, count: posting.ids.length });
  }
  db.deleteObjectStore(STORES.postingBuckets);
  const meta = await tx.objectStore(STORES.meta).get(META_KEY);
  if (!meta) return;
  const next: Meta = { nextId: meta.nextId, docCount: meta.docCount, lastUpdatedAt: meta.lastUpdatedAt, tags };
  await tx.objectStore(STORES.meta).put(next, META_KEY);
};

/** v7: the reader's highlights, keyed by id, found by the article's canonical URL. */
const v7: Step = (db) => {
  const highlights = db.createObjectStore(STORES.highlights, { keyPath: 'id' });
  highlights.createIndex('url', 'url');
};

/**
 * The site vocabulary (issue 11): its store, learnt from what the stored records already say (an article
 * page's own tags and rubrique came from its links, so their names are real), then every record repaired
 * with it — a tag that is only WordPress's lossy class form of a known tag (`scurit` for
 * s%c3%a9curit%c3%a9) becomes that tag or goes, names made from slugs are replaced — buckets, digest and
 * Meta.tags alike. Notes, trash, settings and crawl state are not touched.
 */
const vocabularyStep: Step = async (db, tx) => {
  db.createObjectStore(STORES.vocabulary);
  // The versionchange transaction covers every store and may write them all: the article writer runs in
  // it as in a read-write one (its stores exist by now; their types are the current schema's).
  await repairStoreFromRecords(tx as unknown as WriteTx, Date.now());
};

/** steps[k] upgrades from version k to k + 1. */
export const STEPS: readonly Step[] = [v1, v2, v3, v4, v5, v6, v7, vocabularyStep];

export async function runMigrations(db: UpgradeDb, tx: UpgradeTx, oldVersion: number, newVersion: number): Promise<void> {
  for (let version = oldVersion; version < newVersion; version += 1) await STEPS[version]!(db, tx);
}
