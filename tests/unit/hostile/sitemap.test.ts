/**
 * Sitemaps on hostile input: the linear `<loc>` scan gives the answers the regex scan gave on ordinary
 * files, and the right ones on 5 MB floods. Answers only: timing lives in bench/hostile.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSitemap } from '@/lib/crawl/sitemap';
import { hostileSitemaps } from '@/tests/fixtures/hostile';

/** The regex scan parseSitemap used before (quadratic on unclosed `<loc>`): the reference on small inputs. */
function regexScan(xml: string): { kind: string; locs: string[] } {
  const decode = (text: string) =>
    text
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
      .replace(/&amp;/g, '&')
      .trim();
  const kind = /<sitemapindex[\s>]/i.test(xml) ? 'index' : /<urlset[\s>]/i.test(xml) ? 'urlset' : 'unknown';
  if (kind === 'unknown') return { kind, locs: [] };
  const locs: string[] = [];
  const re = /<loc>([\s\S]*?)<\/loc>/gi;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const loc = decode(m[1] ?? '');
    if (loc) locs.push(loc);
  }
  return { kind, locs };
}

describe('sitemap scan', () => {
  it('agrees with the regex scan on 5,000 generated files', () => {
    const piece = fc.constantFrom(
      '<loc>',
      '</loc>',
      '<LOC>',
      '</Loc>',
      '<urlset>',
      '<sitemapindex ',
      '<url>',
      '<![CDATA[',
      ']]>',
      '&amp;',
      '&lt;',
      '&#65;',
      ' ',
      'x',
      'http://h/a/',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const xml = pieces.join('');
        expect(parseSitemap(xml)).toEqual(regexScan(xml));
      }),
      { numRuns: 5000 },
    );
  });

  it('5 MB of `<loc>` never closed: a urlset with no URL', () => {
    const xml = hostileSitemaps.unclosedLocs();
    expect(xml.length).toBeGreaterThan(5_000_000);
    expect(parseSitemap(xml)).toEqual({ kind: 'urlset', locs: [] });
  });

  it('a 5 MB urlset: its first 50,000 URLs (the sitemaps.org cap per file), in order', () => {
    const xml = hostileSitemaps.huge();
    expect(xml.length).toBeGreaterThan(5_000_000);
    const { kind, locs } = parseSitemap(xml);
    expect(kind).toBe('urlset');
    expect(locs).toHaveLength(50_000);
    expect(locs[0]).toBe('http://www.securityvibes.fr/menaces/article-0/');
    expect(locs[49_999]).toBe('http://www.securityvibes.fr/menaces/article-49999/');
  });

  it('a <loc> holding 200,000 unclosed CDATA sections is skipped (too long for a URL); the next one is read', () => {
    expect(parseSitemap(hostileSitemaps.cdataFlood())).toEqual({ kind: 'urlset', locs: ['http://www.securityvibes.fr/menaces/ok/'] });
    // Short enough to be read: unclosed CDATA stays text, as before.
    expect(parseSitemap(hostileSitemaps.cdataFlood(500)).locs[0]).toBe('<![CDATA['.repeat(500).trim());
  });
});
