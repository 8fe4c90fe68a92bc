/**
 * Layer 2 — WordPress markup, as every theme from 2003 (Kubrick, hAtom) to 2014 (HTML5) writes it:
 * post containers and post_class() (`post-123 tag-apt category-actualites`), rel="tag" and
 * rel="category tag" links, rel="author", .entry-title, time[datetime], abbr.published, .entry-date.
 */
import { LIMITS } from '../model/limits';
import type { Tag } from '../model/article';
import { nameFor, safeSlug, termOfUrl, type PageContext } from './context';
import { parseAnyDate, type DateParts } from './french-date';
import { hasRel, relHas, selectAll, selectFirst } from './query';
import { inScope, scopedFind } from './scope';
import { boundedText, classes, cleanText } from './text';
import { isSiteName } from './title';

export const POST_SELECTOR = 'article, .post, .hentry, .type-post, [id^="post-"], .blogpost, .blog-post, .entry, .article, .story, .billet';
const MAIN_SELECTOR = '#content, #main, main, [role="main"], #primary, #contenu, #centre, #center, #colonne-centrale, .content, #page';
const MAX_CANDIDATES = 3_000;

/** The page's main content area (in scope of the page chrome), or the body. */
export function mainArea(doc: Document): Element | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  // Usually the first match in page order is in scope: querySelector stops there; the list only when not.
  const first = selectFirst(doc, MAIN_SELECTOR);
  if (!first) return body;
  if (inScope(first, body, false)) return first;
  const list = selectAll(doc, MAIN_SELECTOR, 50);
  for (let i = 0; i < list.length && i < 50; i++) {
    const el = list[i] as Element;
    if (inScope(el, body, false)) return el;
  }
  return body;
}

function isPostLike(el: Element): boolean {
  const id = el.getAttribute('id') ?? '';
  if (id.startsWith('post-') && !/^post-\d+$/.test(id)) return false; // #post-navigation, #post-comments
  return true;
}

export interface PostContainers {
  /** The main content area (or the body). */
  main: Element | null;
  /** The first post, found without listing them all (an article page needs no more). */
  first: Element | null;
  /** Every outermost post, in page order (computed on first use). */
  all(): Element[];
}

/** Outermost post-like elements in the main area, in page order (nested .entry inside .post dropped). */
export function postContainers(doc: Document): PostContainers {
  const main = mainArea(doc);
  if (!main) return { main, first: null, all: () => [] };
  let posts: Element[] | null = null;
  const all = () => (posts ??= outermostPosts(main));
  // The earliest post-like element in page order is the first post when it is accepted (nothing
  // before it can contain it); otherwise the full list decides.
  const earliest = selectFirst(main, POST_SELECTOR);
  const first = earliest && isPostLike(earliest) && inScope(earliest, main, false) ? earliest : (all()[0] ?? null);
  return { main, first, all };
}

function outermostPosts(main: Element): Element[] {
  const list = selectAll(main, POST_SELECTOR, MAX_CANDIDATES);
  const limit = list.length;
  const accepted = new Set<Element>();
  const posts: Element[] = [];
  for (let i = 0; i < limit; i++) {
    const el = list[i] as Element;
    if (!isPostLike(el)) continue;
    // Nested first: a set lookup per ancestor is cheaper than the scope walk, and either one skips it.
    let nested = false;
    for (let up = el.parentElement, depth = 0; up && up !== main && depth < 60; up = up.parentElement, depth++) {
      if (accepted.has(up)) {
        nested = true;
        break;
      }
    }
    if (nested || !inScope(el, main, false)) continue;
    accepted.add(el);
    posts.push(el);
  }
  return posts;
}

/** WordPress post id from id="post-123", class post-123 or the body's postid-123. */
export function postIdOf(el: Element | null): number | null {
  if (!el) return null;
  const id = /^post-(\d{1,10})$/.exec(el.getAttribute('id') ?? '');
  if (id) return Number(id[1]) || null;
  for (const token of classes(el)) {
    const match = /^(?:post|postid)-(\d{1,10})$/.exec(token);
    if (match) return Number(match[1]) || null;
  }
  return null;
}

