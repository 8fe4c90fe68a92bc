/**
 * Listing pages (tag, rubrique, month, author, home, search): every teaser in page order and the
 * next (older) page. A teaser "knows" its tags (`tagsKnown`) when it carries a real post_class() or tag
 * links — complete once its `pending` classes are resolved; otherwise its empty tag list means "not
 * shown", not "none".
 */
import type { Tag, Teaser } from '../model/article';
import { LIMITS } from '../model/limits';
import { categoryFromPermalink, type PageContext } from './context';
import { parseAnyDate, toParisIso } from './french-date';
import { urlShape } from './page-kind';
import { linksWhere, selectAll } from './query';
import { inScope, scopedAll } from './scope';
import { readTextPatterns } from './text-patterns';
import { boundedText } from './text';
import { stripSiteName } from './title';
import { resolveClasses } from './vocabulary';
import { POST_SELECTOR, bookmarkIn, classTerms, dateIn, postIdOf, termLinks, titleIn } from './wordpress';

function isArticleUrl(url: string): boolean {
  const shape = urlShape(url);
  return shape.kind === 'article' || shape.kind === 'one-segment';
}

export function teaserOf(post: Element, context: PageContext): Teaser | null {
  const heading = titleIn(post, true);
  const url = context.resolve(heading?.link ?? null) ?? context.resolve(bookmarkIn(post));
  if (!url || !isArticleUrl(url) || url === context.url) return null;
  const title = heading ? stripSiteName(heading.text) : '';
  if (!title) return null;
  const links = termLinks(post, true, context);
  const terms = classTerms(post);
  // Names come from links; a post_class() class adds its term only through the page's vocabulary
  // (WordPress's lossy class form of a known slug), else it stays pending evidence — never a made-up tag.
  const tags: Tag[] = [...links.tags];
  const vocabulary = context.vocabulary();
  const classes = resolveClasses(
    vocabulary,
    'tag',
    terms.tags.filter((slug) => !tags.some((t) => t.slug === slug)),
  );
  for (const fact of classes.resolved) {
    if (!tags.some((t) => t.slug === fact.slug) && tags.length < LIMITS.tagsPerArticle) tags.push({ slug: fact.slug, name: fact.name });
  }
  const classCategory = resolveClasses(vocabulary, 'category', terms.categories.slice(0, 1)).resolved[0];
  const markupCategory = links.categories[0] ?? (classCategory ? { slug: classCategory.slug, name: classCategory.name } : null);
  const markupDate = dateIn(post, true);
  // The archive's wording is read only when the markup left something out.
  const text = !markupCategory || !markupDate || !tags.length ? readTextPatterns(post, true, context) : null;
  const category = markupCategory ?? text?.category ?? categoryFromPermalink(url, context);
  const date = markupDate ?? text?.date ?? null;
  const pending = classes.pending;
  return {
    url,
    title,
    postId: postIdOf(post),
    tags: tags.length ? tags : (text?.tags ?? []),
    // Known modulo `pending`: the teaser names every tag, some only by a class the vocabulary must resolve.
    tagsKnown: terms.isPostClass || links.tagLinks > 0 || !!text?.tags.length,
    ...(pending.length ? { pending } : {}),
    category,
    publishedAt: date ? toParisIso(date) : null,
  };
}

/**
 * A teaser with no post container (older themes, or blocks mixed among posts): a heading link to an
 * article, with the date line that follows it, when there is one.
 */
function headingTeaser(link: Element, context: PageContext): Teaser | null {
  const url = context.resolve(link.getAttribute('href'));
  const title = stripSiteName(boundedText(link, LIMITS.title));
  if (!url || !title || !isArticleUrl(url) || url === context.url) return null;
  let date = null;
  let sibling = link.closest('h1, h2, h3, h4')?.nextElementSibling ?? null;
  for (let i = 0; i < 2 && sibling && !date && !/^h\d$/i.test(sibling.tagName); i++, sibling = sibling.nextElementSibling) {
    date = parseAnyDate(boundedText(sibling, 200)) ?? readTextPatterns(sibling, true, context).date;
  }
  return { url, title, postId: null, tags: [], tagsKnown: false, category: categoryFromPermalink(url, context), publishedAt: date ? toParisIso(date) : null };
}

