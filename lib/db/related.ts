import { NO_CATEGORY, NO_TIME } from './schema';

/**
 * Related articles by shared tags: ONE pure ranking used by the background (postings from the
 * in-memory catalog) and by the CLI (postings built from an index file).
 *
 * Score = Σ over shared tags of a BM25-style inverse document frequency, ln(1 + (N − df + ½)/(df + ½)):
 * a tag on few articles weighs a lot, a tag on nearly every article weighs almost nothing but still
 * counts (Hugo drops tags in > 50% of documents outright; YARPP counts every shared term alike).
 * Ties: same rubrique first, then nearest publication date, then URL — fully deterministic. An article
 * with no tags (or whose tags nobody else carries) falls back to the same rubrique and nearest dates.
 */
export interface PostingList {
  slug: string;
  name: string;
  ids: ArrayLike<number>;
  mins: ArrayLike<number>;
  cats: ArrayLike<number>;
}

export interface RankTarget {
  /** The article's own id (excluded from results); null when it is not in the index. */
  id: number | null;
  /** Its rubrique index (NO_CATEGORY for none) and publication minute (NO_TIME for unknown). */
  cat: number;
  min: number;
}

export interface Ranked {
  id: number;
  score: number;
  /** Slugs of the shared tags, rarest first (then by slug). */
  sharedTags: string[];
  sameCategory: boolean;
  /** Minutes between the two publication dates; Infinity when either is unknown. */
  distance: number;
}

/** Preselected candidates: the best `limit` by (score, rubrique, distance) plus everything tied with the last. */
export interface Preselection {
  pool: Ranked[];
  limit: number;
  fallback: boolean;
}

export function tagWeight(documentFrequency: number, documentCount: number): number {
  const n = Math.max(documentCount, documentFrequency);
  return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Scores are rounded so that equal sets of shared tags compare equal whatever the summation order. */
const round = (value: number) => Math.round(value * 1e9) / 1e9;

/** Negative when a ranks before b, on everything but the URL. */
function compareKeys(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.sameCategory !== b.sameCategory) return a.sameCategory ? -1 : 1;
  if (a.distance !== b.distance) return a.distance < b.distance ? -1 : 1;
  return 0;
}

function distanceOf(targetMin: number, min: number): number {
  return targetMin === NO_TIME || min === NO_TIME ? Infinity : Math.abs(targetMin - min);
}

/** Keeps the best `limit` candidates seen so far plus ties with the worst of them (a bounded pool). */
class Pool {
  private readonly items: Ranked[] = [];
  constructor(private readonly limit: number) {}
  /** Whether a candidate with this key could still enter. */
  admits(candidate: Ranked): boolean {
    if (this.items.length < this.limit) return true;
    return compareKeys(candidate, this.items[this.limit - 1]!) <= 0;
  }
  add(candidate: Ranked): void {
    if (!this.admits(candidate)) return;
    let at = this.items.length;
    while (at > 0 && compareKeys(candidate, this.items[at - 1]!) < 0) at -= 1;
    this.items.splice(at, 0, candidate);
    if (this.items.length > this.limit) {
      const last = this.items[this.limit - 1]!;
      let keep = this.limit;
      while (keep < this.items.length && compareKeys(this.items[keep]!, last) === 0) keep += 1;
      this.items.length = keep;
    }
  }
  result(): Ranked[] {
    return this.items;
  }
}

/**
 * Scores every article sharing a tag with the target (a k-way merge over the sorted postings, no hash
 * map) and keeps the bounded pool. `tagPostings` are the target's tag postings; `fallbackPool` lists the
 * articles to consider when no tag is shared (same rubrique, or nearest dates).
 */
export function preselect(
  target: RankTarget,
  tagPostings: readonly PostingList[],
  fallbackPool: PostingList | null,
  documentCount: number,
  limit: number,
): Preselection {
  const lists = [...tagPostings].sort((a, b) => a.ids.length - b.ids.length || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const weights = lists.map((list) => tagWeight(list.ids.length, documentCount));
  const pool = new Pool(limit);
  const heads = new Array<number>(lists.length).fill(0);
  const probe: Ranked = { id: 0, score: 0, sharedTags: [], sameCategory: false, distance: 0 };
  let found = 0;
  for (;;) {
    let id = Infinity;
    for (let k = 0; k < lists.length; k += 1) {
      const head = heads[k]!;
      if (head < lists[k]!.ids.length && (lists[k]!.ids[head] as number) < id) id = lists[k]!.ids[head] as number;
    }
    if (id === Infinity) break;
    let score = 0;
    let min = NO_TIME;
    let cat = NO_CATEGORY;
    let mask = 0;
    const shared: number[] = [];
    for (let k = 0; k < lists.length; k += 1) {
      const list = lists[k]!;
      const head = heads[k]!;
      if (head < list.ids.length && list.ids[head] === id) {
        score += weights[k]!;
        min = list.mins[head] as number;
        cat = list.cats[head] as number;
        if (k < 31) mask |= 1 << k;
        else shared.push(k);
        heads[k] = head + 1;
      }
    }
    if (id === target.id) continue;
    found += 1;
    probe.score = round(score);
    probe.sameCategory = target.cat !== NO_CATEGORY && cat === target.cat;
    probe.distance = distanceOf(target.min, min);
    // Most candidates cannot enter the pool: test them on a reused probe, allocate only for entrants.
    if (!pool.admits(probe)) continue;
    const candidate: Ranked = { id, score: probe.score, sharedTags: [], sameCategory: probe.sameCategory, distance: probe.distance };
    for (let k = 0; k < Math.min(lists.length, 31); k += 1) if (mask & (1 << k)) candidate.sharedTags.push(lists[k]!.slug);
    for (const k of shared) candidate.sharedTags.push(lists[k]!.slug);
    pool.add(candidate);
  }
  if (found > 0 || !fallbackPool) return { pool: pool.result(), limit, fallback: false };
  for (let i = 0; i < fallbackPool.ids.length; i += 1) {
    const id = fallbackPool.ids[i] as number;
    if (id === target.id) continue;
    const cat = fallbackPool.cats[i] as number;
    pool.add({
      id,
      score: 0,
      sharedTags: [],
      sameCategory: target.cat !== NO_CATEGORY && cat === target.cat,
      distance: distanceOf(target.min, fallbackPool.mins[i] as number),
    });
  }
  return { pool: pool.result(), limit, fallback: true };
}

/** Orders the pool completely (URL last) and cuts it to the limit. `urlOf` must know every pool id. */
export function finalize(selection: Preselection, urlOf: (id: number) => string): Ranked[] {
  const byUrl = (a: Ranked, b: Ranked) => {
    const ua = urlOf(a.id);
    const ub = urlOf(b.id);
    return ua < ub ? -1 : ua > ub ? 1 : a.id - b.id;
  };
  return [...selection.pool].sort((a, b) => compareKeys(a, b) || byUrl(a, b)).slice(0, selection.limit);
}
