/**
 * Property: whatever the page, recognise() never throws, its output always passes the PageInfo schema,
 * and no URL in it is anything but http(s). 10,000+ small generated pages: archive-like skeletons
 * (every family's markers) with hostile values spliced in, then mutated (cut, duplicated, shuffled).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageInfo } from '../../../lib/model/page-info';
import { recognise } from '../../../lib/archive/recognise';
import { linkedomDoc, urlsOf } from './helpers';

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '&amp;lt;',
    '&#0;',
    '\u202E',
    '\u0000',
    '"><img src=x>',
    'le 31 février 2010',
    '24 mars 2010 à 25h99',
    'Étiquettes : ,,;;',
    "auteur de l'article , dans la rubrique ",
    'A'.repeat(700),
  ),
);
const hostileHref = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    ' JAVASCRIPT:x',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example/x',
    '/tag/%zz/',
    '/tag//',
    '/category/a b/',
    'http://[::1',
    'https://web.archive.org/web/1/javascript:alert(1)',
    '/web/2010/data:x',
    '?p=99999999999',
    '/page/0/',
    '#x',
    '',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 30 }).map((s) => `/tag/${s}/`),
);
const bodyClass = fc.constantFrom(
  'single postid-12',
  'home blog',
  'archive tag tag-apt',
  'archive category category-menaces',
  'archive date',
  'author author-x',
  'search search-results',
  'error404',
  'page page-id-3',
  '',
);
const pageUrl = fc.oneof(
  fc.constantFrom(
    'http://www.securityvibes.fr/menaces/x/',
    'http://www.securityvibes.fr/tag/apt/page/2/',
    'https://web.archive.org/web/2010/http://securityvibes.fr/',
    'http://magazine.qualys.fr/?s=x',
    'javascript:alert(1)',
    'http://mirror.example/x/',
    '',
  ),
  fc.webUrl(),
);

const skeleton = fc
  .record({
    cls: bodyClass,
    title: hostileText,
    author: hostileText,
    tag: hostileText,
    href: hostileHref,
    href2: hostileHref,
    date: hostileText,
    text: hostileText,
    posts: fc.integer({ min: 0, max: 3 }),
  })
  .map((v) => {
    const post = `<article id="post-7" class="post-7 post type-post status-publish hentry tag-${v.tag.slice(0, 10)} category-x"><h2 class="entry-title"><a href="${v.href}" rel="bookmark">${v.title}</a></h2>
<p class="meta">auteur de l'article ${v.author}, dans la rubrique <a href="${v.href2}">${v.tag}</a></p><time datetime="${v.date}">${v.date}</time><abbr class="published" title="${v.date}">x</abbr>
<div class="entry-content"><p>${v.text}</p></div><p>Étiquettes : <a href="${v.href}" rel="tag">${v.tag}</a>, ${v.tag}</p></article>`;
    return `<html><head><title>${v.title} | SecurityVibes</title><link rel="canonical" href="${v.href2}"><meta property="og:url" content="${v.href}">
<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"${v.title.replace(/["\\]/g, '')}","datePublished":"${v.date.replace(/["\\]/g, '')}","keywords":"${v.tag.replace(/["\\]/g, '')}"}]}</script></head>
<body class="${v.cls}"><div id="content">${post.repeat(v.posts)}<div class="navigation"><a href="${v.href2}">Articles plus anciens</a></div></div>
<div id="sidebar"><a href="${v.href}">${v.tag}</a></div><div id="footer">Ce site est une archive des messages à SecurityVibes.</div></body></html>`;
  });

/** Mutations that real saved pages suffer: truncation, duplication, spliced garbage, shuffled chunks. */
const mutated = fc.tuple(skeleton, fc.integer({ min: 0, max: 4 }), fc.nat(), fc.nat(), fc.string({ maxLength: 20 })).map(([html, kind, a, b, junk]) => {
  const i = a % (html.length + 1);
  const j = b % (html.length + 1);
  switch (kind) {
    case 0:
      return html.slice(0, i);
    case 1:
      return html.slice(0, i) + html.slice(Math.min(i, j));
    case 2:
      return html.slice(0, i) + junk + html.slice(i);
    case 3:
      return html.slice(j) + html.slice(0, j);
    default:
      return html;
  }
});

describe('recognise() on generated and mutated pages', () => {
  it('never throws, is always schema-valid, and returns only http(s) URLs (10,000 pages)', () => {
    fc.assert(
      fc.property(mutated, pageUrl, fc.boolean(), (html, url, anyHost) => {
        const info = recognise(linkedomDoc(html), url, { anyHost });
        expect(PageInfo.safeParse(info).success).toBe(true);
        for (const u of urlsOf(info)) expect(u).toMatch(/^https?:\/\//);
      }),
      { numRuns: 10_000 },
    );
  }, 600_000);
});
