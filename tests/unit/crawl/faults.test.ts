import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCrawlStore } from '@/cli/crawl-store';
import { indexTags, startRig, truthTags, type Rig } from './helpers';

describe('a crawl through a misbehaving server (2,000 articles)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ seed: 21, articles: 2000 });
  });
  afterAll(() => rig.close());

  it('honours Retry-After, retries 500s and timeouts, skips garbage, truncation and off-host redirects with reasons, and indexes the rest', async () => {
    // An article listed on a page that fails for good, so its own page is needed — and answers 404.
    const lost = rig.archive.listing('/page/9/')!.articles[3]!;
    rig.server.setFaults([
      { match: '/page/3/', status: 429, retryAfter: 1, times: 1 },
      { match: '/page/5/', status: 500, times: 2 },
      { match: '/page/7/', delayMs: 1500, times: 1 },
      { match: '/page/9/', status: 200, body: '\u0000\u0001garbage <<<>>> </ht', contentType: 'text/html' },
      { match: '/page/11/', truncateAt: 2000 },
      { match: '/page/13/', redirectTo: 'http://evil.example/page/13/' },
      { match: '/page/15/', status: 200, body: '%PDF-1.4 binary', contentType: 'application/pdf' },
      { match: '/page/17/', status: 200, body: '<html><body><p>random junk</p><a href="http://evil.example/">x</a></body></html>', contentType: 'text/html' },
      { match: lost.path, status: 404 },
    ]);
    const store = new MemoryCrawlStore(Date.now);
    const crawler = rig.crawler(store, { limits: { timeoutMs: 500 }, backoffBaseMs: 50 });
    await crawler.start('full');
    const status = await crawler.settled();
    expect(status.state).toBe('done');

    // Everything but the one article whose page answers 404 (its teaser page failed too).
    const truth = truthTags(rig.archive);
    const index = indexTags(store);
    const complete = [...store.articles.values()].filter((r) => r.tagsComplete).map((r) => r.url);
    const missing = [...truth.keys()].filter((url) => !complete.includes(url));
    expect(missing).toEqual([lost.url]);
    expect([...truth].filter(([url, tags]) => url !== lost.url && index.get(url) !== tags).slice(0, 3)).toEqual([]);

    const times = (path: string) => rig.server.requests.filter((r) => r.path === path).map((r) => r.at);
    const page3 = times('/page/3/');
    expect(page3).toHaveLength(2);
    expect(page3[1]! - page3[0]!).toBeGreaterThanOrEqual(990);
    expect(times('/page/5/')).toHaveLength(3);
    expect(times('/page/7/')).toHaveLength(2);
    expect(times('/page/9/')).toHaveLength(4);
    expect(times('/page/13/')).toHaveLength(1);
    expect(rig.server.requests.some((r) => r.host === 'evil.example')).toBe(false);

    const log = await crawler.log(1000);
    const reason = (path: string) =>
      log
        .filter((e) => e.url.endsWith(path))
        .map((e) => e.reason)
        .join(' | ');
    expect(reason('/page/3/')).toMatch(/HTTP 429; try 1 of 4, retrying in 1 s/);
    expect(reason('/page/5/')).toMatch(/HTTP 500/);
    expect(reason('/page/7/')).toMatch(/timed out/);
    expect(reason('/page/9/')).toMatch(/gave up after 4 tries/);
    expect(reason('/page/11/')).toMatch(/truncated|network error/);
    expect(reason('/page/13/')).toMatch(/redirect off the archive host to http:\/\/evil\.example/);
    expect(reason('/page/15/')).toMatch(/not HTML \(content-type "application\/pdf"\)/);
    expect(reason('/page/17/')).toMatch(/not an archive page|lists no articles/);
    expect(reason(lost.path)).toMatch(/HTTP 404: skipped/);
  }, 120_000);
});
