import { describe, expect, it } from 'vitest';
import { archiveFactsOnly, archiveTabPlace, belongsToArchive } from '../../../lib/archive/archive-tab';
import type { PageInfo } from '../../../lib/model';

const ARTICLE = 'http://www.securityvibes.fr/menaces/un-article/';
const WAYBACK = `https://web.archive.org/web/20100324102000/${ARTICLE}`;

describe('archiveTabPlace: where a tab address is, from the browser-reported URL only', () => {
  it.each([
    [ARTICLE, false, 'archive'],
    ['https://securityvibes.fr/tag/apt/', false, 'archive'],
    ['http://MAGAZINE.QUALYS.FR./x/', false, 'archive'],
    [WAYBACK, true, 'wayback'],
    [WAYBACK, false, null],
    [`http://web.archive.org/web/2010/${ARTICLE}`, true, null],
    ['https://web.archive.org/web/2010/https://evil.example/', true, null],
    ['https://evil.example/?u=http://www.securityvibes.fr/', true, null],
    ['https://www.securityvibes.fr.evil.example/', true, null],
    ['http://user:pw@www.securityvibes.fr/', false, null],
    ['file:///www.securityvibes.fr/a.html', true, null],
    ['not a url', true, null],
    [`http://www.securityvibes.fr/${'x'.repeat(5000)}`, false, null],
  ] as const)('%s (wayback on: %s) → %s', (url, waybackEnabled, place) => {
    expect(archiveTabPlace(url, { waybackEnabled })).toBe(place);
  });

  it('never throws on junk', () => {
    expect(archiveTabPlace(undefined, { waybackEnabled: true })).toBeNull();
    expect(archiveTabPlace(null, { waybackEnabled: true })).toBeNull();
  });
});

describe('archiveFactsOnly: what a content script may put in the index', () => {
  const page = (over: Partial<PageInfo>): PageInfo => ({
    kind: 'tag',
    url: 'http://www.securityvibes.fr/tag/apt/',
    reason: null,
    article: null,
    listing: [],
    subject: null,
    next: null,
    ...over,
  });
  const teaser = (url: string) => ({ url, title: 't', postId: null, tags: [], tagsKnown: false, category: null, publishedAt: null });

  it('refuses a page whose canonical URL is not on the archive', () => {
    expect(archiveFactsOnly(page({ url: 'https://evil.example/tag/apt/' }))).toBeNull();
    expect(archiveFactsOnly(page({ url: null }))).toBeNull();
    expect(belongsToArchive('https://evil.example/')).toBe(false);
    expect(belongsToArchive(WAYBACK)).toBe(true);
  });

  it('refuses an archive page that describes an article elsewhere', () => {
    const article = {
      url: 'https://evil.example/a/',
      postId: null,
      title: 'x',
      author: null,
      category: null,
      tags: [],
      publishedAt: null,
      excerpt: '',
      sources: {},
    };
    expect(archiveFactsOnly(page({ kind: 'article', url: ARTICLE, article }))).toBeNull();
  });

  it('drops listing entries and a next link off the archive, keeps the rest as is', () => {
    const kept = page({ listing: [teaser(ARTICLE), teaser('https://evil.example/b/')], next: 'https://evil.example/page/2/' });
    expect(archiveFactsOnly(kept)).toEqual({ ...kept, listing: [teaser(ARTICLE)], next: null });
    const clean = page({ listing: [teaser(ARTICLE)] });
    expect(archiveFactsOnly(clean)).toBe(clean);
  });
});
