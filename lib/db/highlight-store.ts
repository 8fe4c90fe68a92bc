/** The highlights operations bound to the store's connection and clock (Store.highlights). */
import type { Highlight } from '../model';
import * as highlights from './highlights';
import type { Db } from './schema';

export interface HighlightStore {
  of(url: string): Promise<Highlight[]>;
  all(): Promise<Highlight[]>;
  create(input: highlights.NewHighlight): Promise<Highlight>;
  saveNote(id: string, note: string): Promise<Highlight>;
  /** Moves it to the trash; the article's URL when there was one to move, else null. */
  trash(id: string): Promise<string | null>;
  restore(id: string): Promise<Highlight>;
  listTrash(): Promise<(Highlight & { deletedAt: number })[]>;
}

export function highlightStore(db: () => Promise<Db>, now: () => number): HighlightStore {
  return {
    of: async (url) => highlights.highlightsOf(await db(), url),
    all: async () => highlights.allHighlights(await db()),
    create: async (input) => highlights.createHighlight(await db(), input, now()),
    saveNote: async (id, note) => highlights.saveHighlightNote(await db(), id, note, now()),
    trash: async (id) => {
      const connection = await db();
      const record = await connection.get('highlights', id);
      return (await highlights.trashHighlight(connection, id, now())) && record ? record.url : null;
    },
    restore: async (id) => highlights.restoreHighlight(await db(), id, now()),
    listTrash: async () => highlights.listTrashedHighlights(await db(), now()),
  };
}
