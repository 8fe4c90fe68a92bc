/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#text-quote-selector), over the
 * normalised text of the article body (text-model.ts): the quote with 32 characters of context on each
 * side, and its position. Both are kept: the position finds the quote at once on an unchanged copy, the
 * quote and its context find it again when the copy differs.
 */

export const CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Never splits a surrogate pair at a context's outer edge: the pair is taken whole, so a context is
 * shorter than CONTEXT_LENGTH only where the text starts or ends (matching relies on that).
 */
function safeStart(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

function safeEnd(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return at < text.length && code >= 0xd800 && code <= 0xdbff ? at + 1 : at;
}

/** The selectors of text[start, end). */
export function describe(text: string, start: number, end: number): HighlightSelectors {
  const from = safeStart(text, Math.max(0, start - CONTEXT_LENGTH));
  const to = safeEnd(text, Math.min(text.length, end + CONTEXT_LENGTH));
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) },
    position: { type: 'TextPositionSelector', start, end },
  };
}
