import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../lib/archive/canonical-url';
import { parseAnyDate, parseFrenchDate, parseFrenchMonth, toParisIso } from '../../../lib/archive/french-date';
import { makeResolver } from '../../../lib/archive/context';
import { bodyClassKind, isStaticOrAttachmentBody, urlShape } from '../../../lib/archive/page-kind';
import { unwrapWayback } from '../../../lib/archive/wayback';
import { DEFAULT_ARCHIVE_HOSTS, isArchiveHost } from '../../../lib/archive/hosts';
import { linkedomDoc } from './helpers';

const iso = (text: string) => {
  const parts = parseAnyDate(text);
  return parts ? toParisIso(parts) : null;
};

describe('french-date', () => {
  it.each([
    ['le 12 juillet 2003', '2003-07-12T00:00:00+02:00'],
    ['24 mars 2010 à 10h20', '2010-03-24T10:20:00+01:00'],
    ['28 mars 2010 à 10h20', '2010-03-28T10:20:00+02:00'], // DST starts on the last Sunday of March
    ['31 octobre 2010 à 9h00', '2010-10-31T09:00:00+01:00'],
    ['12/07/2003', '2003-07-12T00:00:00+02:00'],
    ['1er janvier 2001', '2001-01-01T00:00:00+01:00'],
    ['Publié le 3 janv. 2005', '2005-01-03T00:00:00+01:00'],
    ['MERCREDI 24 MARS 2010', '2010-03-24T00:00:00+01:00'],
    ['le 15 août 2008, 14:05', '2008-08-15T14:05:00+02:00'],
    ['le 15 aout 2008', '2008-08-15T00:00:00+02:00'],
    ['5 déc. 2012', '2012-12-05T00:00:00+01:00'],
    ['2010-09-27T09:15:00+00:00', '2010-09-27T11:15:00+02:00'],
    ['2010-03-24T10:20:00+01:00', '2010-03-24T10:20:00+01:00'],
    ['2014-04-09', '2014-04-09T00:00:00+02:00'],
  ])('%s → %s', (text, expected) => expect(iso(text)).toBe(expected));

  it.each(['31 février 2010', '32 mars 2010', 'version 1.2.10', 'le 12 juillet', '99/99/2010', 'mars'])('rejects %s', (text) => {
    expect(parseFrenchDate(text)).toBeNull();
  });

  it('reads month headings', () => expect(parseFrenchMonth('Archives de août 2003')).toEqual({ y: 2003, mo: 8 }));
});

describe('canonical-url', () => {
  it.each([
    ['HTTPS://WWW.SecurityVibes.FR/actualites/x/?utm_source=a&utm_medium=b#comments', 'http://www.securityvibes.fr/actualites/x/'],
    ['http://securityvibes.fr/actualites/x/', 'http://www.securityvibes.fr/actualites/x/'],
    ['http://www.securityvibes.fr/index.php/2010/03/x/', 'http://www.securityvibes.fr/2010/03/x/'],
    ['http://www.securityvibes.fr/index.php?p=123&fbclid=z', 'http://www.securityvibes.fr/?p=123'],
    ['http://www.securityvibes.fr/x/index.html', 'http://www.securityvibes.fr/x/'],
    ['http://www.securityvibes.fr:80/x/', 'http://www.securityvibes.fr/x/'],
    ['http://www.securityvibes.fr/tag/s%C3%A9curit%C3%A9/', 'http://www.securityvibes.fr/tag/s%c3%a9curit%c3%a9/'],
    ['https://web.archive.org/web/20100324102000id_/http://securityvibes.fr/a/b/', 'http://www.securityvibes.fr/a/b/'],
    ['https://example.org/Path/?q=1#x', 'https://example.org/Path/?q=1'],
    // A post's comment pages and numbered pages are the post; listings' pages, dates and /archives/N are not.
    ['http://www.securityvibes.fr/menaces/x/comment-page-2/#comments', 'http://www.securityvibes.fr/menaces/x/'],
    ['http://www.securityvibes.fr/menaces/x/3/', 'http://www.securityvibes.fr/menaces/x/'],
    ['http://www.securityvibes.fr/2010/03/x/2', 'http://www.securityvibes.fr/2010/03/x/'],
    ['http://www.securityvibes.fr/x/comment-page-12/', 'http://www.securityvibes.fr/x/'],
    ['http://www.securityvibes.fr/?p=123&cpage=2', 'http://www.securityvibes.fr/?p=123'],
    ['http://www.securityvibes.fr/tag/apt/page/2/', 'http://www.securityvibes.fr/tag/apt/page/2/'],
    ['http://www.securityvibes.fr/2010/03/24/', 'http://www.securityvibes.fr/2010/03/24/'],
    ['http://www.securityvibes.fr/archives/123/', 'http://www.securityvibes.fr/archives/123/'],
    ['http://www.securityvibes.fr/menaces/2/', 'http://www.securityvibes.fr/menaces/2/'],
    ['http://www.securityvibes.fr/menaces/x/12345/', 'http://www.securityvibes.fr/menaces/x/12345/'],
    ['https://example.org/blog/x/comment-page-2/', 'https://example.org/blog/x/comment-page-2/'],
  ])('%s → %s', (raw, expected) => expect(canonicalUrl(raw)).toBe(expected));

  it('a link to a comment or numbered page resolves to its post on the fast path too', () => {
    const resolve = makeResolver({
      doc: linkedomDoc('<p>x</p>'),
      loadedFrom: 'http://www.securityvibes.fr/menaces/y/',
      original: 'http://www.securityvibes.fr/menaces/y/',
      hosts: DEFAULT_ARCHIVE_HOSTS,
    });
    for (const href of ['/menaces/x/comment-page-3/', 'http://www.securityvibes.fr/menaces/x/2/', '/menaces/x/'])
      expect(resolve(href)).toBe('http://www.securityvibes.fr/menaces/x/');
    expect(resolve('/2010/03/')).toBe('http://www.securityvibes.fr/2010/03/');
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    'mailto:a@b',
    '',
    'http://',
  ])('refuses %j', (raw) => {
    expect(canonicalUrl(raw, 'http://www.securityvibes.fr/')).toBeNull();
  });

  it('resolves relative links', () =>
    expect(canonicalUrl('../../tag/apt/', 'http://www.securityvibes.fr/actualites/x/')).toBe('http://www.securityvibes.fr/tag/apt/'));
});

