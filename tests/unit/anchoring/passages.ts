/**
 * Generated passages and edits for the re-anchoring properties: a quote marked in an article's
 * paragraphs, random word edits outside it, ≤ 10% character edits inside it, or its removal.
 */
import fc from 'fast-check';
import type { ArticleContent } from '../../fixtures/archive/body.ts';
import { END_MARK, START_MARK } from './article-pages';

export interface QuotePick {
  paragraph: number;
  at: number;
  length: number;
}

export const quotePick = fc.record({ paragraph: fc.nat(), at: fc.nat(), length: fc.integer({ min: 3, max: 400 }) });

export interface Edit {
  paragraph: number;
  at: number;
  kind: 'insert' | 'delete' | 'replace';
  word: string;
}

const WORDS = ['selon', 'hier', 'la CNIL', 'vraiment', 'en 2011', 'cependant', 'l’éditeur', 'Flash', 'ne…pas', 'très', 'aussi'];
export const edit = fc.record({
  paragraph: fc.nat(),
  at: fc.nat(),
  kind: fc.constantFrom<Edit['kind']>('insert', 'delete', 'replace'),
  word: fc.constantFrom(...WORDS),
});

const isSpaceChar = (c: string | undefined) => c === ' ';

/** Paragraphs with the picked passage between markers (trimmed to non-space ends), or null when it is all spaces. */
export function markQuote(paragraphs: readonly string[], pick: QuotePick): string[] | null {
  const out = [...paragraphs];
  const p1 = pick.paragraph % out.length;
  const first = out[p1] as string;
  let a = pick.at % Math.max(1, first.length);
  let p2 = p1;
  let b = a + pick.length;
  if (b > first.length && p1 + 1 < out.length) {
    p2 = p1 + 1;
    b = Math.min((out[p2] as string).length, b - first.length);
  } else b = Math.min(b, first.length);
  while (a < first.length && isSpaceChar(first[a])) a++;
  const last = out[p2] as string;
  while (b > 0 && isSpaceChar(last[b - 1])) b--;
  if (p1 === p2 ? b - a < 3 : a >= first.length || b === 0) return null;
  out[p2] = `${last.slice(0, b)}${END_MARK}${last.slice(b)}`;
  const head = out[p1] as string;
  out[p1] = `${head.slice(0, a)}${START_MARK}${head.slice(a)}`;
  return out;
}

/** Is position `x` of paragraph `p` between the markers? */
function inside(paragraphs: readonly string[], p: number, x: number): boolean {
  let open = false;
  for (let i = 0; i <= p; i++) {
    const text = i === p ? (paragraphs[i] as string).slice(0, x) : (paragraphs[i] as string);
    if (text.includes(START_MARK)) open = true;
    if (text.includes(END_MARK)) open = false;
  }
  return open;
}

/** Applies word edits that fall outside the marked passage (an edit that would touch it is not made). Returns how many were made. */
export function editOutside(paragraphs: string[], edits: readonly Edit[]): number {
  let made = 0;
  for (const e of edits) {
    const p = e.paragraph % paragraphs.length;
    const text = paragraphs[p] as string;
    let x = e.at % (text.length + 1);
    while (x > 0 && !isSpaceChar(text[x - 1])) x--; // a word boundary
    let y = text.indexOf(' ', x + 1);
    if (y < 0) y = text.length;
    const cut = e.kind === 'insert' ? '' : text.slice(x, y);
    if (cut.includes(START_MARK) || cut.includes(END_MARK) || inside(paragraphs, p, x) || (x < text.length && text[x] === END_MARK)) continue;
    if (e.kind !== 'insert' && (inside(paragraphs, p, y) || cut.length === 0)) continue;
    const replacement = e.kind === 'delete' ? '' : e.kind === 'insert' ? `${e.word} ` : `${e.word}`;
    paragraphs[p] = `${text.slice(0, x)}${replacement}${text.slice(x + cut.length)}`.replace(/ {2,}/g, ' ');
    made++;
  }
  return made;
}

export interface CharEdit {
  at: number;
  kind: 'substitute' | 'insert' | 'delete';
  letter: string;
}

export const charEdit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<CharEdit['kind']>('substitute', 'insert', 'delete'),
  letter: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéè'.split('')),
});

/** Where the marked passage is: [paragraph, index after START] … [paragraph, index of END]. */
function markerPlaces(paragraphs: readonly string[]): { p1: number; a: number; p2: number; b: number } {
  const p1 = paragraphs.findIndex((t) => t.includes(START_MARK));
  const p2 = paragraphs.findIndex((t) => t.includes(END_MARK));
  return { p1, a: (paragraphs[p1] as string).indexOf(START_MARK) + 1, p2, b: (paragraphs[p2] as string).indexOf(END_MARK) };
}

/** Length of the marked passage. */
export function markedLength(paragraphs: readonly string[]): number {
  const { p1, a, p2, b } = markerPlaces(paragraphs);
  return p1 === p2 ? b - a : (paragraphs[p1] as string).length - a + 1 + b;
}

/**
 * Applies at most `budget` one-character edits strictly inside the marked passage (never its first or
 * last character, never leaving a space against a marker). Returns how many were made.
 */
export function editInside(paragraphs: string[], edits: readonly CharEdit[], budget: number): number {
  let made = 0;
  for (const e of edits) {
    if (made >= budget) break;
    const { p1, a, p2, b } = markerPlaces(paragraphs);
    // Edits stay in the first paragraph of the passage (enough to exercise edited quotes).
    const end = p1 === p2 ? b : (paragraphs[p1] as string).length;
    if (end - a < 3) break;
    const x = a + 1 + (e.at % (end - a - 2));
    const text = paragraphs[p1] as string;
    const next =
      e.kind === 'substitute'
        ? `${text.slice(0, x)}${e.letter}${text.slice(x + 1)}`
        : e.kind === 'insert'
          ? `${text.slice(0, x)}${e.letter}${text.slice(x)}`
          : `${text.slice(0, x)}${text.slice(x + 1)}`;
    if (/\ue000 | \ue001| {2}/.test(next)) continue;
    paragraphs[p1] = next;
    made++;
  }
  return made;
}

/** The marked passage removed (markers included), or replaced by `instead`. */
export function removeQuote(paragraphs: readonly string[], instead: string): string[] {
  const { p1, a, p2, b } = markerPlaces(paragraphs);
  const out = [...paragraphs];
  const head = (out[p1] as string).slice(0, a - 1);
  const tail = (out[p2] as string).slice(b + 1);
  out.splice(p1, p2 - p1 + 1, `${head}${instead}${tail}`.replace(/ {2,}/g, ' ').trim());
  return out.filter((t) => t.length > 0);
}

export function withParagraphs(content: ArticleContent, paragraphs: string[]): ArticleContent {
  return { ...content, paragraphs, subhead: content.subhead && content.subhead.at < paragraphs.length ? content.subhead : null };
}
