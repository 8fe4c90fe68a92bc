/**
 * extractPage(): the whole recognition without schema validation — for the content script only, whose
 * bundle must stay small (the background re-validates `content.pageSeen` with the PageInfo schema).
 * Everyone else calls recognise(), which wraps this with validation (and with the linkedom attribute-case
 * repair: a browser's document never needs it, so it stays out of the content script). Never throws.
 */
import type { PageInfo, PageKind } from '../model/page-info';
import { isListingKind } from '../model/page-kinds';
import { LIMITS } from '../model/limits';
import { extractArticle, metaTerms } from './article';
import { canonicalUrl, declaresHttps } from './canonical-url';
import { makeResolver, makeTermNames, type PageContext } from './context';
import { DEFAULT_ARCHIVE_HOSTS, hostOf, isArchiveHost } from './hosts';
import { originalUrlOf, type Identity } from './identity';
import { extractTeasers, nextPage, type ListingTeasers } from './listing';
import { addFact, readVocabulary, type PageVocabulary } from './vocabulary';
import { bodyClassKind, isStaticOrAttachmentBody, looksNotFound, urlShape, type UrlShape } from './page-kind';
import { selectFirst } from './query';
import { readStructured } from './structured';
import { bodyClassesOf, listingSubject } from './subject';
import { boundedText, clip } from './text';
import { readTextPatterns, type TextFacts } from './text-patterns';
import type { StructuredData } from './structured';
import { postContainers } from './wordpress';

/**
 * Judges a page on another host by content alone (identity.ts readIdentity). Passed in by recognise() so
 * that the content script, which only ever runs on the archive hosts, does not bundle it.
 */
export type OffHostJudge = (doc: Document, structured: StructuredData, hosts: readonly string[], wordingScope: Element | null, postLevel: boolean) => Identity;

export interface RecogniseOptions {
  /** Archive host names (default DEFAULT_ARCHIVE_HOSTS). */
  hosts?: readonly string[];
  /** The user asked about this page: recognise it by content alone on any host. */
  anyHost?: boolean;
}

