/**
 * Sitemaps (sitemaps.org XML, WordPress core wp-sitemap, Yoast, Google XML Sitemaps): read with a
 * bounded scan of <loc> elements rather than a DOM — sitemaps can be large and need no tree.
 */

export interface ParsedSitemap {
  kind: 'index' | 'urlset' | 'unknown';
  locs: string[];
}

const MAX_LOCS = 50_000; // the sitemaps.org limit per file
/** A <loc> longer than this (entities included) cannot hold a URL the crawler keeps (LIMITS.url). */
const MAX_LOC_CHARS = 8192;

/** `<![CDATA[x]]>` → `x`, with indexOf (a lazy regex retried at every unclosed `<![CDATA[` was quadratic). */
function unwrapCdata(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<![CDATA[', from);
    if (open < 0) break;
    const close = text.indexOf(']]>', open + 9);
    if (close < 0) break;
    out += text.slice(from, open) + text.slice(open + 9, close);
    from = close + 3;
  }
  return out + text.slice(from);
}

function decodeXml(text: string): string {
  return unwrapCdata(text)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d{1,7});/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&amp;/g, '&')
    .trim();
}

/** ASCII letters lowercased, nothing else: the same length, so its indexes are the text's. */
const asciiLower = (text: string): string => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

/**
 * Never throws; `unknown` when the text is not a sitemap at all (e.g. an HTML error page). Linear: each
 * `<loc>` is paired with the first `</loc>` after it by indexOf, and the scan stops at the first `<loc>`
 * left open (a lazy regex retried every later `<loc>` to the end of a 5 MB file: quadratic).
 */
export function parseSitemap(xml: string): ParsedSitemap {
  const lower = asciiLower(xml);
  const kind = /<sitemapindex[\s>]/.test(lower) ? 'index' : /<urlset[\s>]/.test(lower) ? 'urlset' : 'unknown';
  if (kind === 'unknown') return { kind, locs: [] };
  const locs: string[] = [];
  let from = 0;
  while (locs.length < MAX_LOCS) {
    const open = lower.indexOf('<loc>', from);
    if (open < 0) break;
    const close = lower.indexOf('</loc>', open + 5);
    if (close < 0) break;
    from = close + 6;
    if (close - open - 5 > MAX_LOC_CHARS) continue;
    const loc = decodeXml(xml.slice(open + 5, close));
    if (loc) locs.push(loc);
  }
  return { kind, locs };
}

/** Sitemaps of taxonomies, users or static pages list no articles: skip them (cheapest first). */
export function isArticleSitemap(url: string): boolean {
  const name = url.toLowerCase();
  return !/(taxonom|post_tag|category|categories|tag-sitemap|author|users|page-sitemap|posts-page|-page-\d|attachment)/.test(name);
}
