/**
 * The site vocabulary in the IndexedDB store (issue 11): one record in the `vocabulary` store holding
 * every term and the lossy classes stored records may still wait on. It is learnt and applied in the
 * transaction that writes the pages; when a term some stored record depends on becomes known (a pending
 * `tag-*` class resolves, a slug-made or older name is replaced, a phantom tag's real term appears),
 * every stored record is repaired in that same transaction — buckets, digest rows and Meta.tags through
 * the one article writer, so the catalog, related lists and tag chips follow without a re-crawl.
 * MemoryIndex (memory-index.ts) gives the same records for `sv-companion index` and `crawl`.
 */
import type { ArticleRecord, PageInfo, VocabTerm } from '../model';
import { lossyClass } from '../archive/vocabulary';
import { previewArticles, readMeta, writeArticles, type Incoming, type WriteResult, type WriteTx } from './article-writer';
import { allStoredArticles } from './buckets';
import { STORES, VOCABULARY_KEY, type TagTally, type Tx, type VocabularyRecord } from './schema';
import { noteRecordTerms, repairRecord, SiteVocabulary, vocabularyFromRecords, type VocabChange } from './vocabulary';

export interface StoredVocabulary {
  vocabulary: SiteVocabulary;
  pending: Set<string>;
}

export async function readVocabulary(tx: Tx): Promise<StoredVocabulary> {
  const stored = await tx.objectStore(STORES.vocabulary).get(VOCABULARY_KEY);
  const vocabulary = new SiteVocabulary(stored?.terms ?? []);
  vocabulary.drainChanges();
  return { vocabulary, pending: new Set(stored?.pending ?? []) };
}

async function saveVocabulary(tx: WriteTx, vocabulary: SiteVocabulary, pending: Iterable<string>): Promise<void> {
  const record: VocabularyRecord = { terms: vocabulary.all(), pending: [...new Set(pending)].sort() };
  await tx.objectStore(STORES.vocabulary).put(record, VOCABULARY_KEY);
}

/** The terms the store holds, for the backup file. */
export async function storedTerms(tx: Tx): Promise<VocabTerm[]> {
  return (await tx.objectStore(STORES.vocabulary).get(VOCABULARY_KEY))?.terms ?? [];
}

/** What a repair of every stored record changed. */
export interface RepairCounts {
  /** Records rewritten. */
  records: number;
  /** Tags removed or replaced because they were only the lossy class form of a known term. */
  phantoms: number;
  /** Tag and rubrique names replaced by the vocabulary's. */
  renamed: number;
  /** Pending classes resolved into tags. */
  resolved: number;
}

/**
 * True when a change may alter a record stored before this transaction: a renamed term; a new tag
 * whose class form a stored record waits on (`pending`) or carries as a phantom tag (`tags`: Meta's
 * tally of every stored tag); a new rubrique whose class form differs from its slug (rubriques are few
 * and have no tally to check against).
 */
function affectsStored(changes: readonly VocabChange[], pending: ReadonlySet<string>, tags: ReadonlyMap<string, TagTally>): boolean {
  return changes.some(({ term, renamed }) => {
    if (renamed) return true;
    const lossy = lossyClass(term.slug);
    if (term.kind === 'tag') return pending.has(lossy) || (lossy !== term.slug && tags.has(lossy));
    return lossy !== term.slug;
  });
}

/** Repairs every stored record with the vocabulary, rewriting the changed ones; returns the counts and what is still pending. */
async function repairAll(
  tx: WriteTx,
  vocabulary: SiteVocabulary,
  now: number,
): Promise<{ counts: RepairCounts; pending: Set<string>; result: WriteResult | null }> {
  const counts: RepairCounts = { records: 0, phantoms: 0, renamed: 0, resolved: 0 };
  const pending = new Set<string>();
  const replace: Incoming[] = [];
  for (const { id: _id, pub: _pub, ...record } of await allStoredArticles(tx.objectStore(STORES.articleBuckets))) {
    const repair = repairRecord(record, vocabulary);
    for (const lossy of repair.record.pending ?? []) pending.add(lossy);
    if (repair.record === record) continue;
    counts.records++;
    counts.phantoms += repair.phantoms;
    counts.renamed += repair.renamed;
    counts.resolved += repair.resolved;
    replace.push({ replace: { ...repair.record, updatedAt: Math.max(now, record.updatedAt) } });
  }
  const result = replace.length ? await writeArticles(tx, replace, now) : null;
  return { counts, pending, result };
}

