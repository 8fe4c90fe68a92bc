/**
 * What the background may ask of the highlighter in its tab (tabs.sendMessage from our own extension):
 * highlight the current selection (context menu, shortcut, the panel's "Highlight selection"), show one
 * highlight (the panel's "Show"), or draw again (a highlight was deleted or restored). Checked field by
 * field: this chunk bundles no zod.
 */
export type HighlighterCommand = { command: 'create' } | { command: 'show'; id: string } | { command: 'refresh' };

export const HIGHLIGHTER_MESSAGE = 'sv-highlighter';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function readHighlighterCommand(raw: unknown): HighlighterCommand | null {
  if (!isObject(raw) || raw.type !== HIGHLIGHTER_MESSAGE) return null;
  if (raw.command === 'create' || raw.command === 'refresh') return { command: raw.command };
  if (raw.command === 'show' && typeof raw.id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(raw.id)) return { command: 'show', id: raw.id };
  return null;
}

export function highlighterMessage(command: HighlighterCommand): Record<string, unknown> {
  return { type: HIGHLIGHTER_MESSAGE, ...command };
}
