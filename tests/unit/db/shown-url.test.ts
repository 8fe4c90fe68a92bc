/**
 * Issue 11, must-have 8: an article whose site declared its address with https is one record with its
 * http copy (keyed by the scheme-folded URL) but is shown and opened with https everywhere the reader
 * meets it: the record, related items, browse, search hits and the notes library — from a warm catalog
 * and from one loaded again from the digest — and through a backup file.
 */
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../lib/db';
import { shownUrl } from '../../../lib/model';
import { articleMeta, articlePage, listingPage, tag, teaser, testStore, url } from './helpers';

const SECURE = url('declared-https');
const SECURE_SHOWN = SECURE.replace(/^http:/, 'https:');

describe('the address shown keeps the https the site declared (issue 11)', () => {
  it('carries https through record, related, browse, search and notes; teasers never drop it', async () => {
    const { store, factory } = testStore();
    await store.indexPages([
      articlePage(articleMeta('declared-https', { tags: [tag('apt')], title: 'Heartbleed en clair', https: true })),
      articlePage(articleMeta('plain', { tags: [tag('apt')], title: 'Heartbleed chiffré' })),
    ]);
    await store.indexPages([listingPage('tag', 'apt', [teaser('declared-https'), teaser('plain')])]);
    await store.saveNote({ url: SECURE, text: 'à relire', rating: 4 });
    const record = await store.getArticle(SECURE);
    expect(record?.url).toBe(SECURE);
    expect(record?.https).toBe(true);
    expect(shownUrl(record!)).toBe(SECURE_SHOWN);
    expect((await store.getArticle(url('plain')))?.https).toBeUndefined();

    const check = async (s: typeof store) => {
      expect((await s.related(url('plain'))).map(shownUrl)).toEqual([SECURE_SHOWN]);
      expect((await s.related(SECURE)).map(shownUrl)).toEqual([url('plain')]);
      expect((await s.browse('tag', 'apt', 0, 10)).items.map(shownUrl).sort()).toEqual([url('plain'), SECURE_SHOWN].sort());
      const hits = await s.search('heartbleed', 10);
      // The article's hit and the note's (it carries the article's title) alike.
      expect(
        hits
          .filter((hit) => hit.url === SECURE)
          .map((hit) => `${hit.kind} ${shownUrl(hit)}`)
          .sort(),
      ).toEqual([`article ${SECURE_SHOWN}`, `note ${SECURE_SHOWN}`]);
      expect(hits.filter((hit) => hit.url === url('plain')).map(shownUrl)).toEqual([url('plain')]);
      expect((await s.listNotes({ sort: 'updated', offset: 0, limit: 10 })).items.map(shownUrl)).toEqual([SECURE_SHOWN]);
    };
    await check(store);
    await check(createStore(factory)); // a worker woken up: catalog loaded from the digest

    const copy = testStore().store;
    await copy.importBackup(JSON.stringify(await store.exportBackup('t')), true);
    await check(copy);
  });

  it('the article page has the last word: https declared, then no longer declared', async () => {
    const { store } = testStore();
    await store.indexPages([articlePage(articleMeta('declared-https', { https: true }))]);
    expect((await store.getArticle(SECURE))?.https).toBe(true);
    await store.indexPages([articlePage(articleMeta('declared-https'))]);
    expect((await store.getArticle(SECURE))?.https).toBeUndefined();
  });
});
