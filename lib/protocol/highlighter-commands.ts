import type { HighlightPlace } from '../model/highlight';

/**
 * What the background may ask of the highlighter in its tab (tabs.sendMessage from our own extension):
 * highlight the current selection (context menu, shortcut, the panel's "Highlight selection"), show one
 * highlight (the panel's "Show"), or draw these places (after a highlight was deleted or restored: the
 * places come with the command, so the tab spends none of its message rate asking for them). Places
 * carry ids and selectors only, never a note. Checked field by field: this chunk bundles no zod.
 */
export type HighlighterCommand = { command: 'create' } | { command: 'show'; id: string } | { command: 'draw'; places: HighlightPlace[] };

export const HIGHLIGHTER_MESSAGE = 'sv-highlighter';

/** As many places as an article may hold highlights (HIGHLIGHT_LIMITS.perArticle). */
const MAX_PLACES = 500;
const ID = /^[A-Za-z0-9_-]{8,64}$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isOffset = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readPlace(raw: unknown): HighlightPlace | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || !ID.test(raw.id) || !isObject(raw.selectors)) return null;
  const { quote, position } = raw.selectors;
  if (!isObject(quote) || typeof quote.exact !== 'string' || !quote.exact || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') return null;
  if (!isObject(position) || !isOffset(position.start) || !isOffset(position.end) || position.end <= position.start) return null;
  return {
    id: raw.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    },
  };
}

/** The command in `raw`, or null for anything else (never throws). */
export function readHighlighterCommand(raw: unknown): HighlighterCommand | null {
  if (!isObject(raw) || raw.type !== HIGHLIGHTER_MESSAGE) return null;
  if (raw.command === 'create') return { command: 'create' };
  if (raw.command === 'show' && typeof raw.id === 'string' && ID.test(raw.id)) return { command: 'show', id: raw.id };
  if (raw.command === 'draw' && Array.isArray(raw.places) && raw.places.length <= MAX_PLACES) {
    const places = raw.places.map(readPlace);
    return places.every((place) => place !== null) ? { command: 'draw', places: places as HighlightPlace[] } : null;
  }
  return null;
}

export function highlighterMessage(command: HighlighterCommand): Record<string, unknown> {
  return { type: HIGHLIGHTER_MESSAGE, ...command };
}
