import { NO_CATEGORY, NO_TIME, categoryKey, tagKey, type PostingRecord } from './schema';

/** Minutes since the epoch of an ISO date-time, or NO_TIME. */
export function toMinutes(iso: string | null | undefined): number {
  if (!iso) return NO_TIME;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 60_000) : NO_TIME;
}

export function emptyPosting(key: string, slug: string, name: string): PostingRecord {
  return { key, slug, name, ids: new Uint32Array(0), mins: new Int32Array(0), cats: new Uint16Array(0) };
}

/** Index of `id` in the sorted ids, or -(insertion point) - 1. */
export function findId(ids: ArrayLike<number>, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = ids[mid] as number;
    if (value === id) return mid;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

export interface PostingEntry {
  id: number;
  min: number;
  cat: number;
}

/**
 * Returns the posting with these entries inserted or updated (ids stay sorted). New ids are usually the
 * largest, so the common case is an append; the typed arrays are reallocated once per batch.
 */
export function applyEntries(posting: PostingRecord, entries: readonly PostingEntry[]): PostingRecord {
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  const fresh: PostingEntry[] = [];
  let changed = false;
  const mins = posting.mins.slice();
  const cats = posting.cats.slice();
  for (const entry of sorted) {
    const at = findId(posting.ids, entry.id);
    if (at >= 0) {
      if (mins[at] !== entry.min || cats[at] !== entry.cat) {
        mins[at] = entry.min;
        cats[at] = entry.cat;
        changed = true;
      }
    } else if (fresh.length === 0 || fresh[fresh.length - 1]!.id !== entry.id) {
      fresh.push(entry);
    }
  }
  if (fresh.length === 0) return changed ? { ...posting, mins, cats } : posting;
  const size = posting.ids.length + fresh.length;
  const out = { ...posting, ids: new Uint32Array(size), mins: new Int32Array(size), cats: new Uint16Array(size) };
  let i = 0;
  let j = 0;
  for (let k = 0; k < size; k += 1) {
    const takeOld = j >= fresh.length || (i < posting.ids.length && (posting.ids[i] as number) < fresh[j]!.id);
    if (takeOld) {
      out.ids[k] = posting.ids[i] as number;
      out.mins[k] = mins[i] as number;
      out.cats[k] = cats[i] as number;
      i += 1;
    } else {
      out.ids[k] = fresh[j]!.id;
      out.mins[k] = fresh[j]!.min;
      out.cats[k] = fresh[j]!.cat;
      j += 1;
    }
  }
  return out;
}

/** What postings need to know about one article. */
export interface PostingSource {
  id: number;
  tags: readonly { slug: string; name: string }[];
  category: { slug: string; name: string } | null;
  publishedAt: string | null;
}

/** Rubrique dictionary: slug → 1-based index, growing append-only. */
export class CategoryDictionary {
  private readonly index = new Map<string, number>();
  constructor(readonly slugs: string[] = []) {
    slugs.forEach((slug, i) => this.index.set(slug, i + 1));
  }
  indexOf(slug: string | null | undefined, grow = true): number {
    if (!slug) return NO_CATEGORY;
    const known = this.index.get(slug);
    if (known !== undefined || !grow) return known ?? NO_CATEGORY;
    if (this.slugs.length >= 65_534) return NO_CATEGORY;
    this.slugs.push(slug);
    this.index.set(slug, this.slugs.length);
    return this.slugs.length;
  }
}

/** The posting keys an article belongs to, with display names. */
export function postingKeysOf(doc: PostingSource): { key: string; slug: string; name: string }[] {
  const keys = doc.tags.map((tag) => ({ key: tagKey(tag.slug), slug: tag.slug, name: tag.name }));
  if (doc.category) keys.push({ key: categoryKey(doc.category.slug), slug: doc.category.slug, name: doc.category.name });
  return keys;
}

/** Builds every postings list from scratch (bulk import, migration, the CLI reading an index file). */
export function buildPostings(docs: Iterable<PostingSource>, categories: CategoryDictionary): Map<string, PostingRecord> {
  const lists = new Map<string, { slug: string; name: string; entries: PostingEntry[] }>();
  for (const doc of docs) {
    const entry = { id: doc.id, min: toMinutes(doc.publishedAt), cat: categories.indexOf(doc.category?.slug) };
    for (const { key, slug, name } of postingKeysOf(doc)) {
      let list = lists.get(key);
      if (!list) lists.set(key, (list = { slug, name, entries: [] }));
      list.entries.push(entry);
    }
  }
  const out = new Map<string, PostingRecord>();
  for (const [key, list] of lists) out.set(key, applyEntries(emptyPosting(key, list.slug, list.name), list.entries));
  return out;
}

export { NO_TIME };
