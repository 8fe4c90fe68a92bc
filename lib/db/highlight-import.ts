/**
 * How a backup's highlights merge into the store (part of importBackup's one transaction). A highlight
 * keeps its id through export and import, so the same highlight met twice is one: the newer version
 * wins (its last edit or deletion), an older one never replaces what the reader did since. Trashed
 * highlights past 30 days are not brought back; an article never gets more than its limit of live
 * highlights; an id already used for another article is refused rather than moved.
 */
import { HIGHLIGHT_LIMITS, TRASH_RETENTION_MS, type HighlightRecord, type ImportCounts } from '../model';
import type { Outcome } from './article-writer';
import type { StoredHighlight } from './highlights';
import { STORES, type Tx } from './schema';

export type Reject = (counts: ImportCounts, reason: string) => void;

const stamp = (record: StoredHighlight) => Math.max(record.updatedAt, record.deletedAt ?? 0);
const isLive = (record: StoredHighlight) => record.deletedAt === undefined;

/** The writes an import of `incoming` makes, with the counts of what it adds, updates, keeps and refuses. */
export async function planHighlightImport(
  tx: Tx,
  incoming: readonly HighlightRecord[],
  now: number,
  counts: ImportCounts,
  reject: Reject,
): Promise<StoredHighlight[]> {
  const store = tx.objectStore(STORES.highlights);
  const seen = new Set<string>();
  const liveCount = new Map<string, number>();
  const countOf = async (url: string) => liveCount.get(url) ?? (await store.index('url').getAll(url)).filter(isLive).length;
  const writes: StoredHighlight[] = [];
  for (const record of incoming) {
    if (seen.has(record.id)) {
      reject(counts, 'duplicate highlight id in the file');
      continue;
    }
    seen.add(record.id);
    if (record.deletedAt !== undefined && record.deletedAt + TRASH_RETENTION_MS < now) {
      reject(counts, 'trashed highlight older than 30 days');
      continue;
    }
    const current = await store.get(record.id);
    if (current && current.url !== record.url) {
      reject(counts, 'highlight id already used for another article');
      continue;
    }
    const outcome: Outcome = !current ? 'added' : stamp(record) > stamp(current) ? 'updated' : 'kept';
    if (outcome === 'kept') {
      counts.kept += 1;
      continue;
    }
    const live = await countOf(record.url);
    const delta = (isLive(record) ? 1 : 0) - (current && isLive(current) ? 1 : 0);
    if (delta > 0 && live >= HIGHLIGHT_LIMITS.perArticle) {
      reject(counts, `an article would hold more than ${HIGHLIGHT_LIMITS.perArticle} highlights`);
      continue;
    }
    liveCount.set(record.url, live + delta);
    counts[outcome] += 1;
    writes.push(record);
  }
  return writes;
}
