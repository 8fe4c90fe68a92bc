/**
 * The site vocabulary in the store (issue 11): pending classes resolved when the vocabulary learns
 * their term (related lists follow without a re-crawl), slug-made names replaced everywhere, the
 * article's own page over teasers, and the same answers from the in-memory index the CLI builds.
 */
import { describe, expect, it } from 'vitest';
import { MemoryIndex } from '../../../lib/db/memory-index';
import { repairRecord, SiteVocabulary } from '../../../lib/db/vocabulary';
import type { PageInfo, VocabFact } from '../../../lib/model';
import { articleMeta, articlePage, listingPage, tag, teaser, testStore, url } from './helpers';

const SECURITE = { slug: 's%c3%a9curit%c3%a9', name: 'sécurité' };
const withVocabulary = (page: PageInfo, facts: VocabFact[]): PageInfo => ({ ...page, vocabulary: facts });
const cloud = (term: { slug: string; name: string }): VocabFact => ({ kind: 'tag', ...term, via: 'cloud' });

describe('site vocabulary in the store (issue 11)', () => {
  it('keeps an unresolved post_class class pending (never a tag), then resolves it when a later page teaches the term', async () => {
    const { store } = testStore();
    await store.indexPages([
      articlePage(articleMeta('a', { tags: [tag('apt')] })),
      listingPage('home', null, [teaser('b', { tags: [tag('apt')], tagsKnown: true, pending: ['scurit'] })]),
    ]);
    // Nothing has named the tag whose class is `scurit` yet: b waits.
    let b = await store.getArticle(url('b'));
    expect(b?.tags.map((t) => t.slug)).toEqual(['apt']);
    expect(b?.pending).toEqual(['scurit']);
    expect((await store.tagStats(10)).map((t) => t.slug)).not.toContain('scurit');

    // A page whose tag cloud names sécurité: b gets the tag in the same transaction, related lists follow.
    await store.indexPages([withVocabulary(articlePage(articleMeta('c', { tags: [SECURITE, tag('apt')] })), [cloud(SECURITE)])]);
    b = await store.getArticle(url('b'));
    expect(b?.tags.map((t) => t.slug).sort()).toEqual(['apt', SECURITE.slug]);
    expect(b?.pending).toBeUndefined();
    const related = await store.related(url('b'));
    expect(related[0]?.url).toBe(url('c'));
    expect(related[0]?.sharedTags.map((t) => t.slug).sort()).toEqual(['apt', SECURITE.slug]);
    expect((await store.browse('tag', SECURITE.slug, 0, 10)).total).toBe(2);
  });

  it('replaces a name made from a slug everywhere once a page shows the real one', async () => {
    const { store } = testStore();
    const slugNamed = { slug: 'vie-privee', name: 'vie privee' };
    await store.indexPages([listingPage('category', null, [teaser('c', { category: slugNamed }), teaser('d', { category: slugNamed })])]);
    expect((await store.getArticle(url('c')))?.category).toEqual(slugNamed);
    await store.indexPages([withVocabulary(listingPage('home', null, []), [{ kind: 'category', slug: 'vie-privee', name: 'Vie privée', via: 'widget' }])]);
    for (const slug of ['c', 'd']) expect((await store.getArticle(url(slug)))?.category).toEqual({ slug: 'vie-privee', name: 'Vie privée' });
    expect((await store.browse('category', 'vie-privee', 0, 10)).subject).toEqual({ slug: 'vie-privee', name: 'Vie privée' });
    const exported = await store.exportBackup('t');
    expect(exported.vocabulary).toContainEqual({ kind: 'category', slug: 'vie-privee', name: 'Vie privée', via: 'widget' });
  });

  it("the article page gives the tags: teaser tags read before it go, its tag page's membership stays", async () => {
    const { store } = testStore();
    await store.indexPages([listingPage('home', null, [teaser('e', { tags: [tag('x')], tagsKnown: true })]), listingPage('tag', 'y', [teaser('e')])]);
    await store.indexPages([articlePage(articleMeta('e', { tags: [tag('z')] }))]);
    expect((await store.getArticle(url('e')))?.tags.map((t) => t.slug).sort()).toEqual(['y', 'z']);
  });

  it('the in-memory index replaces a name made from a slug everywhere once a page shows the real one', () => {
    const index = new MemoryIndex();
    const slugNamed = { slug: 'vie-privee', name: 'vie privee' };
    index.addPage(listingPage('category', null, [teaser('c', { category: slugNamed }), teaser('d', { category: slugNamed })]), 1);
    index.settle();
    expect(index.records.get(url('c'))?.category).toEqual(slugNamed);
    index.addPage(withVocabulary(listingPage('home', null, []), [{ kind: 'category', slug: 'vie-privee', name: 'Vie privée', via: 'widget' }]), 2);
    index.settle();
    for (const slug of ['c', 'd']) expect(index.records.get(url(slug))?.category).toEqual({ slug: 'vie-privee', name: 'Vie privée' });
  });

  it('a renamed tag is renamed in its records, the catalog (browse, related chips) and the tag statistics in that write', async () => {
    const { store } = testStore();
    const slugNamed = { slug: 'ingenierie-sociale', name: 'ingenierie sociale' };
    await store.indexPages([
      listingPage('home', null, [teaser('f', { tags: [slugNamed], tagsKnown: true }), teaser('g', { tags: [slugNamed], tagsKnown: true })]),
    ]);
    expect((await store.tagStats(10)).find((t) => t.slug === slugNamed.slug)?.name).toBe('ingenierie sociale');
    await store.related(url('f')); // the catalog is loaded, so the write must patch it
    await store.indexPages([withVocabulary(listingPage('home', null, []), [{ kind: 'tag', slug: slugNamed.slug, name: 'Ingénierie sociale', via: 'cloud' }])]);
    const real = { slug: slugNamed.slug, name: 'Ingénierie sociale' };
    expect((await store.getArticle(url('g')))?.tags).toEqual([real]);
    expect((await store.related(url('f')))[0]).toMatchObject({ url: url('g'), sharedTags: [real] });
    expect((await store.browse('tag', real.slug, 0, 10)).subject).toEqual(real);
    expect((await store.tagStats(10)).find((t) => t.slug === real.slug)).toEqual({ ...real, count: 2 });
  });

  it('the in-memory index (sv-companion index / crawl) gives the same records', () => {
    const index = new MemoryIndex();
    index.addPage(articlePage(articleMeta('a', { tags: [tag('apt')] })), 1);
    index.addPage(listingPage('home', null, [teaser('b', { tagsKnown: true, pending: ['scurit'] })]), 1);
    index.settle();
    expect(index.records.get(url('b'))?.pending).toEqual(['scurit']);
    index.addPage(withVocabulary(listingPage('home', null, []), [cloud(SECURITE)]), 2);
    index.settle();
    expect(index.records.get(url('b'))?.tags).toEqual([SECURITE]);
    expect(index.records.get(url('b'))?.pending).toBeUndefined();
  });

  it('repairRecord: an ambiguous class stays pending; a phantom tag next to its real term goes', () => {
    const vocabulary = new SiteVocabulary([
      { kind: 'tag', slug: 's%c3%a9curit%c3%a9', name: 'sécurité', via: 'cloud' },
      { kind: 'tag', slug: 's%c3%bbcurit%c3%a9', name: 'sûcurité', via: 'cloud' },
    ]);
    const record = { ...teaserRecord(), pending: ['scurit'] };
    expect(repairRecord(record, vocabulary).record.pending).toEqual(['scurit']);
    const single = new SiteVocabulary([{ kind: 'tag', ...SECURITE, via: 'link' }]);
    const phantom = repairRecord({ ...teaserRecord(), detail: 'article', tags: [SECURITE, { slug: 'scurit', name: 'scurit' }] }, single);
    expect(phantom.record.tags).toEqual([SECURITE]);
    expect(phantom.phantoms).toBe(1);
  });
});

function teaserRecord() {
  return {
    url: url('r'),
    postId: null,
    title: 'R',
    author: null,
    category: null,
    tags: [],
    publishedAt: null,
    excerpt: '',
    tagsComplete: true,
    detail: 'teaser' as const,
    firstSeenAt: 1,
    updatedAt: 1,
  };
}
