/**
 * Finds a stored quote again in a text that may differ from the one it was made on: exact occurrences
 * first, then approximate ones (approx-string-match: Myers' bit-parallel algorithm, which finds the places
 * within k edits in O(n·k/32)). Each candidate is judged on its own errors and on the errors of the stored
 * prefix and suffix against the text that touches it; the position breaks ties. Accepted only when:
 * - the quote is ≥ 80% intact;
 * - near the stored position, the context is ≥ 40% intact (60% for a very short quote), and a quote
 *   edited by more than 5% has each side ≥ 60% intact; farther away, the quote ≥ 95%, the context
 *   ≥ 70% and each side ≥ 60% (a place elsewhere must be told by both its sides: the archive's articles
 *   repeat sentences, and the same sentence about another product is not the quote);
 * - the text does not read better as "the quote was removed here" (quoteRemoved).
 * Otherwise the highlight is an orphan: never drawn on other words.
 */
import search from 'approx-string-match';
import { editDistance, prefixErrors, sideLength, suffixErrors } from './context-distance';
import { CONTEXT_LENGTH } from './selectors';

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote started when it was made. */
  hint: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 1 for the same text and context; lower the more edits it took. */
  score: number;
}

interface Candidate {
  start: number;
  end: number;
  quoteErrors: number;
}

const MAX_QUOTE_ERROR_RATE = 0.2;
/** Near the stored position: a long quote needs ≥ 40% of its context, a short one up to 60% (it says little itself). */
const MIN_CONTEXT_NEAR = 0.4;
const MIN_CONTEXT_NEAR_SHORT = 0.6;
const MIN_CONTEXT_FAR = 0.7;
const MIN_SIDE_FAR = 0.6;
/** Farther away the quote must be ≥ 95% intact (nearer, more edits need both sides): the same sentence about another subject is not it. */
const MAX_QUOTE_ERROR_RATE_FAR = 0.05;
/**
 * Each DISTANCE_STEP characters away from the stored position weigh as one more error when candidates
 * are compared (at most MAX_DISTANCE_COST): articles repeat sentences, and the copy where the quote was
 * wins over an identical one farther away even when an edit touched its context.
 */
const DISTANCE_STEP = 64;
const MAX_DISTANCE_COST = 16;
/** Exact occurrences scored at most (the nearest to the hint): a common word may occur thousands of times. */
const MAX_EXACT = 300;
/** Within this distance (plus a quarter of the quote) of the stored position, a candidate is "near". */
const NEAR = 128;
/** Long quotes are looked for page-wide by their first and last characters, then verified around them. */
const PROBE = 32;

function exactOccurrences(text: string, quote: string, hint: number): Candidate[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < 20 * MAX_EXACT; at = text.indexOf(quote, at + 1)) found.push(at);
  found.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint));
  return found.slice(0, MAX_EXACT).map((start) => ({ start, end: start + quote.length, quoteErrors: 0 }));
}

/**
 * approx-string-match returns only the matches with the fewest errors: an exact copy of the quote
 * elsewhere would hide the edited one at its place. Exact occurrences (judged already) are blanked out.
 */
function masked(window: string, quote: string): string {
  if (!window.includes(quote)) return window;
  return window.split(quote).join('\u0000'.repeat(quote.length));
}

/** Rounds of search: each blanks out what the previous found, so a hidden, worse match comes up next. */
const ROUNDS = 3;

function approximate(text: string, quote: string, from: number, to: number, maxErrors: number): Candidate[] {
  const lo = Math.max(0, Math.floor(from));
  let window = text.slice(lo, Math.min(text.length, Math.ceil(to)));
  if (window.length === 0 || maxErrors < 1) return [];
  window = masked(window, quote);
  const out: Candidate[] = [];
  for (let round = 0; round < ROUNDS && out.length < MAX_EXACT; round++) {
    const found = search(window, quote, maxErrors);
    if (!found.length) break;
    for (const m of found) out.push({ start: lo + m.start, end: lo + m.end, quoteErrors: m.errors });
    const blanks = found.map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
    let next = '';
    let at = 0;
    for (const [start, end] of blanks) {
      if (end <= at) continue;
      const from = Math.max(start, at);
      next += window.slice(at, from) + '\u0000'.repeat(end - from);
      at = end;
    }
    window = next + window.slice(at);
  }
  return out;
}

