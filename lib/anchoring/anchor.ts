/**
 * Highlights ↔ the article body's text: a selection becomes selectors, selectors become text offsets
 * again on any copy of the article (or null: an orphan, never drawn on other words).
 */
import { offsetsOfRange, type BoundaryRange } from './boundaries';
import { matchQuote } from './match-quote';
import { describe, type HighlightSelectors } from './selectors';
import type { TextModel } from './text-model';

export interface Anchored {
  start: number;
  end: number;
  /** 1 when the quote and its context are unchanged; lower the more they were edited. */
  score: number;
}

export type Described = { ok: true; selectors: HighlightSelectors } | { ok: false; reason: 'outside' | 'empty' };

/** Selectors for what `range` selects in the article body, or why it cannot be a highlight. */
export function describeRange(model: TextModel, range: BoundaryRange): Described {
  const offsets = offsetsOfRange(model, range);
  return offsets.ok ? { ok: true, selectors: describe(model.text, offsets.start, offsets.end) } : offsets;
}

/** Where stored selectors fall in `text`: the stored position when it still holds the quote in its context, else the best match. */
export function anchorSelectors(text: string, selectors: HighlightSelectors): Anchored | null {
  const { exact, prefix, suffix } = selectors.quote;
  const { start, end } = selectors.position;
  if (
    end - start === exact.length &&
    text.startsWith(exact, start) &&
    text.slice(Math.max(0, start - prefix.length), start) === prefix &&
    text.startsWith(suffix, end)
  ) {
    return { start, end, score: 1 };
  }
  return matchQuote(text, exact, { prefix, suffix, hint: start });
}