export interface ListingTeasers {
  teasers: Teaser[];
  /** Article URLs linked from the main column (chrome, related and popular boxes left out) that no teaser gave. */
  unread: number;
}

const HEADING_LINKS = 'h1 a[href], h2 a[href], h3 a[href]';

/**
 * Every teaser of the main column in page order, whatever mix of markups the page uses: post containers
 * (article.post, .hentry, div.post…) and bare heading links outside any post, related / popular boxes
 * and navigation left out (scope.ts).
 */
export function extractTeasers(posts: Element[], main: Element | null, context: PageContext): ListingTeasers {
  const teasers: Teaser[] = [];
  if (!main) return { teasers, unread: 0 };
  const accepted = new Set(posts);
  const inPost = (el: Element) => {
    for (let up: Element | null = el; up && up !== main; up = up.parentElement) if (accepted.has(up)) return true;
    return false;
  };
  // One query for posts and heading links: page order whatever the DOM (query.ts selectAll).
  for (const item of selectAll(main, `${POST_SELECTOR}, ${HEADING_LINKS}`, LIMITS.listingItems * 20)) {
    const post = accepted.has(item);
    if (!post && (item.tagName.toLowerCase() !== 'a' || inPost(item) || !inScope(item, main, false))) continue;
    const teaser = post ? teaserOf(item, context) : headingTeaser(item, context);
    if (teaser && !teasers.some((t) => t.url === teaser.url)) teasers.push(teaser);
    if (teasers.length >= LIMITS.listingItems) break;
  }
  const read = new Set(teasers.map((t) => t.url));
  const missed = new Set<string>();
  for (const link of scopedAll(main, 'a[href]', false, 2000)) {
    const url = context.resolve(link.getAttribute('href'));
    if (url && !read.has(url) && url !== context.url && urlShape(url).kind === 'article') missed.add(url);
  }
  return { teasers, unread: missed.size };
}

function sameListing(a: URL, b: URL): boolean {
  const strip = (u: URL) => {
    const params = new URLSearchParams(u.search);
    params.delete('paged');
    return `${u.origin}${u.pathname.replace(/\/page\/\d+\/?$/, '/')}?${params.toString()}`;
  };
  return strip(a) === strip(b);
}

const NEXT_WORDS =
  /(articles? (plus )?anciens|entr[ée]es pr[ée]c[ée]dentes|billets pr[ée]c[ée]dents|page suivante|suivante|older (posts|entries)|next page|messages plus anciens)/i;

/**
 * The next (older) page: rel=next, else any link to this listing's page N+1 (whatever the theme
 * calls it), else a link labelled like "Articles plus anciens" that stays within this listing.
 */
export function nextPage(doc: Document, context: PageContext): string | null {
  if (!context.url) return null;
  const here = new URL(context.url);
  const page = urlShape(context.url).page;
  const accept = (href: string | null) => {
    const url = context.resolve(href);
    if (!url) return null;
    const there = new URL(url);
    return sameListing(here, there) && urlShape(url).page === page + 1 ? url : null;
  };
  const relNext = selectAll(doc, 'link[rel~="next"], a[rel~="next"]', 5);
  for (const link of relNext) {
    const url = accept(link.getAttribute('href'));
    if (url) return url;
  }
  // Any href containing "page" ("paged" included), in page order.
  for (const link of linksWhere(doc, (href) => href.includes('page'), 2000)) {
    const url = accept(link.getAttribute('href'));
    if (url) return url;
  }
  const labelled = selectAll(doc, '.navigation a, .nav-previous a, .alignleft a, .pagination a, .wp-pagenavi a, a.next', 50);
  for (let i = 0; i < labelled.length && i < 50; i++) {
    const link = labelled[i] as Element;
    if (!NEXT_WORDS.test(boundedText(link, 100))) continue;
    const url = context.resolve(link.getAttribute('href'));
    if (url && url !== context.url && sameListing(here, new URL(url))) return url;
  }
  return null;
}
