import type { Handlers } from '@/lib/protocol';
import { broadcast } from '../broadcast';
import { updateBadgesForUrl } from '../badge';
import { getStore } from '../db';

/** The reader's notes and ratings, and the trash. Every write is announced to open pages and panels. */
export const noteHandlers: Pick<Handlers, 'ui.saveNote' | 'ui.deleteNote' | 'ui.restoreNote' | 'ui.listNotes' | 'ui.recentNotes' | 'ui.listTrash'> = {
  'ui.saveNote': async (patch) => {
    const saved = await getStore().saveNote(patch);
    void broadcast('bg.noteChanged', { url: patch.url, note: saved });
    void updateBadgesForUrl(patch.url, saved);
    // A patch that empties a note removes it; the answer is then the empty note (not stored).
    const now = Date.now();
    return saved ?? { url: patch.url, text: '', rating: null, createdAt: now, updatedAt: now };
  },
  'ui.deleteNote': async ({ url }) => {
    const trashed = await getStore().deleteNote(url);
    if (trashed) void broadcast('bg.noteChanged', { url, note: null });
    if (trashed) void updateBadgesForUrl(url, null);
    return { trashed };
  },
  'ui.restoreNote': async ({ url }) => {
    const note = await getStore().restoreNote(url);
    void broadcast('bg.noteChanged', { url, note });
    void updateBadgesForUrl(url, note);
    return note;
  },
  'ui.listNotes': (query) => getStore().listNotes(query),
  'ui.recentNotes': ({ limit }) => getStore().recentNotes(limit),
  'ui.listTrash': () => getStore().listTrash(),
};
