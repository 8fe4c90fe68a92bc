/**
 * extractPage(): the whole recognition without schema validation — for the content script only, whose
 * bundle must stay small (the background re-validates `content.pageSeen` with the PageInfo schema).
 * Everyone else calls recognise(), which wraps this with validation. Never throws.
 */
import type { PageInfo, PageKind } from '../model/page-info';
import { isListingKind } from '../model/page-info';
import { LIMITS } from '../model/limits';
import { extractArticle } from './article';
import { canonicalUrl } from './canonical-url';
import { lowercaseAttributeNames } from './dom-repair';
import { collectTermNames, makeResolver, type PageContext } from './context';
import { DEFAULT_ARCHIVE_HOSTS, hostOf, isArchiveHost } from './hosts';
import { readIdentity } from './identity';
import { extractTeasers, nextPage } from './listing';
import { bodyClassKind, isStaticPageBody, looksNotFound, urlShape } from './page-kind';
import { readStructured } from './structured';
import { bodyClassesOf, listingSubject } from './subject';
import { boundedText, clip } from './text';
import { readTextPatterns } from './text-patterns';
import { postContainers } from './wordpress';

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

/** The page's own URL: where it was loaded from, unless a copy or a ?p= URL names its permalink. */
function pageUrlOf(loaded: string | null, onArchive: boolean, original: string | null, hosts: readonly string[]): string | null {
  const own = loaded ? canonicalUrl(loaded, undefined, hosts) : null;
  if (!onArchive) return original ?? own;
  if (own && original && new URL(own).search && urlShape(own).kind === 'article') return original;
  return own;
}

function decideKind(body: PageKind | null, shapeKind: string, teaserCount: number, postCount: number, notFound: boolean, ogType: string | null): PageKind | null {
  if (body) return body;
  if (notFound && postCount <= 1) return 'not-found';
  if (shapeKind === 'one-segment') return teaserCount >= 2 || postCount >= 2 ? 'category' : postCount === 1 || ogType === 'article' ? 'article' : null;
  if (shapeKind === 'unknown') return ogType === 'article' ? 'article' : teaserCount >= 2 ? 'home' : null;
  return shapeKind as PageKind;
}

export function extractPage(doc: Document, url: string, options: RecogniseOptions = {}): PageInfo {
  try {
    return extractUnsafe(doc, url, options);
  } catch (error) {
    return notArchive(`recognition failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function extractUnsafe(doc: Document, url: string, options: RecogniseOptions): PageInfo {
  const hosts = options.hosts?.length ? options.hosts : DEFAULT_ARCHIVE_HOSTS;
  const loaded = typeof url === 'string' && isHttp(url.trim()) && url.length <= LIMITS.url * 2 ? url.trim() : null;
  const ownUrl = loaded ? canonicalUrl(loaded, undefined, hosts) : null;
  const ownHost = ownUrl ? hostOf(ownUrl) : null;
  const onArchive = !!ownHost && isArchiveHost(ownHost, hosts);
  if (!onArchive && !options.anyHost) return notArchive(ownUrl ? `not an archive host: ${ownHost}` : 'not an http(s) page', ownUrl);
  if (!doc || !doc.documentElement) return notArchive('no document', ownUrl);
  lowercaseAttributeNames(doc);

  const structured = readStructured(doc);
  const { main, posts } = postContainers(doc);
  const bodyClasses = bodyClassesOf(doc);
  const firstPost = posts[0] ?? null;
  const provisional: PageContext = { doc, url: ownUrl, hosts, resolve: makeResolver({ doc, loadedFrom: loaded, original: null, hosts }), names: new Map() };
  const wordingScope = firstPost ?? main;
  const firstText = wordingScope ? readTextPatterns(wordingScope, !!firstPost, provisional) : null;

  const identity = readIdentity(doc, structured, hosts, firstText?.archiveWording ?? false);
  if (!onArchive && !identity.archive) {
    return notArchive('no archive signal: no archive footer, SecurityVibes chrome or archive URL (a French WordPress page alone is not the archive)', ownUrl);
  }
  const pageUrl = pageUrlOf(loaded, onArchive, identity.original, hosts);
  const resolve = makeResolver({ doc, loadedFrom: loaded, original: pageUrl, hosts });
  const context: PageContext = { doc, url: pageUrl, hosts, resolve, names: collectTermNames(doc, resolve) };

  if (isStaticPageBody(bodyClasses)) return notArchive('a static page of the archive (neither an article nor a listing)', pageUrl);
  const shape = pageUrl ? urlShape(pageUrl) : { kind: 'unknown', slug: null, page: 1 };
  const heading = boundedText(doc.querySelector('h1, h2') ?? null, 200);
  const notFound = looksNotFound(doc.title ?? '', heading);
  const teasers = extractTeasers(posts, main, context);
  const kind = decideKind(bodyClassKind(bodyClasses), shape.kind, teasers.length, posts.length, notFound, structured.ogType);
  if (!kind) return notArchive('an archive page of no known kind', pageUrl);
  if (kind === 'not-found' || kind === 'not-archive') return { ...notArchive('', pageUrl), kind, reason: kind === 'not-found' ? "the archive's page-not-found page" : null };

  if (kind === 'article') {
    const container = firstPost ?? main;
    const postLevel = !!firstPost;
    const text = readTextPatterns(container ?? doc.documentElement, postLevel, context);
    const article = extractArticle({ context, container, postLevel, structured, text, bodyClasses });
    if (!article.url || !article.title) {
      return { ...notArchive(article.url ? 'article without a title' : 'article without an http(s) URL', pageUrl), kind: 'article', reason: 'incomplete article' };
    }
    if (identity.original && identity.original === pageUrl && !onArchive) article.sources.url = 'structured';
    return { kind, url: pageUrl, reason: null, article: { ...article, url: article.url }, listing: [], subject: null, next: null };
  }
  if (isListingKind(kind)) {
    return { kind, url: pageUrl, reason: null, article: null, listing: teasers, subject: listingSubject(kind, context, bodyClasses), next: nextPage(doc, context) };
  }
  return notArchive('unexpected page kind', pageUrl);
}
