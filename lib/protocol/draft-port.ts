/**
 * The note-draft port: extension pages (popup, panel, options) mirror each keystroke of a note to the
 * background over a runtime Port of this name; the background commits what was not saved yet when the
 * port disconnects (entrypoints/background/note-drafts.ts, components/draft-port.ts).
 */
export const DRAFT_PORT = 'sv-note-drafts';

/** Messages on the draft port: the text being typed, and "this text is stored". */
export type DraftMessage = { kind: 'draft' | 'saved'; url: string; text: string };

/** Bounds of one draft message: a URL no longer than a link may be, a note no longer than ui.saveNote takes. */
const MAX_URL = 2048;
const MAX_TEXT = 100_000;

/** A well-formed draft message, or null for anything else. Never throws. */
export function readDraftMessage(raw: unknown): DraftMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { kind, url, text } = raw as Record<string, unknown>;
  if ((kind !== 'draft' && kind !== 'saved') || typeof url !== 'string' || typeof text !== 'string') return null;
  if (url.length > MAX_URL || text.length > MAX_TEXT) return null;
  return { kind, url, text };
}
