import * as z from 'zod/mini';
import { ArticleRecord, Settings } from './records';
import { Note, TrashedNote } from './note';
import { IsoDateTime } from './primitives';
import { VocabTerm } from './article';
import { HighlightRecord } from './highlight';

/** The one file format for backups (options page) and for indexes written by the `sv-companion` CLI. */
export const BACKUP_FORMAT = 'securityvibes-companion';
/**
 * Bump when the file shape changes; import refuses files from a newer version.
 * 1  articles, notes, trash, settings.
 * 2  + `vocabulary` (issue 11: the site's tags and rubriques, slug ↔ name with evidence); records may carry
 *    `pending` / `listed`. Version 1 files still import, repaired like a version 5 store (lib/db/vocabulary).
 * 3  + `highlights` (issue 14: every highlight with its note, trashed ones with `deletedAt`). Versions 1 and
 *    2 still import (they hold no highlights).
 */
export const BACKUP_VERSION = 3;

/** Caps that keep a hostile or corrupt file from exhausting memory before it is refused. */
export const BACKUP_LIMITS = { articles: 200_000, notes: 100_000, trash: 100_000, vocabulary: 20_000, highlights: 500_000 } as const;

export const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(BACKUP_VERSION)]),
  exportedAt: IsoDateTime,
  /** Who wrote it, e.g. "SecurityVibes Companion 0.1.0" or "sv-companion index". */
  generator: z.optional(z.string().check(z.maxLength(200))),
  articles: z.array(ArticleRecord).check(z.maxLength(BACKUP_LIMITS.articles)),
  vocabulary: z.optional(z.array(VocabTerm).check(z.maxLength(BACKUP_LIMITS.vocabulary))),
  notes: z.array(Note).check(z.maxLength(BACKUP_LIMITS.notes)),
  highlights: z.optional(z.array(HighlightRecord).check(z.maxLength(BACKUP_LIMITS.highlights))),
  trash: z.array(TrashedNote).check(z.maxLength(BACKUP_LIMITS.trash)),
  settings: z.nullable(Settings),
});
export type BackupFile = z.infer<typeof BackupFile>;
