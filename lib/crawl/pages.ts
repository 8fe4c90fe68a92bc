/**
 * What a fetched page teaches the crawl: robots rules and sitemaps, teasers (with or without tags),
 * the next listing page, the sidebar's rubriques and tags, an article's own record.
 * Pure bookkeeping on the CrawlBook; returns the PageInfo to store, if any.
 */
import type { PageInfo } from '../model';
import type { CrawlBook } from './book';
import type { JobKind } from './frontier';
import { guardHtml } from '../archive/html-guard';
import { parseRobots, robotsAllows } from './robots';
import { isArticleSitemap, parseSitemap } from './sitemap';
import { httpUrl, looksLikeArticle, onHosts, robotsPath, urlKey } from './urls';

export type Recognise = (doc: Document, url: string, options: { hosts: string[] }) => PageInfo;

export interface PageTools {
  parseHtml(html: string): Document;
  recognise: Recognise;
  /** Refresh mode: which of these article URLs the store already has with complete tags. */
  knownComplete(urls: string[]): Promise<Set<string>>;
}

/** Queues `raw` (resolved against `base`) when it is on the archive hosts and robots.txt allows it. */
export function enqueue(book: CrawlBook, raw: string, kind: JobKind, base?: string): boolean {
  const url = httpUrl(raw, base);
  if (!url || !onHosts(url, book.hosts) || !robotsAllows({ sitemaps: [], rules: book.disallow }, robotsPath(url))) return false;
  return book.frontier.add(urlKey(url), kind);
}

export function handleRobots(book: CrawlBook, body: string | null): void {
  const robots = body === null ? { sitemaps: [], rules: [] } : parseRobots(body);
  book.disallow = robots.rules;
  if (book.mode === 'refresh') return;
  let listed = 0;
  for (const sitemap of robots.sitemaps) if (enqueue(book, sitemap, 'sitemap', book.baseUrl)) listed++;
  if (listed === 0) {
    enqueue(book, '/sitemap.xml', 'sitemap', book.baseUrl);
    enqueue(book, '/wp-sitemap.xml', 'sitemap', book.baseUrl);
  }
}

export function handleSitemap(book: CrawlBook, body: string, url: string): string | null {
  const sitemap = parseSitemap(body);
  if (sitemap.kind === 'unknown') return 'not a sitemap';
  if (sitemap.kind === 'index') {
    for (const loc of sitemap.locs) if (isArticleSitemap(loc)) enqueue(book, loc, 'sitemap', url);
    return null;
  }
  for (const loc of sitemap.locs) {
    const parsed = httpUrl(loc, url);
    if (parsed && onHosts(parsed, book.hosts) && looksLikeArticle(parsed)) book.noteArticle(urlKey(parsed), false);
  }
  book.expected = Math.max(book.expected ?? 0, book.incomplete.size + book.complete.size);
  return null;
}

/** Rubriques (with their post counts) and the tag cloud, in every archive theme's sidebar. */
function readSidebar(book: CrawlBook, doc: Document, pageUrl: string): void {
  let total = 0;
  let counted = 0;
  for (const link of Array.from(doc.querySelectorAll('li.cat-item > a, li.cat-item a')).slice(0, 200)) {
    const href = link.getAttribute('href');
    if (!href) continue;
    if (!book.held.includes(href) && enqueueable(book, href, pageUrl)) book.held.push(resolved(href, pageUrl));
    const count = /\((\d{1,7})\)/.exec(link.parentElement?.textContent ?? '')?.[1];
    if (count) {
      total += Number(count);
      counted++;
    }
  }
  for (const link of Array.from(doc.querySelectorAll('a[class*="tag-link-"]')).slice(0, 500)) {
    const href = link.getAttribute('href');
    if (href && enqueueable(book, href, pageUrl)) {
      const key = resolved(href, pageUrl);
      if (!book.held.includes(key)) book.held.push(key);
    }
  }
  if (counted > 0) book.expected = Math.max(book.expected ?? 0, total);
}

