import type { Settings, Tag } from '@/lib/model';
import { err, type NoteView, type TrashedNoteView } from '@/lib/protocol';
import type { FakeHandlers } from './helpers';

export const SETTINGS: Settings = {
  archiveHosts: ['www.securityvibes.fr', 'securityvibes.fr', 'magazine.qualys.fr'],
  panelEnabled: true,
  waybackEnabled: false,
  crawlDelayMs: 1000,
  crawlConcurrency: 1,
};

const tag = (slug: string, name: string): Tag => ({ slug, name });
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10);

export function note(n: number, patch: Partial<NoteView> = {}): NoteView {
  return {
    url: `https://www.securityvibes.fr/actualites/article-${n}/`,
    title: `Article ${n}`,
    text: `Note text ${n}`,
    rating: ((n % 5) + 1) as number,
    createdAt: T0 + n * DAY,
    updatedAt: T0 + n * DAY + 1000,
    category: tag('actualites', 'Actualités'),
    tags: [tag('phishing', 'Phishing')],
    hasNote: true,
    highlights: [],
    ...patch,
  };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** An in-memory notes store behind the notes calls: enough behaviour to test the library end to end. */
export function notesStore(initial: NoteView[], now = () => T0 + 100 * DAY) {
  const notes = new Map(initial.map((n) => [n.url, n]));
  const trash = new Map<string, TrashedNoteView & { view: NoteView }>();
  const handlers: FakeHandlers = {
    'ui.getSettings': () => SETTINGS,
    'ui.listNotes': ({ query, rating, tag: tagSlug, category, highlighted, sort, offset, limit }) => {
      let items = [...notes.values()];
      const words = (n: NoteView) => [n.title ?? '', n.text, ...n.highlights.flatMap((h) => [h.exact, h.note])].join(' ');
      if (query) items = items.filter((n) => fold(words(n)).includes(fold(query)));
      if (highlighted) items = items.filter((n) => n.highlights.length > 0);
      if (rating !== undefined) items = items.filter((n) => n.rating === rating);
      if (tagSlug) items = items.filter((n) => n.tags.some((t) => t.slug === tagSlug));
      if (category) items = items.filter((n) => n.category?.slug === category);
      const key = (n: NoteView) => (sort === 'rating' ? (n.rating ?? 0) : sort === 'created' ? n.createdAt : n.updatedAt);
      items.sort((a, b) => key(b) - key(a) || b.updatedAt - a.updatedAt);
      return { items: items.slice(offset, offset + limit), total: items.length };
    },
    'ui.saveNote': ({ url, text, rating }) => {
      const current = notes.get(url);
      if (!current) return err('not-found', 'no such note');
      const next = { ...current, ...(text !== undefined ? { text } : {}), ...(rating !== undefined ? { rating } : {}), hasNote: true, updatedAt: now() };
      notes.set(url, next);
      const { title: _t, category: _c, tags: _g, hasNote: _n, highlights: _h, ...stored } = next;
      return stored;
    },
    'ui.deleteNote': ({ url }) => {
      const current = notes.get(url);
      if (!current) return { trashed: false };
      notes.delete(url);
      const { category: _c, tags: _g, hasNote: _n, highlights: _h, ...rest } = current;
      trash.set(url, { ...rest, deletedAt: now(), view: current });
      return { trashed: true };
    },
    'ui.listTrashedHighlights': () => [],
    'ui.listTrash': () => [...trash.values()].map(({ view: _v, ...item }) => item),
    'ui.restoreNote': ({ url }) => {
      const item = trash.get(url);
      if (!item) return err('not-found', 'not in the trash');
      trash.delete(url);
      notes.set(url, item.view);
      const { title: _t, category: _c, tags: _g, hasNote: _n, highlights: _h, ...stored } = item.view;
      return stored;
    },
  };
  return { handlers, notes, trash };
}
