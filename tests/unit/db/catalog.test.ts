import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStore, normalize, relatedFromRecords, type Store } from '../../../lib/db';
import { slowNormalize, words } from '../../../lib/db/text';
import type { ArticleRecord } from '../../../lib/model';
import { articleMeta, articlePage, listingPage, tag, teaser, testStore, url } from './helpers';

const QUERIES = ['securite', 'sécurité réseau', 'pare feu', 'title', 'excerpt n1', 'chiffr', 'zzz', 'industriels', 'note'];

/** Everything the catalog answers, from a store (warm or freshly opened). */
async function answers(store: Store, urls: readonly string[]) {
  const related = await Promise.all(urls.map((u) => store.related(u, 5)));
  const search = await Promise.all(QUERIES.map((q) => store.search(q, 10)));
  const tags = await store.tagStats(5000);
  const browse = await Promise.all([
    ...tags.map((t) => store.browse('tag', t.slug, 0, 50)),
    ...['cat0', 'cat1', 'cat9', 'none'].map((c) => store.browse('category', c, 0, 50)),
  ]);
  return { related, search, tags, browse, tagCount: (await store.indexStatus()).tags };
}

/** Tag statistics and browse pages agree with the stored articles themselves. */
function expectListsMatch(articles: readonly ArticleRecord[], answered: Awaited<ReturnType<typeof answers>>) {
  const carrying = (slug: string) => articles.filter((a) => a.tags.some((t) => t.slug === slug));
  expect(answered.tagCount).toBe(answered.tags.length);
  expect(new Set(answered.tags.map((t) => t.slug))).toEqual(new Set(articles.flatMap((a) => a.tags.map((t) => t.slug))));
  answered.tags.forEach((t, k) => {
    expect(t.count).toBe(carrying(t.slug).length);
    expect(answered.browse[k]!.items.map((a) => a.url).sort()).toEqual(
      carrying(t.slug)
        .map((a) => a.url)
        .sort(),
    );
    expect(answered.browse[k]!.total).toBe(t.count);
  });
  for (const page of answered.browse) {
    const times = page.items.map((a) => (a.publishedAt ? Date.parse(a.publishedAt) : -Infinity));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  }
}

/** A store on the same database whose catalog is loaded cold from the digest (a worker that just woke). */
const woken = (factory: IDBFactory) => createStore(factory, { now: () => Date.UTC(2026, 0, 2) });

function meta(i: number, over: Parameters<typeof articleMeta>[1] = {}) {
  const tags = ['scada', 'virus', 'iran', 'cloud', 'wifi'].filter((_, k) => (i + k) % 3 === 0).map(tag);
  return articleMeta(`n${i}`, {
    title: i % 2 ? `Sécurité des réseaux ${i}` : `Pare-feu et chiffrement ${i}`,
    excerpt: `Excerpt n${i} : l'attaque des systèmes industriels`,
    tags,
    publishedAt: i % 7 === 0 ? null : new Date(Date.UTC(2010, 0, 1 + i * 3)).toISOString(),
    category: i % 5 === 0 ? null : { slug: `cat${i % 2}`, name: `Cat ${i % 2}` },
    ...over,
  });
}

