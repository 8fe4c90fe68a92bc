import * as z from 'zod/mini';
import { EpochMs, HttpUrl, text } from './primitives';

/**
 * A highlight: a passage of an article's body marked by the reader, with the reader's own note. Its
 * place is kept as W3C Web Annotation selectors over the body's normalised text (lib/anchoring), so
 * every copy of the article (other theme, Wayback) finds it again.
 */
export const HIGHLIGHT_LIMITS = {
  /** Longest passage a highlight may cover, in characters. */
  quote: 5_000,
  /** Highlights one article may hold. */
  perArticle: 500,
  /** A highlight's note, in characters. */
  note: 20_000,
  /** TextQuoteSelector prefix/suffix: 32 characters (a surrogate pair at the edge may make it 33). */
  context: 33,
  /** Offsets in an article body's text (a 3 MB page holds at most a few million characters). */
  offset: 20_000_000,
} as const;

const offset = z.number().check(z.int(), z.minimum(0), z.maximum(HIGHLIGHT_LIMITS.offset));

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(HIGHLIGHT_LIMITS.quote)),
  prefix: text(HIGHLIGHT_LIMITS.context),
  suffix: text(HIGHLIGHT_LIMITS.context),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: offset,
    end: offset,
  })
  .check(z.refine((value) => value.end > value.start, 'end must be after start'));
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const HighlightSelectors = z.object({ quote: TextQuoteSelector, position: TextPositionSelector });
export type HighlightSelectors = z.infer<typeof HighlightSelectors>;

/** Random ids (crypto.randomUUID or the like): a highlight keeps its id through export and import. */
export const HighlightId = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'must be an id'));

export const Highlight = z.object({
  id: HighlightId,
  /** The article's canonical URL. */
  url: HttpUrl,
  selectors: HighlightSelectors,
  note: text(HIGHLIGHT_LIMITS.note),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Highlight = z.infer<typeof Highlight>;

/** A highlight as a backup file carries it: a trashed one with the time it was deleted (restorable 30 days). */
export const HighlightRecord = z.extend(Highlight, { deletedAt: z.optional(EpochMs) });
export type HighlightRecord = z.infer<typeof HighlightRecord>;

/** Where the content script may draw a highlight: its place only, never its note. */
export const HighlightPlace = z.object({ id: HighlightId, selectors: HighlightSelectors });
export type HighlightPlace = z.infer<typeof HighlightPlace>;

/** Where a highlight is, without its note: all a tab's highlighter is ever told. */
export const placeOf = ({ id, selectors }: Pick<Highlight, 'id' | 'selectors'>): HighlightPlace => ({ id, selectors });