export function notArchive(reason: string, url: string | null = null): PageInfo {
  return { kind: 'not-archive', url, reason: clip(reason, LIMITS.reason), article: null, listing: [], subject: null, next: null };
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * The page's own URL: where it was loaded from, unless a copy or a ?p= URL names its permalink. On the
 * archive hosts the permalink the page names is read only for a ?p= address.
 */
function pageUrlOf(own: string | null, onArchive: boolean, original: string | null, named: () => string | null): string | null {
  if (!onArchive) return original ?? own;
  if (own && new URL(own).search && urlShape(own).kind === 'article') return named() ?? own;
  return own;
}

function decideKind(
  body: PageKind | null,
  shapeKind: UrlShape['kind'],
  teaserCount: () => number,
  postCount: () => number,
  notFound: () => boolean,
  ogType: () => string | null,
): PageKind | null {
  if (body) return body;
  if (notFound() && postCount() <= 1) return 'not-found';
  if (shapeKind === 'one-segment') return postCount() >= 2 || teaserCount() >= 2 ? 'category' : postCount() === 1 || ogType() === 'article' ? 'article' : null;
  if (shapeKind === 'unknown') return ogType() === 'article' ? 'article' : teaserCount() >= 2 ? 'home' : null;
  return shapeKind;
}

/** Memoises href resolution: the same sidebar and menu links recur on every page. */
function cached(resolve: (href: string | null) => string | null): (href: string | null) => string | null {
  const memo = new Map<string, string | null>();
  return (href) => {
    if (!href) return null;
    const hit = memo.get(href);
    if (hit !== undefined || memo.has(href)) return hit ?? null;
    const url = resolve(href);
    if (memo.size < 5000) memo.set(href, url);
    return url;
  };
}

/** `judgeOffHost` is required for `anyHost` to take effect; without it a page off the archive hosts is not-archive. */
export function extractPage(doc: Document, url: string, options: RecogniseOptions = {}, judgeOffHost: OffHostJudge | null = null): PageInfo {
  try {
    return extractUnsafe(doc, url, options, judgeOffHost);
  } catch (error) {
    return notArchive(`recognition failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function extractUnsafe(doc: Document, url: string, options: RecogniseOptions, judgeOffHost: OffHostJudge | null): PageInfo {
  const hosts = options.hosts?.length ? options.hosts : DEFAULT_ARCHIVE_HOSTS;
  const loaded = typeof url === 'string' && isHttp(url.trim()) && url.length <= LIMITS.url * 2 ? url.trim() : null;
  const ownUrl = loaded ? canonicalUrl(loaded, undefined, hosts) : null;
  const ownHost = ownUrl ? hostOf(ownUrl) : null;
  const onArchive = !!ownHost && isArchiveHost(ownHost, hosts);
  if (!onArchive && !(options.anyHost && judgeOffHost)) return notArchive(ownUrl ? `not an archive host: ${ownHost}` : 'not an http(s) page', ownUrl);
  if (!doc || !doc.documentElement) return notArchive('no document', ownUrl);

  // The head's structured data is read only by what needs it (an article, a copy's permalink, the kind
  // of a page whose URL and body classes do not say): listing pages never do.
  let head: StructuredData | null = null;
  const structured = () => (head ??= readStructured(doc));
  const { main, first: firstPost, all: posts } = postContainers(doc);
  const bodyClasses = bodyClassesOf(doc);
  let original: string | null = null;
  if (!onArchive && judgeOffHost) {
    // Off the archive hosts (the user asked): judge by content; the wording only counts with other signs.
    const identity = judgeOffHost(doc, structured(), hosts, firstPost ?? main, !!firstPost);
    if (!identity.archive) return notArchive(identity.reason, ownUrl);
    original = identity.original;
  }
  const pageUrl = pageUrlOf(ownUrl, onArchive, original, () => originalUrlOf(doc, structured(), hosts));
  const resolve = cached(makeResolver({ doc, loadedFrom: loaded, original: pageUrl, hosts }));
  let vocabulary: PageVocabulary | null = null;
  const context: PageContext = {
    doc,
    url: pageUrl,
    hosts,
    resolve,
    termName: makeTermNames(doc, resolve),
    vocabulary: () => (vocabulary ??= readVocabulary(doc, resolve)),
  };

  if (isStaticOrAttachmentBody(bodyClasses)) return notArchive('a static or attachment page, neither an article nor a listing', pageUrl);
  const shape: UrlShape = pageUrl ? urlShape(pageUrl) : { kind: 'unknown', slug: null, page: 1 };
  // The 404 wording is read only when the body classes do not already say what the page is.
  const notFound = () => looksNotFound(doc.title ?? '', boundedText(selectFirst(doc, 'h1, h2'), 200));
  let teasers: ListingTeasers | null = null;
  const listing = () => (teasers ??= extractTeasers(posts(), main, context));
  const kind = decideKind(
    bodyClassKind(bodyClasses),
    shape.kind,
    () => listing().teasers.length,
    () => posts().length,
    notFound,
    () => structured().ogType,
  );
  if (!kind) return notArchive('an archive page of no known kind', pageUrl);
  if (kind === 'not-found' || kind === 'not-archive')
    return { ...notArchive('', pageUrl), kind, reason: kind === 'not-found' ? "the archive's page-not-found page" : null };

  if (kind === 'article') {
    const container = firstPost ?? main;
    const postLevel = !!firstPost;
    let text: TextFacts | null = null;
    const textFacts = () => (text ??= readTextPatterns(container ?? doc.documentElement, postLevel, context));
    const article = extractArticle({ context, container, postLevel, structured: structured(), text: textFacts, bodyClasses });
    if (!article.url || !article.title) return { ...notArchive('incomplete article', pageUrl), kind: 'article' };
    if (original && original === pageUrl && !onArchive) article.sources.url = 'structured';
    for (const fact of metaTerms(structured(), context)) addFact(context.vocabulary(), fact);
    const https = declaresHttps([structured().canonical, structured().ogUrl], article.url, hosts) ? { https: true as const } : {};
    return {
      kind,
      url: pageUrl,
      reason: null,
      article: { ...article, url: article.url, ...https },
      listing: [],
      subject: null,
      next: null,
      vocabulary: context.vocabulary().facts,
    };
  }
  if (isListingKind(kind)) {
    const { teasers: items, unread } = listing();
    const subject = listingSubject(kind, context, bodyClasses);
    // The heading of a tag / rubrique page names its term: the page's own word for it.
    if ((kind === 'tag' || kind === 'category') && subject?.slug && subject.name && subject.heading)
      addFact(context.vocabulary(), { kind, slug: subject.slug, name: clip(subject.name, LIMITS.tagName), via: 'heading' });
    return {
      kind,
      url: pageUrl,
      reason: null,
      article: null,
      listing: items,
      subject: subject && { slug: subject.slug, name: subject.name },
      next: nextPage(doc, context),
      vocabulary: context.vocabulary().facts,
      unread,
    };
  }
  return notArchive('unexpected page kind', pageUrl);
}