describe('catalog coherence: the warm in-memory catalog answers like one loaded cold after every write', () => {
  it('after page writes, tag and rubrique changes, teasers, notes, trash, import and clear', async () => {
    const { store, factory, clock } = testStore();
    const urls = Array.from({ length: 30 }, (_, i) => url(`n${i}`));
    const check = async () => {
      const warm = await answers(store, urls);
      const cold = woken(factory);
      expect(await answers(cold, urls)).toEqual(warm);
      await cold.close();
      const file = await store.exportBackup('t');
      const ratings = new Map(file.notes.map((n) => [n.url, n.rating]));
      for (const [k, u] of urls.entries()) expect(warm.related[k]).toEqual(relatedFromRecords(file.articles, u, 5, ratings));
      expectListsMatch(file.articles, warm);
      return warm;
    };
    await store.indexPages(Array.from({ length: 20 }, (_, i) => articlePage(meta(i))));
    await store.search('warm', 1); // the catalog is loaded now; every later write patches it
    await check();
    // Tags, rubrique, date and title change on existing articles; new ones arrive.
    clock.now += 1000;
    await store.indexPages([
      articlePage(meta(3, { tags: [tag('wifi')], title: 'Chiffrement renommé', category: { slug: 'cat9', name: 'Cat 9' } })),
      ...[20, 21, 22].map((i) => articlePage(meta(i))),
    ]);
    await store.indexPages([listingPage('tag', 'scada', [teaser('n4'), teaser('n25', { title: 'Teaser sécurité' })])]);
    const afterPages = await check();
    expect((await store.getArticle(url('n3')))!.category).toEqual({ slug: 'cat9', name: 'Cat 9' });
    expect(afterPages.related[3]!.every((item) => item.category?.slug !== 'cat9')).toBe(true);
    expect(afterPages.search[0]!.map((h) => h.url)).not.toContain(url('n3'));
    // Notes (search hits and ratings) and the trash.
    await store.saveNote({ url: url('n1'), text: 'Une note sur le pare-feu', rating: 4 });
    await store.saveNote({ url: url('n2'), rating: 2 });
    const withNotes = await check();
    expect(withNotes.search[QUERIES.indexOf('note')]!.some((h) => h.kind === 'note' && h.url === url('n1'))).toBe(true);
    await store.deleteNote(url('n1'));
    await check();
    await store.restoreNote(url('n1'));
    await check();
    // A backup applied on top (new and updated articles), then the index cleared and rebuilt.
    const file = await store.exportBackup('t');
    const more: ArticleRecord[] = [
      { ...file.articles[0]!, url: url('n28'), title: 'Importé : sécurité réseau' },
      { ...file.articles[1]!, tags: [tag('iran')], updatedAt: clock.now + 5 },
    ];
    await store.importBackup(JSON.stringify({ ...file, articles: [...file.articles, ...more].filter((a) => a !== file.articles[1]) }), true);
    await check();
    await store.clearIndex();
    expect((await store.search('securite', 10)).filter((h) => h.kind === 'article')).toEqual([]);
    expect(await store.related(url('n2'))).toEqual([]);
    await store.indexPages([5, 6, 7].map((i) => articlePage(meta(i))));
    await check();
  });

  it('search after a wake gives the same hits as before it (snippets and ratings included)', async () => {
    const { store, factory } = testStore();
    await store.indexPages(Array.from({ length: 12 }, (_, i) => articlePage(meta(i, { excerpt: `${'mot '.repeat(150)} la sécurité du réseau ${i}` }))));
    await store.saveNote({ url: url('n1'), text: 'sécurité à revoir', rating: 3 });
    const before = await store.search('securite reseau', 20);
    expect(before.length).toBeGreaterThan(10);
    expect(before.find((h) => h.kind === 'article' && h.url === url('n1'))).toMatchObject({ rating: 3 });
    expect(before.find((h) => h.kind === 'article')!.snippet).toMatch(/^….*sécurité du réseau/);
    await store.close();
    expect(await woken(factory).search('securite reseau', 20)).toEqual(before);
  });
});

describe('catalog and another context', () => {
  it('is dropped when another context deletes or upgrades the database (versionchange)', async () => {
    const { store, factory } = testStore();
    await store.indexPages([articlePage(meta(1)), articlePage(meta(4))]);
    expect((await store.search('securite', 10)).map((h) => h.url)).toEqual([url('n1')]);
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase('securityvibes-companion');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    const other = woken(factory);
    await other.indexPages([articlePage(meta(3)), articlePage(meta(9, { tags: meta(3).tags }))]);
    await other.close();
    expect((await store.search('securite', 10)).map((h) => h.url).sort()).toEqual([url('n3'), url('n9')]);
    expect((await store.related(url('n3'))).map((r) => r.url)).toEqual([url('n9')]);
  });
});

describe('fast tokenizer', () => {
  const reference = (text: string) => slowNormalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];

  it('gives exactly the words of normalize + a Unicode word regex', () => {
    expect(words("L'Œuvre de Jérôme : SÉCURITÉ, ﬁltrage ² — ΣΟΦΙΑΣ İstanbul e\u0301te\u0301 😀x")).toEqual(
      reference("L'Œuvre de Jérôme : SÉCURITÉ, ﬁltrage ² — ΣΟΦΙΑΣ İstanbul e\u0301te\u0301 😀x"),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(words(text)).toEqual(reference(text));
        expect(normalize(text)).toBe(slowNormalize(text));
      }),
      { numRuns: 3000 },
    );
    const french = fc.string({ unit: fc.constantFrom(..."aeiouéèêëàçôœæßÉÈŒİΣς\u0301\u0327 '’-.1²ﬁ".split('')) });
    fc.assert(
      fc.property(french, (text) => {
        expect(words(text)).toEqual(reference(text));
        expect(normalize(text)).toBe(slowNormalize(text));
      }),
      { numRuns: 3000 },
    );
  });
});