/** Page-wide approximate candidates; a long quote is found by probes, each verified in its neighbourhood. */
function pageWide(text: string, quote: string, maxErrors: number): Candidate[] {
  const q = quote.length;
  if (q <= 2 * PROBE) return approximate(text, quote, 0, text.length, maxErrors);
  const probeErrors = Math.floor(PROBE * MAX_QUOTE_ERROR_RATE);
  const out: Candidate[] = [];
  const margin = Math.ceil(q * MAX_QUOTE_ERROR_RATE) + PROBE;
  for (const m of search(masked(text, quote), quote.slice(0, PROBE), probeErrors).slice(0, 20))
    out.push(...approximate(text, quote, m.start - margin, m.start + q + margin, maxErrors));
  for (const m of search(masked(text, quote), quote.slice(-PROBE), probeErrors).slice(0, 20))
    out.push(...approximate(text, quote, m.end - q - margin, m.end + margin, maxErrors));
  return out;
}

/**
 * True when the stored prefix and suffix, side by side, fit the text — near the candidate or where the
 * quote was — with fewer errors than prefix + quote + suffix do at the candidate: the quote was removed,
 * and the candidate is only nearby text that resembles it. Needs both sides.
 */
function quoteRemoved(text: string, candidate: Candidate, context: QuoteContext, errors: number): boolean {
  const q = candidate.end - candidate.start;
  if (errors === 0 || !context.prefix || !context.suffix) return false;
  // Where the quote is present (even edited), its two sides only meet by aligning one of them across the
  // quote's start, which costs about as much as the shorter of the three: sides that meet for less than
  // half of that, and for less than the candidate costs, say the quote was removed.
  const allowed = Math.min(errors - 1, Math.ceil(Math.min(q, context.prefix.length, context.suffix.length) / 2) - 1);
  if (allowed < 0) return false;
  const joined = context.prefix + context.suffix;
  const reach = joined.length + q + 16;
  for (const at of [candidate.start, context.hint]) {
    const from = Math.max(0, at - reach);
    for (const m of search(text.slice(from, at + q + reach), joined, allowed)) {
      // Text resembling a removed quote lies beside the meeting sides or among them. One exception: a
      // long candidate that starts or ends where the sides meet and only runs into them (a quote that
      // repeats its own context at its start or end) — there the quote is present.
      const overlap = Math.min(candidate.end, from + m.end) - Math.max(candidate.start, from + m.start);
      const meeting = from + m.start + context.prefix.length;
      const tolerance = allowed + 2;
      const edgeAtMeeting = Math.abs(candidate.start - meeting) <= tolerance || Math.abs(candidate.end - meeting) <= tolerance;
      if (overlap <= 0 || overlap * 2 >= q || !edgeAtMeeting) return true;
    }
  }
  return false;
}

interface Judged extends QuoteMatch {
  errors: number;
  /** Errors plus the distance's weight: what candidates are compared on. */
  cost: number;
  /** How far the match's length is from the quote's (edits at its edges can be aligned either way). */
  stretch: number;
  distance: number;
}

function judge(text: string, quote: string, context: QuoteContext, candidate: Candidate): Judged | null {
  const q = quote.length;
  if (candidate.quoteErrors > Math.floor(q * MAX_QUOTE_ERROR_RATE)) return null;
  const prefixLength = sideLength(context.prefix, CONTEXT_LENGTH);
  const suffixLength = sideLength(context.suffix, CONTEXT_LENGTH);
  const contextLength = prefixLength + suffixLength;
  const before = prefixErrors(text, candidate.start, context.prefix, CONTEXT_LENGTH);
  const after = suffixErrors(text, candidate.end, context.suffix, CONTEXT_LENGTH);
  const contextErrors = before + after;
  const contextScore = contextLength ? 1 - contextErrors / contextLength : 1;
  const near = Math.abs(candidate.start - context.hint) <= NEAR + q / 4;
  const bothSides = (least: number) => 1 - before / prefixLength >= least && 1 - after / suffixLength >= least;
  if (near) {
    const needed = MIN_CONTEXT_NEAR_SHORT - (MIN_CONTEXT_NEAR_SHORT - MIN_CONTEXT_NEAR) * Math.min(1, q / CONTEXT_LENGTH);
    if (contextScore < needed) return null;
    // An edited quote must be confirmed by both its sides: the same sentence about another subject
    // often shares one side with it.
    if (candidate.quoteErrors > q * MAX_QUOTE_ERROR_RATE_FAR && !bothSides(MIN_SIDE_FAR)) return null;
  } else {
    if (candidate.quoteErrors > q * MAX_QUOTE_ERROR_RATE_FAR || contextScore < MIN_CONTEXT_FAR || !bothSides(MIN_SIDE_FAR)) return null;
  }
  const errors = candidate.quoteErrors + contextErrors;
  if (quoteRemoved(text, candidate, context, errors)) return null;
  return {
    start: candidate.start,
    end: candidate.end,
    score: 1 - errors / (q + contextLength),
    errors,
    cost: errors + Math.min(MAX_DISTANCE_COST, Math.floor(Math.abs(candidate.start - context.hint) / DISTANCE_STEP)),
    stretch: Math.abs(candidate.end - candidate.start - q),
    distance: Math.abs(candidate.start - context.hint),
  };
}

