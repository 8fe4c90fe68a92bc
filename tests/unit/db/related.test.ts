import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { relatedFromRecords, tagWeight } from '../../../lib/db';
import type { ArticleRecord } from '../../../lib/model';
import { articleMeta, articlePage, tag, testStore, url } from './helpers';

function record(slug: string, tags: string[], over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    url: url(slug),
    postId: null,
    title: `Title ${slug}`,
    author: null,
    category: { slug: 'actualites', name: 'Actualités' },
    tags: tags.map(tag),
    publishedAt: '2010-01-01T00:00:00Z',
    excerpt: '',
    tagsComplete: true,
    detail: 'article',
    firstSeenAt: 0,
    updatedAt: 0,
    ...over,
  };
}

const urls = (items: { url: string }[]) => items.map((item) => item.url);
/** Many filler articles carrying the common tag, so that it is genuinely common. */
const filler = (n: number, tags: string[] = ['common']) => Array.from({ length: n }, (_, i) => record(`filler-${String(i).padStart(3, '0')}`, tags));

describe('related ranking (pure)', () => {
  it('weights rarity: one shared rare tag beats one shared common tag', () => {
    const records = [record('target', ['common', 'rare']), record('shares-common', ['common']), record('shares-rare', ['rare']), ...filler(20)];
    const ranked = relatedFromRecords(records, url('target'), 3);
    expect(ranked[0]!.url).toBe(url('shares-rare'));
    expect(ranked[0]!.sharedTags).toEqual([{ slug: 'rare', name: 'RARE' }]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('a tag on nearly every article still counts a little (unlike Hugo), but less than a rare one', () => {
    expect(tagWeight(99, 100)).toBeGreaterThan(0);
    expect(tagWeight(99, 100)).toBeLessThan(tagWeight(2, 100));
    const records = [record('target', ['everywhere']), ...filler(10, ['everywhere']), record('lonely', [])];
    const ranked = relatedFromRecords(records, url('target'), 20);
    expect(ranked).toHaveLength(10);
    expect(ranked.every((item) => item.score > 0)).toBe(true);
  });

  it('two shared tags beat one shared tag of similar rarity (more than YARPP-style counting is kept)', () => {
    const records = [record('target', ['a', 'b']), record('both', ['a', 'b']), record('only-a', ['a']), record('only-b', ['b']), ...filler(10)];
    expect(urls(relatedFromRecords(records, url('target'), 3))[0]).toBe(url('both'));
  });

  it('excludes the article itself and honours the limit', () => {
    const records = [record('target', ['x']), ...filler(30, ['x'])];
    const ranked = relatedFromRecords(records, url('target'), 5);
    expect(ranked).toHaveLength(5);
    expect(urls(ranked)).not.toContain(url('target'));
  });

  it('ties: same rubrique first, then nearest date, then URL', () => {
    const other = { slug: 'dossiers', name: 'Dossiers' };
    const records = [
      record('target', ['x'], { publishedAt: '2010-06-01T00:00:00Z' }),
      record('far-same', ['x'], { publishedAt: '2015-01-01T00:00:00Z' }),
      record('near-other', ['x'], { publishedAt: '2010-06-02T00:00:00Z', category: other }),
      record('near-same', ['x'], { publishedAt: '2010-05-30T00:00:00Z' }),
      record('b-twin', ['x'], { publishedAt: '2010-05-01T00:00:00Z' }),
      record('a-twin', ['x'], { publishedAt: '2010-07-01T00:00:00Z' }),
      record('undated', ['x'], { publishedAt: null }),
    ];
    expect(urls(relatedFromRecords(records, url('target'), 10))).toEqual([
      url('near-same'),
      url('a-twin'),
      url('b-twin'),
      url('far-same'),
      url('undated'),
      url('near-other'),
    ]);
  });

  it('an article with no tags falls back to its rubrique and nearest dates', () => {
    const other = { slug: 'dossiers', name: 'Dossiers' };
    const records = [
      record('target', [], { publishedAt: '2010-06-01T00:00:00Z' }),
      record('same-far', ['x'], { publishedAt: '2012-01-01T00:00:00Z' }),
      record('same-near', ['y'], { publishedAt: '2010-06-03T00:00:00Z' }),
      record('other-near', ['x'], { publishedAt: '2010-06-01T00:00:00Z', category: other }),
    ];
    const ranked = relatedFromRecords(records, url('target'), 8);
    expect(urls(ranked)).toEqual([url('same-near'), url('same-far')]);
    expect(ranked.every((item) => item.score === 0 && item.sharedTags.length === 0)).toBe(true);
  });

  it('with no tags and no rubrique, nearest dates across the index', () => {
    const records = [
      record('target', [], { publishedAt: '2010-06-01T00:00:00Z', category: null }),
      record('near', ['x'], { publishedAt: '2010-06-02T00:00:00Z' }),
      record('far', ['x'], { publishedAt: '2001-06-02T00:00:00Z' }),
      record('undated', ['x'], { publishedAt: null }),
    ];
    expect(urls(relatedFromRecords(records, url('target'), 8))).toEqual([url('near'), url('far'), url('undated')]);
  });

  it('carries the reader rating; an unknown URL gives nothing', () => {
    const records = [record('target', ['x']), record('rated', ['x'])];
    expect(relatedFromRecords(records, url('target'), 8, new Map([[url('rated'), 4]]))[0]!.rating).toBe(4);
    expect(relatedFromRecords(records, url('nope'), 8)).toEqual([]);
  });

  it('is deterministic whatever the order of the records', () => {
    const tagPool = ['a', 'b', 'c', 'd', 'e', 'f'];
    const arbitraryRecords = fc.uniqueArray(
      fc.record({
        slug: fc.stringMatching(/^[a-z]{1,6}$/),
        tags: fc.subarray(tagPool),
        day: fc.option(fc.integer({ min: 1, max: 28 })),
      }),
      { selector: (r) => r.slug, minLength: 2, maxLength: 25 },
    );
    fc.assert(
      fc.property(arbitraryRecords, fc.integer({ min: 1, max: 10 }), (items, limit) => {
        const records = items.map((r) =>
          record(r.slug, r.tags, { publishedAt: r.day === null ? null : `2010-02-${String(r.day).padStart(2, '0')}T00:00:00Z` }),
        );
        const target = records[0]!.url;
        const forward = relatedFromRecords(records, target, limit);
        const backward = relatedFromRecords([...records].reverse(), target, limit);
        expect(backward).toEqual(forward);
        expect(forward.length).toBeLessThanOrEqual(limit);
        for (let i = 1; i < forward.length; i += 1) expect(forward[i - 1]!.score).toBeGreaterThanOrEqual(forward[i]!.score);
      }),
      { numRuns: 150 },
    );
  });
});

describe("related through the store (the catalog's postings) agrees with the pure ranking", () => {
  it('same list as relatedFromRecords over the same articles, ratings included', async () => {
    const { store } = testStore();
    const tagsOf = (i: number) => ['t0', 't1', 't2', 't3', 't4', 't5', 't6'].filter((_, k) => (i * 7 + k * 3) % (k + 2) === 0);
    const metas = Array.from({ length: 60 }, (_, i) =>
      articleMeta(`n${i}`, {
        tags: tagsOf(i).map(tag),
        publishedAt: i % 9 === 0 ? null : new Date(Date.UTC(2009, 0, 1 + i * 5)).toISOString(),
        category: i % 4 === 0 ? null : { slug: `cat${i % 3}`, name: `Cat ${i % 3}` },
      }),
    );
    // Indexed in a scrambled order, in several transactions, so ids differ from URL order.
    for (const chunk of [metas.slice(30), metas.slice(0, 30).reverse()]) await store.indexPages(chunk.map(articlePage));
    await store.saveNote({ url: url('n3'), rating: 5 });
    const records = await Promise.all(metas.map(async (m) => (await store.getArticle(m.url))!));
    for (const m of metas) {
      const expected = relatedFromRecords(records, m.url, 8, new Map([[url('n3'), 5]]));
      expect(await store.related(m.url, 8)).toEqual(expected);
    }
  });

  it('an article not in the index has no related list', async () => {
    const { store } = testStore();
    expect(await store.related(url('missing'))).toEqual([]);
  });
});