export interface ClassTerms {
  tags: string[];
  categories: string[];
  /** True when the element carries a real post_class() (which always lists the post's tags). */
  isPostClass: boolean;
}

/** Tag and rubrique slugs from post_class() (`tag-apt category-actualites`). */
export function classTerms(el: Element): ClassTerms {
  const tags: string[] = [];
  const categories: string[] = [];
  let isPostClass = false;
  for (const token of classes(el)) {
    const lower = token.toLowerCase();
    if (lower === 'type-post' || lower.startsWith('status-') || lower.startsWith('format-')) isPostClass = true;
    const tag = /^tag-(.+)$/.exec(lower);
    const category = /^category-(.+)$/.exec(lower);
    const slug = safeSlug((tag ?? category)?.[1] ?? '');
    if (tag && slug && tags.length < LIMITS.tagsPerArticle && !tags.includes(slug)) tags.push(slug);
    if (category && slug && !categories.includes(slug)) categories.push(slug);
  }
  return { tags, categories, isPostClass: isPostClass && postIdOf(el) !== null };
}

export interface TermLinks {
  tags: Tag[];
  categories: Tag[];
  /** How many in-scope tag links there were (a teaser with tag links "knows" its tags). */
  tagLinks: number;
  /** True when the tags came from rel="tag" links (false: plain /tag/x/ links, weaker evidence). */
  marked: boolean;
}

/**
 * rel="tag" / rel="category tag" links in scope of `container`; plain /tag/x/ links (older themes
 * without rel) only when there are no rel-marked ones, so an inline link in the body is not a tag.
 */
export function termLinks(container: Element, postLevel: boolean, context: PageContext): TermLinks {
  const marked = { tags: [] as Tag[], categories: [] as Tag[] };
  const plain = { tags: [] as Tag[], categories: [] as Tag[] };
  // Only links that can be terms: rel-marked, or pointing at a tag / rubrique archive.
  for (const link of termLinkCandidates(container, postLevel)) {
    const isCategory = relHas(link, 'category');
    const isMarked = isCategory || relHas(link, 'tag');
    // rel="nofollow"/"bookmark" links to a tag page are navigation, not the post's terms.
    if (!isMarked && hasRel(link)) continue;
    const term = termOfUrl(context.resolve(link.getAttribute('href')), isCategory);
    if (!term || term.kind === 'author') continue;
    const slug = safeSlug(term.slug);
    if (!slug) continue;
    const text = cleanText(link.textContent ?? '', LIMITS.tagName + 1);
    const name = text && text.length <= LIMITS.tagName ? text : nameFor(context, term.kind, slug);
    if (!name) continue;
    const group = isMarked ? marked : plain;
    const into = term.kind === 'tag' ? group.tags : group.categories;
    if (into.length < LIMITS.tagsPerArticle && !into.some((t) => t.slug === slug)) into.push({ slug, name });
  }
  const tags = marked.tags.length ? marked.tags : plain.tags;
  const categories = marked.categories.length ? marked.categories : plain.categories;
  return { tags, categories, tagLinks: tags.length, marked: marked.tags.length > 0 };
}

/**
 * Links that can be terms — `a[rel~="tag"][href], a[rel~="category"][href], a[href*="tag"],
 * a[href*="categor"], a[href*="cat="]` — in scope, read from the container's <a> elements in one pass
 * (an attribute selector list is matched against every element; the tag lookup is indexed).
 */
function termLinkCandidates(container: Element, postLevel: boolean): Element[] {
  const anchors = container.getElementsByTagName('a');
  const out: Element[] = [];
  for (let i = 0; i < anchors.length && i < 5000 && out.length < 2000; i++) {
    const link = anchors[i] as Element;
    const href = link.getAttribute('href');
    if (href !== null && couldBeTerm(link, href) && !isTagCloudLink(link) && inScope(link, container, postLevel)) out.push(link);
  }
  return out;
}