describe('wayback and hosts', () => {
  it('unwraps every flag form and the path-only form', () => {
    expect(unwrapWayback('https://web.archive.org/web/20100324102000/http://www.securityvibes.fr/x/')?.original).toBe('http://www.securityvibes.fr/x/');
    expect(unwrapWayback('http://web.archive.org/web/20100324102000im_/http://www.securityvibes.fr/a.png')?.original).toBe('http://www.securityvibes.fr/a.png');
    expect(unwrapWayback('/web/2010*/www.securityvibes.fr/x/')?.original).toBe('http://www.securityvibes.fr/x/');
    expect(unwrapWayback('https://web.archive.org/web/20100324102000/http:/www.securityvibes.fr/x/')?.original).toBe('http://www.securityvibes.fr/x/');
    expect(unwrapWayback('https://www.securityvibes.fr/web/1/x')).toBeNull();
  });
  it('matches hosts in any case, with a trailing dot', () => {
    expect(isArchiveHost('WWW.SECURITYVIBES.FR.')).toBe(true);
    expect(isArchiveHost('evil-securityvibes.fr')).toBe(false);
  });
});

describe('page-kind predicates', () => {
  it.each([
    ['http://www.securityvibes.fr/', 'home', null, 1],
    ['http://www.securityvibes.fr/page/3/', 'home', null, 3],
    ['http://www.securityvibes.fr/tag/apt/page/2/', 'tag', 'apt', 2],
    ['http://www.securityvibes.fr/category/menaces/', 'category', 'menaces', 1],
    ['http://www.securityvibes.fr/menaces/', 'one-segment', 'menaces', 1],
    ['http://www.securityvibes.fr/2010/03/', 'date', '2010-03', 1],
    ['http://www.securityvibes.fr/2010/03/24/', 'date', '2010-03-24', 1],
    ['http://www.securityvibes.fr/2010/03/mon-article/', 'article', 'mon-article', 1],
    ['http://www.securityvibes.fr/author/jerome/', 'author', 'jerome', 1],
    ['http://www.securityvibes.fr/page/2/?s=virus', 'search', 'virus', 2],
    ['http://www.securityvibes.fr/?p=123', 'article', '123', 1],
    ['http://www.securityvibes.fr/?m=201003', 'date', '2010-03', 1],
    ['http://www.securityvibes.fr/menaces/mon-article/', 'article', 'mon-article', 1],
    ['http://www.securityvibes.fr/feed/', 'unknown', null, 1],
    ['http://www.securityvibes.fr/?attachment_id=12', 'unknown', null, 1],
  ])('%s', (url, kind, slug, pageNo) => expect(urlShape(url)).toEqual({ kind, slug, page: pageNo }));

  it('body classes', () => {
    expect(bodyClassKind(['archive', 'date', 'paged'])).toBe('date');
    expect(bodyClassKind(['error404'])).toBe('not-found');
    expect(bodyClassKind(['search', 'search-results'])).toBe('search');
    expect(bodyClassKind(['archive', 'tag', 'tag-apt', 'tag-30'])).toBe('tag');
    expect(bodyClassKind(['single', 'postid-3'])).toBe('article');
    expect(bodyClassKind(['custom'])).toBeNull();
    expect(isStaticOrAttachmentBody(['attachment', 'single', 'single-attachment', 'postid-9', 'attachmentid-9'])).toBe(true);
    expect(isStaticOrAttachmentBody(['page', 'page-id-2', 'page-template-default'])).toBe(true);
    expect(isStaticOrAttachmentBody(['single', 'single-post', 'postid-9'])).toBe(false);
  });
});
