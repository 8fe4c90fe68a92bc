/**
 * Listing pages (tag, rubrique, month, author, home, search): every teaser in page order and the
 * next (older) page. A teaser "knows" its tags (`tagsKnown`) when it carries a real post_class()
 * or tag links; otherwise its empty tag list means "not shown", not "none".
 */
import type { Tag, Teaser } from '../model/article';
import { LIMITS } from '../model/limits';
import { categoryFromPermalink, nameFor, type PageContext } from './context';
import { toParisIso } from './french-date';
import { urlShape } from './page-kind';
import { linksWhere, selectAll } from './query';
import { scopedAll } from './scope';
import { readTextPatterns } from './text-patterns';
import { boundedText } from './text';
import { stripSiteName } from './title';
import { bookmarkIn, classTerms, dateIn, postIdOf, termLinks, titleIn } from './wordpress';

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
  // Prefer names from links; keep every tag post_class lists (teasers may show only a few links). A name
  // is looked up only for a tag no link showed (a lookup may scan the page's links).
  const tags: Tag[] = [...links.tags];
  for (const slug of terms.tags) {
    if (!tags.some((t) => t.slug === slug) && tags.length < LIMITS.tagsPerArticle) tags.push({ slug, name: nameFor(context, 'tag', slug) });
  }
  const categorySlug = terms.categories[0];
  const markupCategory = links.categories[0] ?? (categorySlug ? { slug: categorySlug, name: nameFor(context, 'category', categorySlug) } : null);
  const markupDate = dateIn(post, true);
  // The archive's wording is read only when the markup left something out.
  const text = !markupCategory || !markupDate || !tags.length ? readTextPatterns(post, true, context) : null;
  const category = markupCategory ?? text?.category ?? categoryFromPermalink(url, context);
  const date = markupDate ?? text?.date ?? null;
  return {
    url,
    title,
    postId: postIdOf(post),
    tags: tags.length ? tags : (text?.tags ?? []),
    tagsKnown: terms.isPostClass || links.tagLinks > 0 || !!text?.tags.length,
    category,
    publishedAt: date ? toParisIso(date) : null,
  };
}

/** Older themes list teasers as bare headings in the content area: h2/h3 links to articles. */
function headingTeasers(main: Element, context: PageContext): Teaser[] {
  const out: Teaser[] = [];
  for (const link of scopedAll(main, 'h2 a[href], h3 a[href]', false, LIMITS.listingItems * 2)) {
    const url = context.resolve(link.getAttribute('href'));
    const title = stripSiteName(boundedText(link, LIMITS.title));
    if (!url || !title || !isArticleUrl(url) || url === context.url || out.some((t) => t.url === url)) continue;
    out.push({ url, title, postId: null, tags: [], tagsKnown: false, category: null, publishedAt: null });
    if (out.length >= LIMITS.listingItems) break;
  }
  return out;
}

export function extractTeasers(posts: Element[], main: Element | null, context: PageContext): Teaser[] {
  const teasers: Teaser[] = [];
  for (const post of posts) {
    const teaser = teaserOf(post, context);
    if (teaser && !teasers.some((t) => t.url === teaser.url)) teasers.push(teaser);
    if (teasers.length >= LIMITS.listingItems) break;
  }
  if (!teasers.length && main) return headingTeasers(main, context);
  return teasers;
}

function sameListing(a: URL, b: URL): boolean {
  const strip = (u: URL) => {
    const params = new URLSearchParams(u.search);
    params.delete('paged');
    return `${u.origin}${u.pathname.replace(/\/page\/\d+\/?$/, '/')}?${params.toString()}`;
  };
  return strip(a) === strip(b);
}

const NEXT_WORDS = /(articles? (plus )?anciens|entr[ée]es pr[ée]c[ée]dentes|billets pr[ée]c[ée]dents|page suivante|suivante|older (posts|entries)|next page|messages plus anciens)/i;

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
