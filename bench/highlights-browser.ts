/**
 * Runs inside Chromium (bundled by bench/highlights.ts): re-anchoring and drawing 50 highlights on a page
 * in the live document, with lib/anchoring and with `dom-anchor-text-quote` (the peer), from selectors
 * both made on the same 50 ranges beforehand. Timed: from stored selectors to highlights registered with
 * CSS.highlights — for us reading the article body's text, anchoring, building Ranges; for the peer its
 * toRange() per highlight (it reads root.textContent itself).
 */
import * as peer from 'dom-anchor-text-quote';
import { anchorSelectors } from '../lib/anchoring/anchor';
import { pointsOf } from '../lib/anchoring/boundaries';
import { describe, type HighlightSelectors } from '../lib/anchoring/selectors';
import { buildTextModel } from '../lib/anchoring/text-model';
import { articleBody } from '../lib/archive/article-body';

interface RunResult {
  ours: number[];
  peer: number[];
  textLength: number;
  foundOurs: number;
  foundPeer: number;
  sameWords: number;
}

/** Puts the page in the live document (its scripts do not run: nodes from DOMParser never execute). */
function show(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

function bodyElement(): { element: Element; postLevel: boolean } {
  const body = articleBody(document);
  if (!body) throw new Error('no article body');
  return body;
}

/** Deterministic picks (a small LCG): `count` ranges of 10–200 characters of the body's text. */
function pickRanges(count: number, seed: number): { ours: HighlightSelectors[]; peer: peer.TextQuote[]; hints: number[]; quotes: string[] } {
  const { element, postLevel } = bodyElement();
  const model = buildTextModel(element, postLevel);
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const out = { ours: [] as HighlightSelectors[], peer: [] as peer.TextQuote[], hints: [] as number[], quotes: [] as string[] };
  const fullText = element.textContent ?? '';
  while (out.ours.length < count) {
    const start = Math.floor(next() * (model.text.length - 250));
    const end = start + 10 + Math.floor(next() * 190);
    const points = pointsOf(model, start, end);
    if (!points) continue;
    const range = document.createRange();
    range.setStart(points.start.node, points.start.offset);
    range.setEnd(points.end.node, points.end.offset);
    out.ours.push(describe(model.text, start, end));
    const quote = peer.fromRange(element, range);
    out.peer.push(quote);
    out.hints.push(fullText.indexOf(quote.exact, Math.max(0, start - 64)));
    out.quotes.push(range.toString());
  }
  return out;
}

function drawOurs(selectors: HighlightSelectors[]): Range[] {
  const { element, postLevel } = bodyElement();
  const model = buildTextModel(element, postLevel);
  const ranges: Range[] = [];
  for (const selector of selectors) {
    const found = anchorSelectors(model.text, selector);
    const points = found && pointsOf(model, found.start, found.end);
    if (!points) continue;
    const range = new Range();
    range.setStart(points.start.node, points.start.offset);
    range.setEnd(points.end.node, points.end.offset);
    ranges.push(range);
  }
  CSS.highlights.set('sv-bench', new Highlight(...ranges));
  return ranges;
}

function drawPeer(quotes: peer.TextQuote[], hints: number[]): Range[] {
  const { element } = bodyElement();
  const ranges: Range[] = [];
  quotes.forEach((quote, i) => {
    const range = peer.toRange(element, quote, { hint: hints[i] });
    if (range) ranges.push(range);
  });
  CSS.highlights.set('sv-bench', new Highlight(...ranges));
  return ranges;
}

function run(html: string, count: number, rounds: number, peerRounds: number): RunResult {
  show(html);
  const picked = pickRanges(count, 2026);
  const result: RunResult = { ours: [], peer: [], textLength: bodyElement().element.textContent?.length ?? 0, foundOurs: 0, foundPeer: 0, sameWords: 0 };
  for (let round = 0; round <= rounds; round++) {
    CSS.highlights.clear();
    const t0 = performance.now();
    const ranges = drawOurs(picked.ours);
    const t1 = performance.now();
    if (round > 0) result.ours.push(t1 - t0);
    else {
      result.foundOurs = ranges.length;
      result.sameWords = ranges.filter((r, i) => r.toString().replace(/\s+/g, ' ') === (picked.quotes[i] ?? '').replace(/\s+/g, ' ')).length;
    }
  }
  for (let round = 0; round <= peerRounds; round++) {
    CSS.highlights.clear();
    const t0 = performance.now();
    const ranges = drawPeer(picked.peer, picked.hints);
    const t1 = performance.now();
    if (round > 0 || peerRounds === 0) result.peer.push(t1 - t0);
    if (round === 0) result.foundPeer = ranges.length;
  }
  return result;
}

(globalThis as unknown as { benchHighlights: typeof run }).benchHighlights = run;
