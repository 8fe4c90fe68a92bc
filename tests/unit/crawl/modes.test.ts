import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCrawlStore } from '@/cli/crawl-store';
import { indexTags, startRig, truthTags, type Rig } from './helpers';

describe('crawl modes and controls (300 articles)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ seed: 31, articles: 300 });
  });
  afterAll(() => rig.close());

  it('without sitemaps and with a home page lost, walks the rubrique listings and still finds every article', async () => {
    rig.server.requests.length = 0;
    rig.server.setFaults([
      { match: '/sitemap.xml', status: 404 },
      { match: '/wp-sitemap.xml', status: 404 },
      { match: '/page/4/', status: 410 },
      { match: '/page/5/', status: 410 },
    ]);
    const store = new MemoryCrawlStore(Date.now);
    const crawler = rig.crawler(store, { backoffBaseMs: 10 });
    await crawler.start('full');
    const status = await crawler.settled();
    rig.server.setFaults([]);
    expect(status.state).toBe('done');
    const truth = truthTags(rig.archive);
    const index = indexTags(store);
    expect([...truth].filter(([url, tags]) => index.get(url) !== tags)).toEqual([]);
    expect(rig.server.requests.some((r) => r.path.startsWith('/category/'))).toBe(true);
  }, 60_000);

  it('refresh reads the newest listing pages only, stopping at known articles', async () => {
    const full = new MemoryCrawlStore(Date.now);
    const first = rig.crawler(full);
    await first.start('full');
    expect((await first.settled()).articlesIndexed).toBe(300);
    const newest = rig.archive
      .listing('/')!
      .articles.slice(0, 7)
      .map((a) => a.url);
    const older = new MemoryCrawlStore(Date.now, { checkpoint: null, articles: [...full.articles.values()].filter((r) => !newest.includes(r.url)) });
    rig.server.requests.length = 0;
    const crawler = rig.crawler(older);
    await crawler.start('refresh');
    const status = await crawler.settled();
    expect(status.state).toBe('done');
    expect(status.articlesIndexed).toBe(7);
    expect(older.articles.size).toBe(300);
    expect(rig.server.requests.map((r) => r.path)).toEqual(['/robots.txt', '/', '/page/2/']);
  }, 60_000);

  it('pauses, resumes and cancels; a paused crawl does not resume by itself', async () => {
    const store = new MemoryCrawlStore(Date.now);
    const crawler = rig.crawler(store, { delayMs: 30 });
    await crawler.start('full');
    await expect.poll(() => crawler.status().pagesFetched, { timeout: 20_000 }).toBeGreaterThan(3);
    const paused = await crawler.pause();
    expect(paused.state).toBe('paused');
    // A request already on the wire when the pause came may still reach the server: let it land.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fetched = rig.server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rig.server.requests.length).toBe(fetched);
    expect((await rig.crawler(store).resumeIfInterrupted()).state).toBe('paused');
    expect((await crawler.resume()).state).toBe('running');
    await expect.poll(() => crawler.status().pagesFetched, { timeout: 20_000 }).toBeGreaterThan(paused.pagesFetched + 2);
    const cancelled = await crawler.cancel();
    expect(cancelled.state).toBe('cancelled');
    expect(store.checkpoint?.state).toBe('cancelled');
    expect((await crawler.resume()).state).toBe('cancelled');
  }, 60_000);

  it('pauses the whole crawl with a clear message when the archive keeps failing', async () => {
    rig.server.setFaults([{ match: '/*', status: 503 }]);
    const crawler = rig.crawler(new MemoryCrawlStore(Date.now), { backoffBaseMs: 5 });
    await crawler.start('full');
    const status = await crawler.settled();
    rig.server.setFaults([]);
    expect(status.state).toBe('paused');
    expect(status.message).toMatch(/^Paused: 12 requests in a row failed \(last: HTTP 503 on http:\/\/www\.securityvibes\.fr\/.*resume later\.$/);
  }, 60_000);
});
