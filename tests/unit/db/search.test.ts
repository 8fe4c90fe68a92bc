import { describe, expect, it } from 'vitest';
import { normalize, queryTerms, SearchIndex } from '../../../lib/db';
import { articleMeta, articlePage, testStore, url } from './helpers';

describe('text normalisation', () => {
  it('folds accents, case and ligatures', () => {
    expect(normalize('Sécurité ÉTÉ Œuvre')).toBe('securite ete oeuvre');
    expect(queryTerms("L'attaques des SCADA")).toEqual(['attaque', 'scada']);
    expect(queryTerms('the')).toEqual(['the']);
  });
});

describe('search', () => {
  const docs = () => {
    const index = new SearchIndex();
    index.upsert({
      kind: 'article',
      url: url('a'),
      title: 'La sécurité des SCADA',
      body: 'Les réseaux industriels',
      rating: null,
      publishedAt: '2010-01-01T00:00:00Z',
    });
    index.upsert({
      kind: 'article',
      url: url('b'),
      title: 'Chiffrement',
      body: 'La sécurité du chiffrement des données',
      rating: null,
      publishedAt: '2011-01-01T00:00:00Z',
    });
    index.upsert({ kind: 'article', url: url('c'), title: 'Security in the cloud', body: 'English article about attacks', rating: null, publishedAt: null });
    index.upsert({ kind: 'note', url: url('d'), title: 'Mon article', body: 'penser à relire la partie sécurité', rating: 4, publishedAt: null });
    return index;
  };

  it('is accent- and case-insensitive, title matches rank first', () => {
    const hits = docs().search('SECURITE', 10);
    expect(hits.map((h) => h.url)).toEqual([url('a'), url('d'), url('b')]);
    expect(hits[1]).toMatchObject({ kind: 'note', rating: 4 });
  });

  it('matches prefixes and plural forms, French and English', () => {
    expect(
      docs()
        .search('chiffr', 10)
        .map((h) => h.url),
    ).toEqual([url('b')]);
    expect(
      docs()
        .search('attacks', 10)
        .map((h) => h.url),
    ).toEqual([url('c')]);
    expect(
      docs()
        .search('industriel', 10)
        .map((h) => h.url),
    ).toEqual([url('a')]);
  });

  it('needs every term when some document has them all, else the best partial matches', () => {
    expect(
      docs()
        .search('sécurité scada', 10)
        .map((h) => h.url),
    ).toEqual([url('a')]);
    expect(
      docs()
        .search('scada zzzz', 10)
        .map((h) => h.url),
    ).toEqual([url('a')]);
    expect(docs().search('   ', 10)).toEqual([]);
  });

  it('updates and removals take effect; limit respected', () => {
    const index = docs();
    index.remove('article', url('a'));
    index.upsert({ kind: 'article', url: url('b'), title: 'Renamed', body: 'nothing', rating: null, publishedAt: null });
    expect(index.search('securite', 10).map((h) => h.url)).toEqual([url('d')]);
    expect(docs().search('securite', 1)).toHaveLength(1);
  });

  it('through the store: articles and notes, kept fresh after writes', async () => {
    const { store } = testStore();
    await store.indexPages([articlePage(articleMeta('a', { title: 'Sécurité informatique' }))]);
    expect((await store.search('securite', 10)).map((h) => h.kind)).toEqual(['article']);
    await store.saveNote({ url: url('a'), text: 'une réflexion sur le pare-feu', rating: 5 });
    await store.indexPages([articlePage(articleMeta('b', { title: 'Pare-feu applicatif' }))]);
    expect((await store.search('pare feu', 10)).map((h) => [h.kind, h.url])).toEqual([
      ['article', url('b')],
      ['note', url('a')],
    ]);
    await store.deleteNote(url('a'));
    expect(await store.search('reflexion', 10)).toEqual([]);
    expect((await store.search('securite', 10))[0]).toMatchObject({ url: url('a'), rating: null });
  });
});
