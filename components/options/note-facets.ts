import type { Tag } from '@/lib/model';
import type { CallBackground, NoteView, ProtocolError } from '@/lib/protocol';

export interface Facet extends Tag {
  count: number;
}
export interface NoteFacets {
  tags: Facet[];
  categories: Facet[];
  /** False when the library is larger than what was scanned (the lists then cover the first notes only). */
  complete: boolean;
}

const PAGE = 200;
/** 25 pages = 5,000 notes: far beyond a reader's library, and still a bounded amount of messaging. */
const MAX_PAGES = 25;

function add(into: Map<string, Facet>, tag: Tag) {
  const known = into.get(tag.slug);
  if (known) known.count++;
  else into.set(tag.slug, { ...tag, count: 1 });
}

const byName = (a: Facet, b: Facet) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug);

/** The tags and rubriques the reader's notes carry, for the library's filters (the index holds thousands
 * of tags; offering only those on notes keeps the choice meaningful). */
export async function loadNoteFacets(call: CallBackground): Promise<{ ok: true; value: NoteFacets } | { ok: false; error: ProtocolError }> {
  const tags = new Map<string, Facet>();
  const categories = new Map<string, Facet>();
  let seen = 0;
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await call('ui.listNotes', { sort: 'updated', offset: page * PAGE, limit: PAGE });
    if (!result.ok) return result;
    total = result.value.total;
    const items: NoteView[] = result.value.items;
    for (const note of items) {
      for (const tag of note.tags) add(tags, tag);
      if (note.category) add(categories, note.category);
    }
    seen += items.length;
    if (items.length < PAGE || seen >= total) break;
  }
  return { ok: true, value: { tags: [...tags.values()].sort(byName), categories: [...categories.values()].sort(byName), complete: seen >= total } };
}
