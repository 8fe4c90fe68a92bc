import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../lib/model';
import type { Store } from '../../../lib/db';
import { mulberry32 } from '../../fixtures/archive/prng';
import { articleMeta, articlePage, listingPage, tag, teaser, testStore, url } from './helpers';

/**
 * The bulk path (an empty index: no reads, buckets and digest packed at once) and the incremental path
 * (buckets and digest chunks read, merged, written back) must leave the very same index.
 */
function records(n: number, seed = 3): ArticleRecord[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const words = ['sécurité', 'attaque', 'réseau', 'chiffrement', 'œuvre', 'SCADA', 'botnet', 'faille', 'données', 'l’audit'];
  return Array.from({ length: n }, (_, i) => {
    const tags = Array.from({ length: Math.floor(random() * 5) }, () => {
      const t = Math.floor(random() * random() * 40);
      return { slug: `t${t}`, name: `Tag ${t}` };
    });
    const dated = random() < 0.9;
    return {
      url: url(`bulk-${i}-${Math.floor(random() * 1000)}`),
      postId: i,
      title: `${pick(words)} ${pick(words)} ${i}`,
      author: random() < 0.5 ? null : 'Jérôme',
      category:
        random() < 0.1
          ? null
          : pick([
              { slug: 'actualites', name: 'Actualités' },
              { slug: 'dossiers', name: 'Dossiers' },
            ]),
      // Repeated tags in a record are allowed by the file format: tag counts and lists must count them once.
      tags: random() < 0.05 && tags[0] ? [...tags, tags[0]] : tags,
      publishedAt: dated ? new Date(Date.UTC(2004, 0, 1) + Math.floor(random() * 3e11)).toISOString() : null,
      excerpt: Array.from({ length: 12 }, () => pick(words)).join(' '),
      tagsComplete: true,
      detail: 'article' as const,
      firstSeenAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000 + i,
    };
  });
}

/** Everything a reader can see of the index. */
async function view(store: Store, all: readonly ArticleRecord[]) {
  const file = await store.exportBackup('t');
  const tags = await store.tagStats(5000);
  const browse = await Promise.all([
    ...tags.slice(0, 12).map((t) => store.browse('tag', t.slug, 0, 15)),
    store.browse('category', 'actualites', 5, 20),
    store.browse('category', 'dossiers', 0, 50),
  ]);
  const related = await Promise.all(all.filter((_, i) => i % 17 === 0).map((record) => store.related(record.url)));
  const search = await Promise.all(['securite', 'oeuvre scada', 'audit', 'reseau 12'].map((q) => store.search(q, 20)));
  return { articles: file.articles, tags, status: await store.indexStatus(), browse, related, search, count: await store.countIndexed(all.map((r) => r.url)) };
}

describe('bulk import (putRecords, the path of backup import)', () => {
  const all = records(700);

  it('stores and answers exactly like the same records written in small batches', async () => {
    const bulk = testStore().store;
    expect(await bulk.putRecords(all)).toEqual({ indexed: 700, added: 700, updated: 0, articles: 700 });
    const batched = testStore().store;
    for (let i = 0; i < all.length; i += 9) await batched.putRecords(all.slice(i, i + 9));
    const expected = await view(batched, all);
    expect(expected.status).toMatchObject({ articles: 700, tags: expected.tags.length });
    expect(await view(bulk, all)).toEqual(expected);
  });

  // Every third record touches fewer than half the buckets (a read per bucket); every record, most of them (one getAll).
  for (const [every, how] of [
    [3, 'a read per bucket'],
    [1, 'one read of the whole store'],
  ] as const) {
    it(`a second bulk import over a full index merges like record-by-record writes (${how})`, async () => {
      const changed = all
        .filter((_, i) => i % every === 0)
        .map((record, i) => ({ ...record, title: `${record.title} v2`, tags: [...record.tags, tag(`new-${i % 7}`)], updatedAt: record.updatedAt + 1 }));
      const fresh = records(80, 9);
      const bulk = testStore().store;
      await bulk.putRecords(all);
      expect(await bulk.putRecords([...changed, ...fresh])).toMatchObject({ added: 80, updated: changed.length, articles: 780 });
      const single = testStore().store;
      await single.putRecords(all);
      for (const record of [...changed, ...fresh]) await single.putRecords([record]);
      expect(await view(bulk, [...all, ...fresh])).toEqual(await view(single, [...all, ...fresh]));
    });
  }

  it('keeps the tag count in step with the tag statistics through moves and clearing', async () => {
    const { store } = testStore();
    await store.putRecords(all.slice(0, 50));
    await store.indexPages([
      listingPage('home', null, [teaser('moving', { category: { slug: 'old', name: 'Old' }, tags: [tag('only-here')], tagsKnown: true })]),
    ]);
    await store.indexPages([articlePage(articleMeta('moving', { category: { slug: 'new', name: 'New' }, tags: [tag('later')] }))]);
    const tags = await store.tagStats(5000);
    // The article's own page wins over a home-page teaser (issue 11): its tag list empties only-here's postings.
    expect(tags.some((t) => t.slug === 'later')).toBe(true);
    expect(tags.some((t) => t.slug === 'only-here')).toBe(false);
    expect((await store.indexStatus()).tags).toBe(tags.length);
    expect((await store.browse('category', 'old', 0, 10)).total).toBe(0);
    await store.clearIndex();
    expect(await store.indexStatus()).toMatchObject({ articles: 0, tags: 0 });
    await store.putRecords(all.slice(0, 20));
    expect((await store.indexStatus()).tags).toBe((await store.tagStats(5000)).length);
  });
});
