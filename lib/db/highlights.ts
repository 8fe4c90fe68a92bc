/**
 * The reader's highlights (the `highlights` store, see schema.ts: key id, index `url` on the article's canonical
 * URL). Deleting one moves it to the trash, as notes are: it keeps its record with `deletedAt`, is left
 * out of every listing, and can be restored for 30 days; older trashed highlights are purged when the
 * trash is listed. An article's highlights are those under any of its addresses (articleCopies: the same
 * post on www.securityvibes.fr and magazine.qualys.fr); each keeps the address it was made on.
 */
import { articleCopies } from '../archive/article-copies';
import { CodedError } from '../model/errors';
import { Highlight, HIGHLIGHT_LIMITS, TRASH_RETENTION_MS, type HighlightSelectors, type Note } from '../model';
import { guarded, transact } from './errors';
import { STORES, type Db } from './schema';

/** A highlight as stored: a trashed one carries the time it was deleted. */
export type StoredHighlight = Highlight & { deletedAt?: number };

export interface NewHighlight {
  id: string;
  url: string;
  selectors: HighlightSelectors;
  note?: string;
}

const live = (record: StoredHighlight) => record.deletedAt === undefined;
const byPlace = (a: Highlight, b: Highlight) => a.selectors.position.start - b.selectors.position.start || a.createdAt - b.createdAt;
const withoutTrash = ({ deletedAt: _deletedAt, ...highlight }: StoredHighlight): Highlight => highlight;

/**
 * The note of an article the reader highlighted but wrote nothing on (the library lists it, the Markdown
 * export gives it a file): no text, no rating, its times those of its first and latest highlight.
 */
export function noteOfHighlightsOnly(url: string, highlights: readonly Highlight[]): Note {
  return {
    url,
    text: '',
    rating: null,
    createdAt: Math.min(...highlights.map((h) => h.createdAt)),
    updatedAt: Math.max(...highlights.map((h) => h.updatedAt)),
  };
}

/** How many live highlights an article holds under all its addresses (the limit is per article, not per copy). */
async function liveOnArticle(index: { getAll(url: string): Promise<StoredHighlight[]> }, url: string): Promise<number> {
  const copies = await Promise.all(articleCopies(url).map((address) => index.getAll(address)));
  return copies.flat().filter(live).length;
}

/** Why a highlight cannot be made, in words a reader can act on (null when it can). */
export function highlightRefusal(quoteLength: number, countOnArticle: number): string | null {
  if (quoteLength > HIGHLIGHT_LIMITS.quote)
    return `A highlight can cover at most ${HIGHLIGHT_LIMITS.quote.toLocaleString('en')} characters; this selection has ${quoteLength.toLocaleString('en')}. Select a shorter passage.`;
  if (countOnArticle >= HIGHLIGHT_LIMITS.perArticle)
    return `This article already has ${HIGHLIGHT_LIMITS.perArticle} highlights, the most one article can hold. Delete one to add another.`;
  return null;
}

/** Stores a new highlight (checked against the schema and the limits, in one transaction). */
export function createHighlight(db: Db, input: NewHighlight, now: number): Promise<Highlight> {
  return transact(
    () => db.transaction([STORES.highlights], 'readwrite'),
    async (tx) => {
      const store = tx.objectStore(STORES.highlights);
      const refusal = highlightRefusal(input.selectors.quote.exact.length, await liveOnArticle(store.index('url'), input.url));
      if (refusal) throw new CodedError('invalid-message', refusal);
      const checked = Highlight.safeParse({ id: input.id, url: input.url, selectors: input.selectors, note: input.note ?? '', createdAt: now, updatedAt: now });
      if (!checked.success) throw new CodedError('invalid-message', 'The highlight is not valid.');
      if (await store.get(input.id)) throw new CodedError('invalid-message', 'A highlight with this id exists already.');
      await store.put(checked.data);
      return checked.data;
    },
  );
}

/** The live highlights of one article, in text order. */
export function highlightsOf(db: Db, url: string): Promise<Highlight[]> {
  return guarded(async () => {
    const copies = await Promise.all(articleCopies(url).map((address) => db.getAllFromIndex(STORES.highlights, 'url', address)));
    return copies.flat().filter(live).map(withoutTrash).sort(byPlace);
  });
}

/** Every live highlight (exports, the library). */
export function allHighlights(db: Db): Promise<Highlight[]> {
  return guarded(async () => (await db.getAll(STORES.highlights)).filter(live).map(withoutTrash));
}

/** Sets a live highlight's note. */
export function saveHighlightNote(db: Db, id: string, note: string, now: number): Promise<Highlight> {
  return transact(
    () => db.transaction([STORES.highlights], 'readwrite'),
    async (tx) => {
      const store = tx.objectStore(STORES.highlights);
      const current = await store.get(id);
      if (!current || !live(current)) throw new CodedError('not-found', 'This highlight no longer exists.');
      const checked = Highlight.safeParse({ ...current, note, updatedAt: Math.max(now, current.updatedAt) });
      if (!checked.success)
        throw new CodedError('invalid-message', `A highlight's note can hold at most ${HIGHLIGHT_LIMITS.note.toLocaleString('en')} characters.`);
      await store.put(checked.data);
      return checked.data;
    },
  );
}

/** Moves a highlight to the trash. False when there was no live highlight with this id. */
export function trashHighlight(db: Db, id: string, now: number): Promise<boolean> {
  return transact(
    () => db.transaction([STORES.highlights], 'readwrite'),
    async (tx) => {
      const store = tx.objectStore(STORES.highlights);
      const current = await store.get(id);
      if (!current || !live(current)) return false;
      await store.put({ ...current, deletedAt: now });
      return true;
    },
  );
}

/** Restores a trashed highlight (within 30 days of its deletion, and while its article has room). */
export function restoreHighlight(db: Db, id: string, now: number): Promise<Highlight> {
  return transact(
    () => db.transaction([STORES.highlights], 'readwrite'),
    async (tx) => {
      const store = tx.objectStore(STORES.highlights);
      const current = await store.get(id);
      if (!current || live(current) || (current.deletedAt as number) + TRASH_RETENTION_MS < now) {
        throw new CodedError('not-found', 'This highlight is not in the trash (or was kept there more than 30 days).');
      }
      const refusal = highlightRefusal(0, await liveOnArticle(store.index('url'), current.url));
      if (refusal) throw new CodedError('invalid-message', refusal);
      const restored = withoutTrash(current);
      await store.put(restored);
      return restored;
    },
  );
}

/** Trashed highlights, newest deletion first, after purging those deleted more than 30 days ago. */
export function listTrashedHighlights(db: Db, now: number): Promise<(Highlight & { deletedAt: number })[]> {
  return transact(
    () => db.transaction([STORES.highlights], 'readwrite'),
    async (tx) => {
      const store = tx.objectStore(STORES.highlights);
      const kept: (Highlight & { deletedAt: number })[] = [];
      for (const record of await store.getAll()) {
        if (record.deletedAt === undefined) continue;
        if (record.deletedAt + TRASH_RETENTION_MS < now) await store.delete(record.id);
        else kept.push({ ...record, deletedAt: record.deletedAt });
      }
      return kept.sort((a, b) => b.deletedAt - a.deletedAt);
    },
  );
}