function resolved(href: string, base: string): string {
  const url = httpUrl(href, base);
  return url ? urlKey(url) : href;
}

function enqueueable(book: CrawlBook, href: string, base: string): boolean {
  const url = httpUrl(href, base);
  return !!url && onHosts(url, book.hosts) && !book.frontier.has(urlKey(url));
}

/** `cut`: why only part of the page was parsed (html-guard's limits), for the log. */
export type Prepared = { page: PageInfo; doc: Document; known: Set<string>; cut: string | null } | { skip: string };

/**
 * The asynchronous half of handling an HTML page: bound it (size, nodes, depth — linkedom is quadratic
 * in depth, and every parser the crawler is given is linkedom), parse, recognise, ask the store what it knows.
 */
export async function prepareHtml(book: CrawlBook, tools: PageTools, body: string, url: string): Promise<Prepared> {
  let page: PageInfo;
  let doc: Document;
  const guarded = guardHtml(body);
  try {
    doc = tools.parseHtml(guarded.html);
    page = tools.recognise(doc, url, { hosts: book.hosts });
  } catch (error) {
    return { skip: `unreadable page: ${error instanceof Error ? error.message.slice(0, 100) : 'parse error'}` };
  }
  const partly = guarded.cut ? ` (${guarded.cut})` : '';
  if (page.kind === 'not-archive' || page.kind === 'not-found') return { skip: `not an archive page${page.reason ? ` (${page.reason})` : ''}${partly}` };
  if (page.kind === 'article' && !page.article) return { skip: `article page without readable metadata${partly}` };
  if (page.kind !== 'article' && page.listing.length === 0 && !page.next) return { skip: `${page.kind} page lists no articles${partly}` };
  const known = book.mode === 'refresh' ? await tools.knownComplete(page.listing.map((t) => t.url)) : new Set<string>();
  return { page, doc, known, cut: guarded.cut };
}

/**
 * The synchronous half: learn the teasers/article, follow `next`, read the sidebar once. Synchronous so
 * that no checkpoint can be taken between learning a page and keeping it.
 */
export function applyHtml(book: CrawlBook, kind: JobKind, prepared: { page: PageInfo; doc: Document; known: Set<string> }, url: string): PageInfo | null {
  const { page, doc, known } = prepared;
  if (page.kind === 'article' && page.article) {
    book.noteArticle(page.article.url, true);
    const asked = httpUrl(url);
    if (asked && urlKey(asked) !== page.article.url && book.incomplete.has(urlKey(asked))) book.noteArticle(urlKey(asked), true);
    return page;
  }
  let fresh = 0;
  for (const teaser of page.listing) {
    if (known.has(teaser.url) || book.complete.has(teaser.url)) continue;
    fresh++;
    // Pending classes may resolve once the vocabulary learns their terms (runner: before the articles phase).
    const complete = teaser.tagsKnown && !teaser.pending?.length;
    book.noteArticle(teaser.url, complete, teaser.tagsKnown && !!teaser.pending?.length);
    if (!complete && book.phase === 'articles') enqueue(book, teaser.url, 'article');
  }
  if (kind === 'home' && book.mode === 'full' && book.held.length === 0) readSidebar(book, doc, url);
  // Refresh walks the home pagination back only until a page holds nothing new.
  const follow = book.mode === 'full' || fresh > 0;
  if (page.next && follow) enqueue(book, page.next, kind === 'article' ? 'home' : kind);
  return fresh > 0 || book.mode === 'full' ? page : null;
}

/** When a /page/N/ listing fails for good, guess /page/N+1/ so one bad page does not end the walk. */
export function skipPastFailedListing(book: CrawlBook, url: string, kind: JobKind): void {
  const parsed = httpUrl(url);
  if (!parsed) return;
  const m = /^(.*\/)page\/(\d{1,5})\/$/.exec(parsed.pathname);
  const next = m ? `${m[1]}page/${Number(m[2]) + 1}/` : `${parsed.pathname.replace(/\/?$/, '/')}page/2/`;
  enqueue(book, `${next}${parsed.search}`, kind, parsed.href);
}
