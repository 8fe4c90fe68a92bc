/** lib/anchoring public API: pure, DOM-generic (browser, linkedom, happy-dom), no extension API. */
export { buildTextModel, type TextModel } from './text-model';
export { pointsOf, offsetsOfRange, type BoundaryRange, type DomPoint } from './boundaries';
export { describe, CONTEXT_LENGTH, type HighlightSelectors, type TextQuoteSelector, type TextPositionSelector } from './selectors';
export { anchorSelectors, describeRange, type Anchored, type Described } from './anchor';
export { matchQuote } from './match-quote';
