import { CodedError } from '../model/errors';
import { LIMITS, Note, TRASH_RETENTION_MS, type TrashedNote } from '../model';
import { guarded, transact } from './errors';
import type { IDBPTransaction } from 'idb';
import { STORES, type CompanionSchema, type Db } from './schema';

export interface NotePatch {
  url: string;
  text?: string;
  rating?: number | null;
}

/**
 * Applies a patch to one note in its own transaction (read, merge, write): atomic per note, and two
 * contexts editing different notes never overwrite each other. A patch that leaves no text and no rating
 * moves the note as it was to the trash (restorable, like ui.deleteNote): every path that removes a note
 * goes through the trash. Returns the stored note, or null when none is left.
 */
export function saveNote(db: Db, patch: NotePatch, now: number): Promise<Note | null> {
  return transact(
    () => db.transaction([STORES.notes, STORES.trash], 'readwrite'),
    async (tx) => {
      const store = tx.objectStore(STORES.notes);
      const current = await store.get(patch.url);
      const next: Note = {
        url: patch.url,
        text: patch.text ?? current?.text ?? '',
        rating: patch.rating === undefined ? (current?.rating ?? null) : patch.rating,
        createdAt: current?.createdAt ?? now,
        updatedAt: Math.max(now, current?.updatedAt ?? 0),
      };
      const checked = Note.safeParse(next);
      if (!checked.success) throw new CodedError('invalid-message', 'The note is not valid.');
      const empty = checked.data.text.trim() === '' && checked.data.rating === null;
      if (empty) {
        if (current) await moveToTrash(tx, current, now);
      } else await store.put(checked.data);
      return empty ? null : checked.data;
    },
  );
}

export function getNote(db: Db, url: string): Promise<Note | null> {
  return guarded(async () => (await db.get(STORES.notes, url)) ?? null);
}

export function allNotes(db: Db): Promise<Note[]> {
  return guarded(() => db.getAll(STORES.notes));
}

/** Puts `note` in the trash and removes it from the notes, inside the caller's notes+trash transaction. */
async function moveToTrash(tx: IDBPTransaction<CompanionSchema, ['notes', 'trash'], 'readwrite'>, note: Note, now: number): Promise<void> {
  const trashed: TrashedNote = { ...note, deletedAt: now };
  await tx.objectStore(STORES.trash).put(trashed);
  await tx.objectStore(STORES.notes).delete(note.url);
}

/** Moves a note to the trash (one transaction). False when there was no note. */
export function trashNote(db: Db, url: string, now: number): Promise<boolean> {
  return transact(
    () => db.transaction([STORES.notes, STORES.trash], 'readwrite'),
    async (tx) => {
      const note = await tx.objectStore(STORES.notes).get(url);
      if (!note) return false;
      await moveToTrash(tx, note, now);
      return true;
    },
  );
}

/**
 * Restores a trashed note. If a newer note was written for the same article meanwhile, the newer one is
 * kept and the trashed text is appended, so neither is lost.
 */
export function restoreNote(db: Db, url: string, now: number): Promise<Note> {
  return transact(
    () => db.transaction([STORES.notes, STORES.trash], 'readwrite'),
    async (tx) => {
      const trashed = await tx.objectStore(STORES.trash).get(url);
      if (!trashed || trashed.deletedAt + TRASH_RETENTION_MS < now) {
        throw new CodedError('not-found', 'This note is not in the trash (or was kept there more than 30 days).');
      }
      const { deletedAt: _deletedAt, ...note } = trashed;
      const current = await tx.objectStore(STORES.notes).get(url);
      const restored: Note = current
        ? {
            ...current,
            text: [current.text, note.text]
              .filter((t) => t.trim() !== '')
              .join('\n\n')
              .slice(0, LIMITS.noteText),
            rating: current.rating ?? note.rating,
            updatedAt: Math.max(now, current.updatedAt),
          }
        : note;
      await tx.objectStore(STORES.notes).put(restored);
      await tx.objectStore(STORES.trash).delete(url);
      return restored;
    },
  );
}

/** Lists the trash, newest deletion first, after purging entries older than 30 days. */
export function listTrash(db: Db, now: number): Promise<TrashedNote[]> {
  return transact(
    () => db.transaction([STORES.trash], 'readwrite'),
    async (tx) => {
      const store = tx.objectStore(STORES.trash);
      const cutoff = now - TRASH_RETENTION_MS;
      let cursor = await store.index('deletedAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      const items = await store.getAll();
      return items.sort((a, b) => b.deletedAt - a.deletedAt || (a.url < b.url ? -1 : 1));
    },
  );
}
