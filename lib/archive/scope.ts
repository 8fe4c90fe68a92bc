/**
 * Where on a page the article (or a teaser) lives, and what is never part of it: sidebars (tag cloud,
 * recent posts, archives by month), comments, related-post boxes, share bars, the Wayback toolbar.
 * Every extractor asks `inScope(el, container)` before trusting a link or a date.
 */
import { selectAll, selectFirst } from './query';
import { isWaybackChrome } from './wayback';
import { classes, lowerTag } from './text';

/** Ancestors further than this are not looked at: deeper content is not trusted (hostile nesting). */
const MAX_DEPTH = 400;

const EXCLUDED_TAGS = new Set(['aside', 'nav', 'script', 'style', 'noscript', 'template', 'iframe', 'form', 'select']);
// Class/id fragments of boxes that are not the post itself (tested on every lowercased token). Written as
// regexes (no character needs escaping) rather than lists: every byte counts in the content script.
const EXCLUDED_ANYWHERE =
  /sidebar|widget|comment|respond|related|similar|tagcloud|tag-cloud|wp-tag-cloud|blogroll|share|social|sociable|addthis|sharedaddy|jp-relatedposts|yarpp|popular|recent|lire-aussi|lireaussi|a-lire|see-also|trackback|pingback|breadcrumb|menu|skip-link|screen-reader|advert|pub-|banner/;
/** Outside a post container these are site chrome too (inside one, `footer.entry-meta` holds the tags). */
const PAGE_CHROME_TAGS = new Set(['footer', 'header']);
const PAGE_CHROME_ANYWHERE = /footer|colophon|masthead|site-header|navigation|pagination|nav-/;
const EXACT_EXCLUDED = new Set(['nav', 'pub', 'ads', 'ad', 'links', 'linkcat', 'xoxo', 'archives', 'categories', 'footer', 'header']);

// post_class()/body_class() term classes name tags and rubriques ("tag-reseaux-sociaux"): never a box kind.
const TERM_CLASS = /^(tag|category|post|author|format|type|status|page|postid|term|paged|date|single|archive)-/i;

/** Could one token of this lowercased class/id text be excluded? (A cheap screen before the exact check.) */
const ANY_SIGN = new RegExp(`${EXCLUDED_ANYWHERE.source}|wm-|wb-|donato`);
const ANY_PAGE_SIGN = new RegExp(`${ANY_SIGN.source}|${PAGE_CHROME_ANYWHERE.source}|(?:^|\\s)(?:${[...EXACT_EXCLUDED].join('|')})(?:\\s|$)`);

function tokens(el: Element): string[] {
  const out = classes(el).filter((token) => !TERM_CLASS.test(token));
  const id = el.getAttribute('id');
  if (id) out.push(id.slice(0, 200));
  return out;
}

function excludedToken(token: string, postLevel: boolean): boolean {
  if (isWaybackChrome(token)) return true;
  if (!postLevel && (EXACT_EXCLUDED.has(token) || PAGE_CHROME_ANYWHERE.test(token))) return true;
  return EXCLUDED_ANYWHERE.test(token);
}

/** True when `el` itself is a box the article never lives in. `postLevel`: inside a post container. */
export function isExcludedBox(el: Element, postLevel: boolean): boolean {
  const tag = lowerTag(el);
  if (EXCLUDED_TAGS.has(tag)) return true;
  if (!postLevel && PAGE_CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && (role === 'complementary' || role === 'navigation' || (!postLevel && role === 'contentinfo'))) return true;
  const names = `${(el.getAttribute('class') ?? '').slice(0, 4000)} ${(el.getAttribute('id') ?? '').slice(0, 200)}`.toLowerCase();
  // Most elements carry no sign at all: one regex over class and id instead of one test per token.
  if (!(postLevel ? ANY_SIGN : ANY_PAGE_SIGN).test(names)) return false;
  for (const raw of tokens(el)) if (excludedToken(raw.toLowerCase(), postLevel)) return true;
  return false;
}

/**
 * True when `el` belongs to `container` and no box between them (nor `el` itself) is excluded.
 * `postLevel` tells whether `container` is a real post element (article/.post/.hentry) or a page-level
 * fallback (main content area or body), where site headers and footers must be excluded as well.
 */
export function inScope(el: Element, container: Element, postLevel: boolean): boolean {
  let current: Element | null = el;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    if (current === container) return true;
    if (isExcludedBox(current, postLevel)) return false;
    current = current.parentElement;
  }
  return false;
}

/** Elements matching `selector` inside `container` that are in scope, at most `max`. */
export function scopedAll(container: Element, selector: string, postLevel: boolean, max = 500): Element[] {
  const out: Element[] = [];
  const list = selectAll(container, selector, 5000);
  const limit = list.length;
  for (let i = 0; i < limit && out.length < max; i++) {
    const el = list[i] as Element;
    if (inScope(el, container, postLevel)) out.push(el);
  }
  return out;
}

export function scopedFirst(container: Element, selector: string, postLevel: boolean): Element | null {
  return scopedFind(container, selector, postLevel, 1, (el) => el);
}

/**
 * The first non-null `read(el)` over the first `max` in-scope matches, in page order — what a loop over
 * scopedAll() gives. Usually the earliest match answers: querySelector finds it and stops there, and
 * the full list is built only when it does not.
 */
export function scopedFind<T>(container: Element, selector: string, postLevel: boolean, max: number, read: (el: Element) => T | null): T | null {
  const earliest = selectFirst(container, selector);
  if (!earliest) return null;
  const earliestInScope = inScope(earliest, container, postLevel);
  if (earliestInScope) {
    const answer = read(earliest);
    if (answer !== null) return answer;
    if (max <= 1) return null;
  }
  for (const el of scopedAll(container, selector, postLevel, max)) {
    if (el === earliest && earliestInScope) continue;
    const answer = read(el);
    if (answer !== null) return answer;
  }
  return null;
}
