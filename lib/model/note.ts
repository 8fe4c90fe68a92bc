import * as z from 'zod/mini';
import { LIMITS } from './limits';
import { EpochMs, HttpUrl, Rating, text } from './primitives';

/** The reader's own note and rating for one article, keyed by the article's canonical URL. */
export const Note = z.object({
  url: HttpUrl,
  text: text(LIMITS.noteText),
  rating: z.nullable(Rating),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Note = z.infer<typeof Note>;

/** A deleted note, restorable until `deletedAt` + 30 days. */
export const TrashedNote = z.extend(Note, { deletedAt: EpochMs });
export type TrashedNote = z.infer<typeof TrashedNote>;

export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
