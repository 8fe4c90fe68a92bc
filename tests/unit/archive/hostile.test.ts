import { describe, expect, it } from 'vitest';
import { PageInfo } from '../../../lib/model/page-info';
import { LIMITS } from '../../../lib/model/limits';
import { page, recogniseHtml, urlsOf } from './helpers';

const ARTICLE = 'http://www.securityvibes.fr/alertes/faille-xss/';

describe('hostile pages', () => {
  it('scripts and entities in title/author/tags stay inert text; javascript:/data:/vbscript: tag links are dropped', () => {
    const info = recogniseHtml(page('hostile-article.html'), ARTICLE);
    expect(PageInfo.safeParse(info).success).toBe(true);
    const article = info.article;
    expect(article?.title).toBe('Faille <b>XSS</b> dans "WordPress"');
    expect(article?.title).not.toContain('pwned');
    expect(article?.excerpt).not.toContain('alert(5)');
    expect(article?.tags.map((t) => t.slug)).not.toContain('piege');
    expect(article?.tags.find((t) => t.slug === 'xss')?.name).toBe('XSS<script>');
    expect(urlsOf(info).every((u) => /^https?:\/\//.test(u))).toBe(true);
    expect(JSON.stringify(info)).not.toMatch(/javascript:|data:text|vbscript:/i);
  });

  it('strips bidi overrides and control characters from text', () => {
    const html = `<html><head><title>A\u202Egpj.exe\u0007 B | SecurityVibes</title></head><body class="single"><div class="post" id="post-5"><p>x</p></div></body></html>`;
    const info = recogniseHtml(html, ARTICLE);
    expect(info.article?.title).toBe('A gpj.exe B');
  });

  it('caps tags (≤ 100), listing items (≤ 200) and text lengths', () => {
    const tags = Array.from({ length: 300 }, (_, i) => `<a href="/tag/t${i}/" rel="tag">${'N'.repeat(i === 0 ? 5000 : 5)}${i}</a>`).join(', ');
    const longTitle = 'T'.repeat(20_000);
    const article = `<html><body class="single"><div class="post" id="post-9"><h1 class="entry-title">${longTitle}</h1><p>${tags}</p><span class="author">${'A'.repeat(5000)}</span></div></body></html>`;
    const info = recogniseHtml(article, ARTICLE);
    expect(PageInfo.safeParse(info).success).toBe(true);
    expect(info.article?.tags.length).toBe(LIMITS.tagsPerArticle);
    expect(info.article?.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(info.article?.author).toBeNull();

    const teasers = Array.from(
      { length: 450 },
      (_, i) => `<div class="post type-post status-publish post-${i + 1}" id="post-${i + 1}"><h2><a href="/actualites/a-${i}/">Article ${i}</a></h2></div>`,
    ).join('');
    const listing = recogniseHtml(`<html><body class="home"><div id="content">${teasers}</div></body></html>`, 'http://www.securityvibes.fr/');
    expect(listing.kind).toBe('home');
    expect(listing.listing.length).toBe(LIMITS.listingItems);
  });

  it('survives unclosed tags and broken nesting', () => {
    const html =
      '<html><body class="single"><div class="post" id="post-3"><h1 class="entry-title">Titre <b><i>cassé</div></span><p>texte <a href="/tag/x/" rel="tag">x<p><p><table><td>le 24 mars 2010';
    const info = recogniseHtml(html, ARTICLE);
    expect(PageInfo.safeParse(info).success).toBe(true);
    expect(info.kind).toBe('article');
  });

  it('a 3 MB page (wide) is recognised quickly', () => {
    const filler = Array.from(
      { length: 12_000 },
      (_, i) => `<p class="c${i % 7}">Paragraphe ${i} <a href="/tag/t${i % 500}/">t${i % 500}</a> le ${1 + (i % 28)} mars 2010</p>`,
    ).join('\n');
    const html = page('classic-article.html').replace('<div id="comments">', `<div id="comments">${filler}`);
    expect(html.length).toBeGreaterThan(900_000);
    const big = html + `<!-- ${'x'.repeat(3_000_000 - html.length)} -->`;
    expect(big.length).toBeGreaterThanOrEqual(3_000_000);
    const info = recogniseHtml(big, 'http://www.securityvibes.fr/menaces/stuxnet-iran-confirme/');
    expect(info.kind).toBe('article');
    expect(info.article?.tags.map((t) => t.slug)).toEqual(['iran', 'scada', 'stuxnet']);
  });

  it('a deeply nested page (20,000 levels) neither overflows the stack nor throws', () => {
    const depth = 20_000;
    const html = `<html><body class="single"><div class="post" id="post-1"><h1 class="entry-title">Profond</h1>${'<div>'.repeat(depth)}<a href="/tag/deep/" rel="tag">deep</a>le 1er janvier 2001${'</div>'.repeat(depth)}</div></body></html>`;
    const info = recogniseHtml(html, ARTICLE);
    expect(PageInfo.safeParse(info).success).toBe(true);
    expect(info.article?.title).toBe('Profond');
    // Content nested deeper than the scope limit is not trusted as the article's.
    expect(info.article?.tags).toEqual([]);
  });

  it('never throws on a broken document object', () => {
    const broken = {
      documentElement: {},
      querySelector: () => {
        throw new Error('boom');
      },
    } as unknown as Document;
    const info = recogniseHtml('', ARTICLE);
    expect(PageInfo.safeParse(info).success).toBe(true);
    expect(() => recogniseHtml('<html>', ARTICLE)).not.toThrow();
    return import('../../../lib/archive/recognise').then(({ recognise }) => {
      const result = recognise(broken, ARTICLE);
      expect(result.kind).toBe('not-archive');
      expect(result.reason).toMatch(/boom|failed/);
    });
  });
});