function better(a: Judged, b: Judged | null): boolean {
  if (!b || a.cost !== b.cost) return !b || a.cost < b.cost;
  return a.stretch !== b.stretch ? a.stretch < b.stretch : a.distance < b.distance;
}

/** Variants re-aligned on the context are tried for edited quotes up to this length (an O(q²) check each). */
const MAX_ALIGNED_QUOTE = 1000;

/**
 * approx-string-match gives one start per end: with edits at a quote's edge it may pick a start a few
 * characters in, where the quote alone costs less. Where the stored prefix ends (and the suffix starts)
 * near a candidate's edges, the candidate re-aligned on them is offered too; the context decides.
 */
function alignedOnContext(text: string, quote: string, context: QuoteContext, candidates: Candidate[], maxErrors: number): Candidate[] {
  const q = quote.length;
  if (q > MAX_ALIGNED_QUOTE) return candidates;
  const out = [...candidates];
  const edge = (side: string, from: number, to: number, pickEnd: boolean): number[] => {
    if (!side) return [];
    const lo = Math.max(0, from);
    return search(text.slice(lo, Math.max(lo, to)), side, Math.floor(side.length / 4)).map((m) => lo + (pickEnd ? m.end : m.start));
  };
  for (const c of candidates.slice(0, 20)) {
    if (c.quoteErrors === 0) continue;
    const starts = [c.start, ...edge(context.prefix, c.start - context.prefix.length - maxErrors - 8, c.start + maxErrors + 8, true)];
    const ends = [c.end, ...edge(context.suffix, c.end - maxErrors - 8, c.end + context.suffix.length + maxErrors + 8, false)];
    for (const start of new Set(starts)) {
      for (const end of new Set(ends)) {
        if ((start === c.start && end === c.end) || end <= start || Math.abs(start - c.start) > maxErrors || Math.abs(end - c.end) > maxErrors) continue;
        const quoteErrors = editDistance(quote, text.slice(start, end));
        if (quoteErrors <= maxErrors) out.push({ start, end, quoteErrors });
      }
    }
  }
  return out;
}

function best(text: string, quote: string, context: QuoteContext, candidates: Candidate[], seen: Set<number>): Judged | null {
  let winner: Judged | null = null;
  for (const candidate of candidates) {
    const key = candidate.start * 1_000_003 + (candidate.end - candidate.start);
    if (seen.has(key)) continue;
    seen.add(key);
    const judged = judge(text, quote, context, candidate);
    if (judged && better(judged, winner)) winner = judged;
  }
  return winner;
}

/** The best place for `quote` in `text`, or null (an orphan). */
export function matchQuote(text: string, quote: string, context: QuoteContext): QuoteMatch | null {
  const q = quote.length;
  if (q === 0 || text.length === 0) return null;
  const seen = new Set<number>();
  let winner = best(text, quote, context, exactOccurrences(text, quote, context.hint), seen);
  // An exact occurrence with its context intact, where the quote was, needs no search for edited copies
  // (farther away, it may be a repeated sentence while the quote's own place holds an edited copy).
  if (winner && winner.cost === 0) return { start: winner.start, end: winner.end, score: 1 };
  const maxErrors = Math.floor(q * MAX_QUOTE_ERROR_RATE);
  // Around the stored position first (a tight window, then a wider one), then page-wide.
  for (const reach of [NEAR + q / 4, 2000 + q]) {
    const nearby = approximate(text, quote, context.hint - reach, context.hint + q + reach, maxErrors);
    const found = best(text, quote, context, alignedOnContext(text, quote, context, nearby, maxErrors), seen);
    if (found && better(found, winner)) winner = found;
  }
  if (!winner) {
    const far = best(text, quote, context, alignedOnContext(text, quote, context, pageWide(text, quote, maxErrors), maxErrors), seen);
    if (far) winner = far;
  }
  return winner ? { start: winner.start, end: winner.end, score: winner.score } : null;
}
