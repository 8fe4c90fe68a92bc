import { findId } from './postings';

/** The articles carrying one tag or rubrique: their ids, sorted, under the name its latest article carries. */
export interface IdList {
  name: string;
  ids: number[];
}

/**
 * The catalog's in-memory lists of article ids per tag or per rubrique slug, kept sorted as articles
 * come, move and go (an emptied list is dropped). They answer related, browse and tag statistics; the
 * database keeps no copy of them since schema v6 (the digest they are loaded from is the truth).
 */
export class IdLists {
  private readonly lists = new Map<string, IdList>();

  get(slug: string): IdList | undefined {
    return this.lists.get(slug);
  }

  entries(): IterableIterator<[string, IdList]> {
    return this.lists.entries();
  }

  /**
   * Adds the id (once); returns the list, so its cached views can be dropped. The list takes the name
   * the article carries: records carry the site vocabulary's name, so a renamed term renames its list.
   */
  add(slug: string, name: string, id: number): IdList {
    let list = this.lists.get(slug);
    if (!list) this.lists.set(slug, (list = { name, ids: [] }));
    else list.name = name;
    const ids = list.ids;
    if (ids.length === 0 || ids[ids.length - 1]! < id) ids.push(id);
    else {
      const at = findId(ids, id);
      if (at < 0) ids.splice(-at - 1, 0, id);
    }
    return list;
  }

  /** Removes the id; returns the list if it is still there (not emptied). */
  remove(slug: string, id: number): IdList | undefined {
    const list = this.lists.get(slug);
    if (!list) return undefined;
    const at = findId(list.ids, id);
    if (at >= 0) list.ids.splice(at, 1);
    if (list.ids.length > 0) return list;
    this.lists.delete(slug);
    return undefined;
  }
}
