/**
 * The code the hostile-input fixes replaced, kept here only as bench/hostile.ts's peers (never imported by
 * the extension, the CLI or the tests): the regex robots.txt matcher, the regex sitemap scan, the regex
 * href trim, the regex "is this HTML?" sniff, and the unbounded textContent prefilter.
 */

/** lib/crawl/robots.ts before: each rule became a backtracking regex, built and run on every check. */
export function regexRobotsAllows(rules: { pattern: string; allow: boolean }[], path: string): boolean {
  let best: { length: number; allow: boolean } | null = null;
  for (const rule of rules) {
    const anchored = rule.pattern.endsWith('$');
    const body = anchored ? rule.pattern.slice(0, -1) : rule.pattern;
    const regex = body
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    if (!new RegExp(`^${regex}${anchored ? '$' : ''}`).test(path)) continue;
    const length = rule.pattern.length;
    if (!best || length > best.length || (length === best.length && rule.allow)) best = { length, allow: rule.allow };
  }
  return best?.allow ?? true;
}

/** lib/crawl/sitemap.ts before: a lazy <loc> regex, retried from every unclosed <loc> to the end. */
export function regexSitemapLocs(xml: string): string[] {
  const locs: string[] = [];
  const re = /<loc>([\s\S]*?)<\/loc>/gi;
  for (let m = re.exec(xml); m && locs.length < 50_000; m = re.exec(xml)) {
    const loc = (m[1] ?? '')
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(/&amp;/g, '&')
      .trim();
    if (loc) locs.push(loc);
  }
  return locs;
}

/** canonical-url.ts before: the trim ran before the length cap, with `[…]+$` retried at every space. */
export function regexTrimHref(raw: string): string | null {
  // eslint-disable-next-line no-control-regex -- the peer reproduces the old trim exactly
  const trimmed = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return !trimmed || trimmed.length > 4096 ? null : trimmed;
}

/** cli/read-html.ts before: comments before the first tag skipped by a nested-quantifier regex. */
export function regexLooksLikeHtml(text: string): boolean {
  const start = /^\s*(?:<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|table|p|link|script|style|base|center|font|!--)[\s>]/i;
  return start.test(text.replace(/^\ufeff/, '').slice(0, 4096)) || /<html[\s>]/i.test(text.slice(0, 4096));
}
