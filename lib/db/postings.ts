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
  /** The publication minute when already known (stored articles keep it); else read from publishedAt. */
  pub?: number;
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

/**
 * Builds every postings list from scratch (bulk import into an empty index, migration, the CLI reading
 * an index file): one pass collecting ids per key, then typed arrays — no per-entry objects, as the
 * entries of a fresh index need no merging. A key's name is the first one met; an article listed twice
 * under a key (a tag repeated in a record) counts once.
 */
export function buildPostings(docs: Iterable<PostingSource>, categories: CategoryDictionary): Map<string, PostingRecord> {
  interface Collected {
    slug: string;
    name: string;
    ids: number[];
    mins: number[];
    cats: number[];
  }
  // Keyed by slug (tags and rubriques apart): the `t:`/`c:` key strings are made once per list, not per entry.
  const tags = new Map<string, Collected>();
  const rubriques = new Map<string, Collected>();
  let ascending = true;
  let lastId = -1;
  const add = (lists: Map<string, Collected>, slug: string, name: string, id: number, min: number, cat: number) => {
    let list = lists.get(slug);
    if (!list) lists.set(slug, (list = { slug, name, ids: [], mins: [], cats: [] }));
    else if (list.ids[list.ids.length - 1] === id) return;
    list.ids.push(id);
    list.mins.push(min);
    list.cats.push(cat);
  };
  for (const doc of docs) {
    if (doc.id <= lastId) ascending = false;
    lastId = doc.id;
    const min = doc.pub ?? toMinutes(doc.publishedAt);
    const cat = categories.indexOf(doc.category?.slug);
    for (const tag of doc.tags) add(tags, tag.slug, tag.name, doc.id, min, cat);
    if (doc.category) add(rubriques, doc.category.slug, doc.category.name, doc.id, min, cat);
  }
  const lists = [
    ...[...tags.values()].map((list) => [tagKey(list.slug), list] as const),
    ...[...rubriques.values()].map((list) => [categoryKey(list.slug), list] as const),
  ];
  const out = new Map<string, PostingRecord>();
  for (const [key, list] of lists) {
    const posting = {
      key,
      slug: list.slug,
      name: list.name,
      ids: Uint32Array.from(list.ids),
      mins: Int32Array.from(list.mins),
      cats: Uint16Array.from(list.cats),
    };
    // Ids come in ascending order from every caller today; anything else goes through the general merge.
    out.set(
      key,
      ascending
        ? posting
        : applyEntries(
            emptyPosting(key, list.slug, list.name),
            list.ids.map((id, i) => ({ id, min: list.mins[i]!, cat: list.cats[i]! })),
          ),
    );
  }
  return out;
}

export { NO_TIME };
