import { describe, expect, it } from 'vitest';
import { createStore, openDatabase } from '../../../lib/db';
import { articleMeta, articlePage, listingPage, tag, teaser, testStore, url } from './helpers';

describe('article index: upsert and merge', () => {
  it('indexes an article page and reads it back', async () => {
    const { store } = testStore();
    const result = await store.indexPages([articlePage(articleMeta('a', { tags: [tag('apt'), tag('virus')] }))]);
    expect(result).toMatchObject({ indexed: 1, added: 1, updated: 0, articles: 1 });
    const record = await store.getArticle(url('a'));
    expect(record).toMatchObject({ title: 'Title a', detail: 'article', tagsComplete: true, tags: [tag('apt'), tag('virus')] });
    expect(record).not.toHaveProperty('id');
  });

  it('a teaser never erases richer fields learnt from the article page', async () => {
    const { store, clock } = testStore();
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('apt')], excerpt: 'Rich excerpt' }))]);
    clock.now += 1000;
    await store.indexPages([listingPage('home', null, [teaser('a', { title: 'Short title', publishedAt: null })])]);
    const record = await store.getArticle(url('a'));
    expect(record).toMatchObject({ title: 'Title a', excerpt: 'Rich excerpt', detail: 'article', author: 'Jérôme', publishedAt: '2010-03-24T10:20:00+01:00' });
  });

  it('the article page fills in and overrides what teasers said', async () => {
    const { store } = testStore();
    await store.indexPages([listingPage('home', null, [teaser('a', { title: 'Teaser title' })])]);
    expect(await store.getArticle(url('a'))).toMatchObject({ detail: 'teaser', tagsComplete: false, excerpt: '' });
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('apt')] }))]);
    expect(await store.getArticle(url('a'))).toMatchObject({ detail: 'article', title: 'Title a', tagsComplete: true, excerpt: 'Excerpt of a' });
  });

  it('tag membership learnt from a tag page is added even when the teaser carries no tags', async () => {
    const { store } = testStore();
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('apt')] }))]);
    await store.indexPages([listingPage('tag', 'scada', [teaser('a'), teaser('b')])]);
    expect((await store.getArticle(url('a')))!.tags.map((t) => t.slug)).toEqual(['apt', 'scada']);
    expect((await store.getArticle(url('b')))!.tags.map((t) => t.slug)).toEqual(['scada']);
    const browse = await store.browse('tag', 'scada', 0, 10);
    expect(browse.total).toBe(2);
    expect(browse.subject).toEqual({ slug: 'scada', name: 'SCADA' });
  });

  it('a rubrique page teaches the rubrique of teasers that lack one', async () => {
    const { store } = testStore();
    await store.indexPages([listingPage('category', 'dossiers', [teaser('a')])]);
    expect((await store.getArticle(url('a')))!.category?.slug).toBe('dossiers');
  });

  it('re-indexing is idempotent: same records, same timestamps, counted as kept', async () => {
    const { store, clock } = testStore();
    const page = articlePage(articleMeta('a', { tags: [tag('apt')] }));
    await store.indexPages([page]);
    const first = await store.getArticle(url('a'));
    clock.now += 60_000;
    const again = await store.indexPages([page, listingPage('tag', 'apt', [teaser('a')])]);
    expect(again).toMatchObject({ added: 0, updated: 0, articles: 1 });
    expect(await store.getArticle(url('a'))).toEqual(first);
    expect(await store.tagStats(10)).toEqual([{ slug: 'apt', name: 'APT', count: 1 }]);
  });

  it('browse lists newest first, paged, with undated last', async () => {
    const { store } = testStore();
    const dates = ['2009-01-01T00:00:00Z', '2011-01-01T00:00:00Z', null, '2010-01-01T00:00:00Z'];
    await store.indexPages(dates.map((d, i) => articlePage(articleMeta(`a${i}`, { tags: [tag('x')], publishedAt: d }))));
    const first = await store.browse('tag', 'x', 0, 2);
    const second = await store.browse('tag', 'x', 2, 2);
    expect([...first.items, ...second.items].map((r) => r.url)).toEqual([url('a1'), url('a3'), url('a0'), url('a2')]);
    expect(first.total).toBe(4);
    expect((await store.browse('category', 'actualites', 0, 10)).total).toBe(4);
    expect(await store.browse('tag', 'nothing', 0, 10)).toEqual({ subject: null, items: [], total: 0 });
  });

  it('tag stats, counts, status and clearing the index (notes survive)', async () => {
    const { store } = testStore();
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('apt'), tag('virus')] })), articlePage(articleMeta('b', { tags: [tag('virus')] }))]);
    await store.saveNote({ url: url('a'), text: 'keep me' });
    expect(await store.tagStats(10)).toEqual([
      { slug: 'virus', name: 'VIRUS', count: 2 },
      { slug: 'apt', name: 'APT', count: 1 },
    ]);
    expect(await store.countIndexed([url('a'), url('b'), url('zzz'), url('a')])).toBe(2);
    expect(await store.indexStatus()).toMatchObject({ articles: 2, tags: 2, notes: 1, trash: 0 });
    expect(await store.clearIndex()).toBe(2);
    expect(await store.indexStatus()).toMatchObject({ articles: 0, tags: 0, notes: 1 });
    expect(await store.getNote(url('a'))).toMatchObject({ text: 'keep me' });
  });

  it('a category change moves the article between rubrique postings', async () => {
    const { store } = testStore();
    await store.indexPages([listingPage('home', null, [teaser('a', { category: { slug: 'old', name: 'Old' } })])]);
    await store.indexPages([articlePage(articleMeta('a', { category: { slug: 'new', name: 'New' } }))]);
    expect((await store.browse('category', 'old', 0, 10)).total).toBe(0);
    expect((await store.browse('category', 'new', 0, 10)).total).toBe(1);
  });

  it('meta counts the articles of every tag through rewrites, merges and imports, as the index status and a wake see them', async () => {
    const { store, factory } = testStore();
    /** The stored tag counts beside the counts of the stored articles themselves. */
    const counts = async () => {
      const db = await openDatabase(factory);
      const stored = new Map([...(await db.get('meta', 'meta'))!.tags].map(([slug, tally]) => [slug, tally.count]));
      db.close();
      const truth = new Map<string, number>();
      for (const article of (await store.exportBackup('t')).articles)
        for (const slug of new Set(article.tags.map((t) => t.slug))) truth.set(slug, (truth.get(slug) ?? 0) + 1);
      return { stored, truth };
    };
    await store.indexPages([articlePage(articleMeta('a', { tags: [tag('x'), tag('y')] })), articlePage(articleMeta('b', { tags: [tag('y'), tag('y')] }))]);
    await store.indexPages([articlePage(articleMeta('a', { title: 'Retitled', tags: [tag('z')] }))]);
    await store.indexPages([listingPage('tag', 'w', [teaser('b'), teaser('c')])]);
    const file = await store.exportBackup('t');
    await store.importBackup(JSON.stringify({ ...file, articles: [...file.articles, { ...file.articles[0]!, url: url('d') }] }), true);
    const { stored, truth } = await counts();
    expect(stored).toEqual(truth);
    // The article page's own tags win on a rewrite (issue 11: a's second page says [z], so x and y go); the
    // tag page's membership (w for b and c) is added; d is a copy of a.
    expect(stored).toEqual(
      new Map([
        ['y', 1],
        ['z', 2],
        ['w', 2],
      ]),
    );
    expect((await store.indexStatus()).tags).toBe(3);
    await store.close();
    const woken = createStore(factory);
    expect(new Map((await woken.tagStats(10)).map((t) => [t.slug, t.count]))).toEqual(stored);
  });
});