function couldBeTerm(link: Element, href: string): boolean {
  return href.includes('tag') || href.includes('categor') || href.includes('cat=') || relHas(link, 'tag') || relHas(link, 'category');
}

/** wp_tag_cloud() marks its links (tag-link-12, tag-cloud-link): a cloud is never the post's own tags. */
function isTagCloudLink(link: Element): boolean {
  return /tag-(?:cloud-)?link/.test(link.getAttribute('class') ?? '');
}

const TITLE_SELECTOR = '.entry-title, .post-title, .posttitle, .storytitle, .article-title, .titre, h1, h2, h3';

export function titleIn(container: Element, postLevel: boolean): { text: string; link: string | null } | null {
  return scopedFind(container, TITLE_SELECTOR, postLevel, 12, (el) => {
    const text = boundedText(el, LIMITS.title);
    // A heading that is only the site's name is the logo (old themes put it in an <h1> on every page).
    if (!text || isSiteName(text)) return null;
    const link = el.tagName.toLowerCase() === 'a' ? el : el.querySelector('a[href]');
    return { text, link: link?.getAttribute('href') ?? null };
  });
}

/** Title link of a teaser: the heading's link, else a rel=bookmark link. */
export function bookmarkIn(container: Element): string | null {
  return container.querySelector('a[rel~="bookmark"]')?.getAttribute('href') ?? null;
}

const DATE_SELECTORS: readonly [string, 'datetime' | 'title' | 'text'][] = [
  ['time[datetime]', 'datetime'],
  ['abbr.published[title], .published[title], abbr.updated[title]', 'title'],
  ['.entry-date, .published, .post-date, .postdate, .date, .datetime, .time, .dateline', 'text'],
];

/** The post's own date from date markup in scope (comment and sidebar dates are out of scope). */
export function dateIn(container: Element, postLevel: boolean): DateParts | null {
  for (const [selector, from] of DATE_SELECTORS) {
    const parts = scopedFind(container, selector, postLevel, 5, (el) => {
      const raw = from === 'text' ? boundedText(el, 200) : (el.getAttribute(from) ?? '');
      return parseAnyDate(raw) ?? (from === 'datetime' ? null : (parseAnyDate(boundedText(el, 200)) ?? badgeDate(el)));
    });
    if (parts) return parts;
  }
  return null;
}

/** A calendar badge (`<span>24</span><span>mars</span><span>2010</span>`): its parts read apart. */
function badgeDate(el: Element): DateParts | null {
  return el.children.length > 1
    ? parseAnyDate(
        Array.from(el.children, (part) => part.textContent)
          .join(' ')
          .slice(0, 200),
      )
    : null;
}

const AUTHOR_SELECTORS = '.author .fn, .vcard .fn, .byline .author, .author a, .entry-author, .post-author, .auteur';

/** The author's name: a rel="author" link's text first (the wording around it is never the name). */
export function authorIn(container: Element, postLevel: boolean): string | null {
  const read = (el: Element) => cleanAuthor(boundedText(el, LIMITS.author + 50));
  return scopedFind(container, 'a[rel~="author"]', postLevel, 5, read) ?? scopedFind(container, AUTHOR_SELECTORS, postLevel, 5, read);
}

// "Par", "by", "Auteur :", "auteur de l'article", "Publié par", "Écrit par"… before the name.
const AUTHOR_WORDING = /^(?:par|by|posted by|auteur(?: de l['’]article)?\s*:?|(?:publi[ée]|[ée]crit|r[ée]dig[ée]|post[ée]) par)\s+/i;

/** "Par Jérôme Vasseur" → "Jérôme Vasseur"; refuses sentences and dates. */
export function cleanAuthor(raw: string): string | null {
  const name = cleanText(cleanText(raw, LIMITS.author + 50).replace(AUTHOR_WORDING, ''), LIMITS.author + 1);
  // A name has no comma: with one, this is a whole meta line (", dans la rubrique …"), the text layer's job.
  if (name.includes(',')) return null;
  if (!name || name.length > LIMITS.author || name.length < 2) return null;
  if (/\d{4}/.test(name) || name.split(' ').length > 8) return null;
  return name;
}
