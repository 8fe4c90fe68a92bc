import { LIMITS } from '../model/limits';

/**
 * The note-draft port: extension pages (popup, panel, options) mirror each keystroke of a note to the
 * background over a runtime Port of this name; the background commits what was not saved yet when the
 * port disconnects (entrypoints/background/note-drafts.ts, components/draft-port.ts).
 */
export const DRAFT_PORT = 'sv-note-drafts';

/** Messages on the draft port: the text being typed, and "this text is stored". */
export type DraftMessage = { kind: 'draft' | 'saved'; url: string; text: string };

/** A well-formed draft message, or null for anything else. Never throws. */
export function readDraftMessage(raw: unknown): DraftMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { kind, url, text } = raw as Record<string, unknown>;
  if ((kind !== 'draft' && kind !== 'saved') || typeof url !== 'string' || typeof text !== 'string') return null;
  if (url.length > LIMITS.url || text.length > LIMITS.noteText) return null;
  return { kind, url, text };
}