/** What a write teaches besides its items' own terms: the pages' vocabulary facts, a file's terms. */
export interface Teaching {
  pages?: readonly PageInfo[];
  terms?: readonly VocabTerm[];
}

/** The stored vocabulary with everything this write teaches learnt, and what changed. */
async function learnAll(tx: Tx, items: readonly Incoming[], teaching: Teaching): Promise<StoredVocabulary & { changes: VocabChange[] }> {
  const { vocabulary, pending } = await readVocabulary(tx);
  for (const term of teaching.terms ?? []) vocabulary.learn(term);
  for (const page of teaching.pages ?? []) vocabulary.learnPage(page);
  const records = items.flatMap((item): ArticleRecord[] => ('record' in item ? [item.record] : []));
  if (records.length) vocabularyFromRecords(records, vocabulary);
  for (const item of items) if ('facts' in item) noteRecordTerms(vocabulary, item.facts);
  return { vocabulary, pending, changes: vocabulary.drainChanges() };
}

/**
 * Writes articles with the vocabulary, in the caller's transaction: learns what the pages (or a file)
 * teach and what the items' own terms say, writes the items repaired with it, and repairs every stored
 * record when a term one of them depends on was just learnt. Returns the write results (the repair's last).
 */
export async function writeWithVocabulary(tx: WriteTx, items: readonly Incoming[], teaching: Teaching, now: number): Promise<WriteResult[]> {
  const { vocabulary, pending, changes } = await learnAll(tx, items, teaching);
  const { tags, docCount } = await readMeta(tx);
  // An empty store has nothing to repair: every item is written with the whole vocabulary already.
  const repairStored = docCount > 0 && affectsStored(changes, pending, tags);
  const results = [await writeArticles(tx, items, now, vocabulary)];
  if (repairStored) {
    const repair = await repairAll(tx, vocabulary, now);
    if (repair.result) results.push(repair.result);
    await saveVocabulary(tx, vocabulary, repair.pending);
    return results;
  }
  const waiting = items.flatMap((item) => ('facts' in item ? (item.facts.pending ?? []) : 'record' in item ? (item.record.pending ?? []) : []));
  const unresolved = waiting.map(lossyClass).filter((lossy) => !pending.has(lossy) && !vocabulary.resolveClass('tag', lossy));
  if (changes.length || unresolved.length) await saveVocabulary(tx, vocabulary, [...pending, ...unresolved]);
  return results;
}

/** What writeWithVocabulary would do to the articles, without writing (an import's preview). */
export async function previewWithVocabulary(tx: Tx, items: readonly Incoming[], teaching: Teaching, now: number): Promise<WriteResult> {
  const { vocabulary } = await learnAll(tx, items, teaching);
  return previewArticles(tx, items, now, vocabulary);
}

/**
 * A store from before the vocabulary (the schema step that adds it): the vocabulary its records teach,
 * then every record repaired with it.
 */
export async function repairStoreFromRecords(tx: WriteTx, now: number): Promise<RepairCounts> {
  const { vocabulary } = await readVocabulary(tx);
  const records = await allStoredArticles(tx.objectStore(STORES.articleBuckets));
  vocabularyFromRecords(records, vocabulary);
  const repair = await repairAll(tx, vocabulary, now);
  await saveVocabulary(tx, vocabulary, repair.pending);
  return repair.counts;
}
