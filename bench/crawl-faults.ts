/**
 * bench:crawl's faulted run (issue 11.12): lib/crawl over the quirks archive served in this process with
 * the transient faults of the crawl tests (500s, 429 + Retry-After, truncated bodies, delays), every
 * request counted by the fixture server and sorted by what it was for, beside the archive's floor and
 * the retries those faults force on any crawler (tests/fixtures/archive/faults.ts).
 */
import { parseHTML } from 'linkedom';
import { recognise } from '../lib/archive';
import { MemoryCrawlStore } from '../cli/crawl-store';
import { Crawler, systemClock } from '../lib/crawl';
import { isComplete } from '../lib/db/merge';
import { nodeFetch } from '../cli/commands/crawl-http';
import { bareArticles, crawlFloor, floorPaths, forcedRetries, generateArchive, transientFaults } from '../tests/fixtures/archive/index';
import { startArchiveServer } from '../tests/fixtures/server';

export interface FaultedRun {
  articles: number;
  complete: number;
  requests: number;
  floor: number;
  forced: number;
  /** Requests by purpose: robots + sitemaps, home listing pages, other listings, bare / other article pages, failed answers. */
  byKind: Record<string, number>;
  state: string;
}

export async function crawlWithFaults(articles: number, seed = 5): Promise<FaultedRun> {
  const archive = generateArchive({ seed, articles, quirks: true });
  const server = await startArchiveServer({ archive });
  const rules = transientFaults(archive);
  server.setFaults(rules);
  const fetch = nodeFetch([{ host: archive.host, port: 80, addr: '127.0.0.1', addrPort: server.port }]);
  try {
    const store = new MemoryCrawlStore(Date.now);
    const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;
    const crawler = new Crawler({ fetch, parseHtml, recognise, clock: systemClock, store }, { baseUrl: `${archive.baseUrl}/`, delayMs: 0 });
    await crawler.start('full');
    const status = await crawler.settled();
    const bare = new Set(bareArticles(archive).map((a) => a.path));
    const articlePaths = new Set(archive.articles.map((a) => a.path));
    const byKind: Record<string, number> = {
      'robots + sitemaps': 0,
      'home listing': 0,
      'other listings': 0,
      'bare article': 0,
      'other article': 0,
      'failed answers': 0,
    };
    for (const r of server.requests) {
      const path = r.path.split('?')[0]!;
      const kind =
        r.status >= 400
          ? 'failed answers'
          : path === '/robots.txt' || path.endsWith('.xml')
            ? 'robots + sitemaps'
            : path === '/' || /^\/page\/\d+\/$/.test(path)
              ? 'home listing'
              : articlePaths.has(path)
                ? bare.has(path)
                  ? 'bare article'
                  : 'other article'
                : 'other listings';
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    const floor = crawlFloor(archive).total;
    return {
      articles,
      complete: [...store.articles.values()].filter(isComplete).length,
      requests: server.requests.length,
      floor,
      forced: forcedRetries(rules, floorPaths(archive)),
      byKind,
      state: status.state,
    };
  } finally {
    fetch.close();
    await server.close();
  }
}
