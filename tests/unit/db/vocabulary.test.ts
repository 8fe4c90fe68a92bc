/**
 * The site vocabulary (issue 11): pending classes never shown as tags and resolved when the vocabulary
 * learns their term, slug-made names replaced, the article's own page over teasers — in the in-memory
 * index the CLI builds; the extension's IndexedDB store keeps pending classes out of the tags (it does
 * not store the vocabulary yet, so it does not resolve them later).
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
  it('the extension store keeps an unresolved post_class class pending, never a tag', async () => {
    const { store } = testStore();
    await store.indexPages([
      articlePage(articleMeta('a', { tags: [tag('apt')] })),
      listingPage('home', null, [teaser('b', { tags: [tag('apt')], tagsKnown: true, pending: ['scurit'] })]),
    ]);
    // Nothing has named the tag whose class is `scurit`: b keeps it as evidence, and no tag 'scurit' exists.
    const b = await store.getArticle(url('b'));
    expect(b?.tags.map((t) => t.slug)).toEqual(['apt']);
    expect(b?.pending).toEqual(['scurit']);
    expect((await store.tagStats(10)).map((t) => t.slug)).not.toContain('scurit');
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

  it('the article page gives the tags: teaser tags read before it go, its tag page\'s membership stays', async () => {
    const { store } = testStore();
    await store.indexPages([
      listingPage('home', null, [teaser('e', { tags: [tag('x')], tagsKnown: true })]),
      listingPage('tag', 'y', [teaser('e')]),
    ]);
    await store.indexPages([articlePage(articleMeta('e', { tags: [tag('z')] }))]);
    expect((await store.getArticle(url('e')))?.tags.map((t) => t.slug).sort()).toEqual(['y', 'z']);
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
    url: url('r'), postId: null, title: 'R', author: null, category: null, tags: [], publishedAt: null, excerpt: '',
    tagsComplete: true, detail: 'teaser' as const, firstSeenAt: 1, updatedAt: 1,
  };
}
