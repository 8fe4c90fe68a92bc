/**
 * Sitemaps (sitemaps.org XML, WordPress core wp-sitemap, Yoast, Google XML Sitemaps): read with a
 * bounded scan of <loc> elements rather than a DOM — sitemaps can be large and need no tree.
 */

export interface ParsedSitemap {
  kind: 'index' | 'urlset' | 'unknown';
  locs: string[];
}

const MAX_LOCS = 50_000; // the sitemaps.org limit per file

function decodeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&amp;/g, '&')
    .trim();
}

/** Never throws; `unknown` when the text is not a sitemap at all (e.g. an HTML error page). */
export function parseSitemap(xml: string): ParsedSitemap {
  const head = xml.slice(0, 4096);
  const kind = /<sitemapindex[\s>]/i.test(xml) ? 'index' : /<urlset[\s>]/i.test(head) || /<urlset[\s>]/i.test(xml) ? 'urlset' : 'unknown';
  if (kind === 'unknown') return { kind, locs: [] };
  const locs: string[] = [];
  const re = /<loc>([\s\S]*?)<\/loc>/gi;
  for (let m = re.exec(xml); m && locs.length < MAX_LOCS; m = re.exec(xml)) {
    const loc = decodeXml(m[1] ?? '');
    if (loc) locs.push(loc);
  }
  return { kind, locs };
}

/** Sitemaps of taxonomies, users or static pages list no articles: skip them (cheapest first). */
export function isArticleSitemap(url: string): boolean {
  const name = url.toLowerCase();
  return !/(taxonom|post_tag|category|categories|tag-sitemap|author|users|page-sitemap|posts-page|-page-\d|attachment)/.test(name);
}
