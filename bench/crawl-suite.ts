/**
 * The crawl benchmark's two contenders, runnable in Node and (bundled) in Chromium with the same code:
 *  - ours: lib/crawl's Crawler (robots → sitemaps → home pagination, teaser tags, article pages only
 *    when tags are unknown), delay 0, concurrency 1;
 *  - naive (the peer): read the sitemaps for every article URL, then fetch and recognise every article
 *    page — one request per article.
 * Both parse with linkedom and recognise with lib/archive, and hand results to the same kind of store.
 */
import { recognise } from '../lib/archive';
import { Crawler, fetchOnce, parseSitemap, systemClock, type CrawlStore, type FetchLike } from '../lib/crawl';
import type { PageInfo } from '../lib/model';

export interface CrawlRun {
  contender: 'ours' | 'naive';
  requests: number;
  articles: number;
  ms: number;
  state: string;
}

export interface Env {
  fetch: FetchLike;
  parseHtml(html: string): Document;
  store: CrawlStore;
  /** The naive crawler's sink: the same store, pages only (it keeps no checkpoint). */
  index(pages: PageInfo[]): Promise<void>;
  /** Articles the store holds with complete tags, after the run. */
  countComplete(): Promise<number>;
  baseUrl: string;
}

export async function runOurs(env: Env, concurrency = 1): Promise<CrawlRun> {
  const t0 = performance.now();
  const crawler = new Crawler(
    { fetch: env.fetch, parseHtml: env.parseHtml, recognise, clock: systemClock, store: env.store },
    { baseUrl: env.baseUrl, delayMs: 0, concurrency },
  );
  await crawler.start('full');
  const status = await crawler.settled();
  const ms = performance.now() - t0;
  const checkpoint = (await env.store.load()) as { counts?: { requests?: number } } | null;
  return { contender: 'ours', requests: checkpoint?.counts?.requests ?? 0, articles: await env.countComplete(), ms, state: status.state };
}

export async function runNaive(env: Env): Promise<CrawlRun> {
  const t0 = performance.now();
  const signal = new AbortController().signal;
  let requests = 0;
  const get = async (url: string, kind: 'xml' | 'html') => {
    requests++;
    const outcome = await fetchOnce(env.fetch, url, kind, signal, Date.now);
    return outcome.ok === true ? outcome.body : null;
  };
  const articleUrls: string[] = [];
  const sitemaps = [new URL('/sitemap.xml', env.baseUrl).href];
  while (sitemaps.length > 0) {
    const body = await get(sitemaps.shift()!, 'xml');
    if (!body) continue;
    const parsed = parseSitemap(body);
    if (parsed.kind === 'index') sitemaps.push(...parsed.locs.filter((loc) => !/taxonom/.test(loc)));
    else articleUrls.push(...parsed.locs);
  }
  let pages: PageInfo[] = [];
  for (const url of articleUrls) {
    const body = await get(url, 'html');
    if (!body) continue;
    const page = recognise(env.parseHtml(body), url);
    if (page.kind === 'article') pages.push(page);
    if (pages.length >= 20) {
      await env.index(pages);
      pages = [];
    }
  }
  if (pages.length) await env.index(pages);
  return { contender: 'naive', requests, articles: await env.countComplete(), ms: performance.now() - t0, state: 'done' };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
