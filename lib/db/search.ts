import type { SearchHit } from '../model';
import { findId } from './postings';
import { indexTokens, normalize, queryTerms } from './text';

/** A searchable document: an indexed article (title + excerpt) or one of the reader's notes. */
export interface SearchDoc {
  kind: 'note' | 'article';
  url: string;
  title: string;
  /** Body text: the excerpt, or the note's text. */
  body: string;
  rating: number | null;
  publishedAt: string | null;
}

interface Entry {
  doc: SearchDoc;
  normTitle: string;
  /** Publication time for ordering ties (0 when unknown). */
  time: number;
  /** Its tokens joined by spaces (or where to read them back), to take it out of their postings when it is replaced or removed. */
  tokens: string | (() => string);
}

/** Documents prepared beforehand (the digest keeps them) with their tokens already inverted. */
export interface PreparedBlock {
  docs: { doc: SearchDoc; normTitle: string; time: number; tokens: string | (() => string) }[];
  /** Token k is in docs[positions[offsets[k]]], … docs[positions[offsets[k + 1] - 1]] (ascending). */
  tokens: readonly string[];
  offsets: ArrayLike<number>;
  positions: ArrayLike<number>;
}

interface Ranked {
  entry: Entry;
  score: number;
}

/** Best first: score, newest, notes before articles, URL. */
function compareHits(a: Ranked, b: Ranked): number {
  return b.score - a.score || b.entry.time - a.entry.time || compareText(a.entry.doc.kind, b.entry.doc.kind) || compareText(a.entry.doc.url, b.entry.doc.url);
}

const MAX_PREFIX_EXPANSION = 300;

/**
 * An in-memory inverted index (token → document numbers) with prefix matching through a sorted token
 * list. It is a cache: the background rebuilds it from IndexedDB when the worker wakes and patches it
 * after each write; nothing lives only here. Updates append a new entry and take the old one out of
 * its postings, so document frequencies (and so scores) after any sequence of updates are exactly those
 * of an index built afresh from the same documents.
 */
export class SearchIndex {
  private readonly entries: (Entry | null)[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private sorted: string[] | null = null;

  get size(): number {
    return this.byKey.size;
  }

  upsert(doc: SearchDoc): void {
    this.upsertPrepared(doc, normalize(doc.title), Date.parse(doc.publishedAt ?? '') || 0, indexTokens(`${doc.title} ${doc.body}`).join(' '));
  }

  /** Adds a document whose normalised title, time and tokens (joined by spaces) were computed beforehand. */
  upsertPrepared(doc: SearchDoc, normTitle: string, time: number, tokens: string): void {
    this.remove(doc.kind, doc.url);
    const at = this.entries.length;
    this.entries.push({ doc, normTitle, time, tokens });
    this.byKey.set(`${doc.kind}:${doc.url}`, at);
    for (const token of tokens ? tokens.split(' ') : []) {
      let list = this.postings.get(token);
      if (!list) {
        this.postings.set(token, (list = []));
        this.sorted = null;
      }
      list.push(at);
    }
  }

  /** Appends a block of prepared documents: one list append per distinct token, not per document. */
  loadBlock(block: PreparedBlock): void {
    const base = this.entries.length;
    for (const { doc, normTitle, time, tokens } of block.docs) {
      const key = `${doc.kind}:${doc.url}`;
      if (this.byKey.has(key)) this.remove(doc.kind, doc.url);
      this.byKey.set(key, this.entries.length);
      this.entries.push({ doc, normTitle, time, tokens });
    }
    block.tokens.forEach((token, k) => {
      let list = this.postings.get(token);
      if (!list) {
        this.postings.set(token, (list = []));
        this.sorted = null;
      }
      for (let i = block.offsets[k]!; i < block.offsets[k + 1]!; i += 1) list.push(base + block.positions[i]!);
    });
  }

  remove(kind: SearchDoc['kind'], url: string): void {
    const key = `${kind}:${url}`;
    const at = this.byKey.get(key);
    if (at === undefined) return;
    const stored = this.entries[at]!.tokens;
    const tokens = typeof stored === 'string' ? stored : stored();
    for (const token of tokens ? tokens.split(' ') : []) {
      const list = this.postings.get(token);
      if (!list) continue;
      const found = findId(list, at);
      if (found >= 0) list.splice(found, 1);
      if (list.length === 0) {
        this.postings.delete(token);
        this.sorted = null;
      }
    }
    this.entries[at] = null;
    this.byKey.delete(key);
  }

  private tokensFor(term: string): string[] {
    if (!this.sorted) this.sorted = [...this.postings.keys()].sort();
    const tokens = this.sorted;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < tokens.length && tokens[i]!.startsWith(term) && out.length < MAX_PREFIX_EXPANSION; i += 1) out.push(tokens[i]!);
    return out;
  }

  /**
   * Ranked hits: every term must match (as a word or a word prefix) unless no document matches them all,
   * then documents matching most terms. Score per term: rarity (IDF) × 3 in the title × 0.8 for a prefix
   * match; notes get a small boost. Ties: newest first, then URL.
   */
  search(query: string, limit: number): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const total = Math.max(1, this.byKey.size);
    const scores = new Map<number, { score: number; matched: number }>();
    for (const term of terms) {
      const perDoc = new Map<number, number>();
      for (const token of this.tokensFor(term)) {
        const list = this.postings.get(token)!;
        const idf = Math.log(1 + total / list.length);
        const exactness = token === term ? 1 : 0.8;
        for (const at of list) {
          const entry = this.entries[at]!;
          const weight = idf * exactness * (entry.normTitle.includes(term) ? 3 : 1);
          if ((perDoc.get(at) ?? 0) < weight) perDoc.set(at, weight);
        }
      }
      for (const [at, weight] of perDoc) {
        const current = scores.get(at);
        if (current) {
          current.score += weight;
          current.matched += 1;
        } else scores.set(at, { score: weight, matched: 1 });
      }
    }
    let best = 0;
    for (const s of scores.values()) best = Math.max(best, s.matched);
    // Bounded selection: only the best `limit` are ever sorted (a full sort of thousands of hits is slow).
    const top: Ranked[] = [];
    for (const [at, s] of scores) {
      if (s.matched !== best) continue;
      const entry = this.entries[at]!;
      const hit: Ranked = { entry, score: Math.round(s.score * (entry.doc.kind === 'note' ? 1.2 : 1) * 1e6) / 1e6 };
      if (top.length === limit && compareHits(hit, top[limit - 1]!) >= 0) continue;
      let i = top.length;
      while (i > 0 && compareHits(hit, top[i - 1]!) < 0) i -= 1;
      top.splice(i, 0, hit);
      if (top.length > limit) top.pop();
    }
    const ranked = top;
    return ranked.slice(0, limit).map(({ entry, score }) => ({
      kind: entry.doc.kind,
      url: entry.doc.url,
      title: entry.doc.title.slice(0, 500),
      snippet: snippet(entry.doc.body || entry.doc.title, terms),
      score,
      rating: entry.doc.rating,
      publishedAt: entry.doc.publishedAt,
    }));
  }
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ≤ 400 characters of the body around the first matching term. */
export function snippet(body: string, terms: readonly string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= 400) return flat;
  const norm = normalize(flat);
  const first = Math.min(...terms.map((term) => norm.indexOf(term)).filter((i) => i >= 0), flat.length);
  const start = first === flat.length || first < 120 ? 0 : first - 120;
  const piece = flat.slice(start, start + 398);
  return `${start > 0 ? '…' : ''}${piece}${start + 398 < flat.length ? '…' : ''}`.slice(0, 400);
}
