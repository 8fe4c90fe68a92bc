import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../lib/db/catalog';
import type { DigestRow } from '../../../lib/db/digest';

/** A digest row as the store writes it: tags as [slug, name] pairs, a rubrique slug (its name in capitals). */
function row(id: number, tags: [string, string][], rubrique: string | null): DigestRow {
  const time = Date.UTC(2020, 0, 1 + id);
  return [
    id,
    `http://www.securityvibes.fr/a/${id}/`,
    `Title ${id}`,
    new Date(time).toISOString(),
    rubrique,
    rubrique?.toUpperCase() ?? null,
    tags.flat(),
    `title ${id}`,
    `title ${id}`,
    time,
  ];
}

// Tags gained, lost and renamed on one article, rubriques changed and dropped: every case of the lists' upkeep.
const WRITES: DigestRow[] = [
  row(
    1,
    [
      ['cloud', 'Cloud'],
      ['wifi', 'Wifi'],
    ],
    'news',
  ),
  row(2, [['cloud', 'Cloud']], 'news'),
  row(
    3,
    [
      ['wifi', 'Wifi'],
      ['scada', 'Scada'],
    ],
    'tech',
  ),
  row(
    2,
    [
      ['cloud', 'Nuage'],
      ['wifi', 'Wifi'],
    ],
    'tech',
  ),
  row(4, [['scada', 'SCADA']], null),
  row(2, [['wifi', 'Wifi']], 'tech'),
  row(3, [['wifi', 'Wifi']], null),
];
const URLS = [1, 2, 3, 4].map((id) => `http://www.securityvibes.fr/a/${id}/`);

/** Everything the catalog answers from its tag and rubrique lists. */
function answers(catalog: Catalog) {
  return {
    tags: ['cloud', 'wifi', 'scada'].map((slug) => catalog.browse('tag', slug, 0, 10)),
    rubriques: ['news', 'tech'].map((slug) => catalog.browse('category', slug, 0, 10)),
    related: URLS.map((url) => catalog.related(url, 5, new Map())),
  };
}

/** A catalog whose lists exist before the first write (browse builds them), as before they were deferred. */
function eager(): Catalog {
  const catalog = new Catalog();
  catalog.browse('tag', 'none', 0, 1);
  return catalog;
}

describe('catalog tag and rubrique lists, built on first need (a search alone does not build them)', () => {
  it('answer like lists kept up to date write by write, whenever they are first needed', () => {
    const expected = eager();
    for (const write of WRITES) expected.upsert(write);
    const want = answers(expected);
    // The lists keep the name of the last article written with the tag, even one that later dropped it.
    expect(want.tags[0]).toEqual({ subject: { slug: 'cloud', name: 'Nuage' }, urls: [URLS[0]], total: 1 });
    expect(want.rubriques.map((page) => page?.urls)).toEqual([[URLS[0]], [URLS[1]]]);
    for (let built = 0; built <= WRITES.length; built++) {
      const lazy = new Catalog();
      WRITES.forEach((write, k) => {
        if (k === built) answers(lazy); // first related / browse here: the lists are built from what came before
        lazy.upsert(write);
      });
      lazy.search.search('title', 5); // search needs no lists
      expect(answers(lazy)).toEqual(want);
    }
  });

  it('search alone answers before any list is built', () => {
    const catalog = new Catalog();
    for (const write of WRITES) catalog.upsert(write);
    expect(catalog.search.search('title 2', 5).map((hit) => hit.url)[0]).toBe(URLS[1]);
    expect(catalog.get(URLS[1]!)?.tags).toEqual([{ slug: 'wifi', name: 'Wifi' }]);
  });
});
