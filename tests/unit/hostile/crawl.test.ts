/**
 * A whole crawl of a hostile archive: exponential robots wildcards (checked on a 70-character path of
 * a's), a 4.5 MB sitemap of unclosed `<loc>`,
 * a listing page nested 100,000 deep. The crawl finishes, indexes every article, and logs the page it
 * read only in part. (Before: the crawl never finished — the robots rules ran as backtracking regexes
 * on every enqueue.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCrawlStore } from '@/cli/crawl-store';
import { hostileSitemaps } from '@/tests/fixtures/hostile';
import { indexTags, startRig, truthTags, type Rig } from '../crawl/helpers';

describe('a crawl of a hostile archive (60 articles)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ seed: 8, articles: 60 });
  });
  afterAll(() => rig.close());

  it('finishes, indexes everything, and logs what it read in part', async () => {
    // No fixture path holds a Z, so these rules disallow nothing — and every path is full of a's.
    const robots = `User-agent: *\n${Array.from({ length: 40 }, (_, i) => `Disallow: /*${'a*'.repeat(10 + i)}Z\n`).join('')}Sitemap: ${rig.archive.baseUrl}/sitemap.xml\n`;
    const page2 = rig.archive.render('/page/2/').body;
    const deep = page2.replace('</body>', `${'<div>'.repeat(100_000)}${'</div>'.repeat(100_000)}</body>`);
    // The sitemap index names a sitemap whose path is 60 a's long: enqueueing it runs every rule on it.
    const flood = `/sitemap-${'a'.repeat(60)}.xml`;
    rig.server.setFaults([
      { match: '/robots.txt', status: 200, body: robots, contentType: 'text/plain' },
      {
        match: '/sitemap.xml',
        status: 200,
        body: `<sitemapindex><sitemap><loc>${rig.archive.baseUrl}${flood}</loc></sitemap></sitemapindex>`,
        contentType: 'application/xml',
      },
      { match: flood, status: 200, body: hostileSitemaps.unclosedLocs(4_500_000), contentType: 'application/xml' },
      { match: '/page/2/', status: 200, body: deep, contentType: 'text/html; charset=utf-8' },
    ]);
    const store = new MemoryCrawlStore(Date.now);
    const crawler = rig.crawler(store);
    await crawler.start('full');
    const status = await crawler.settled();
    expect(status.state).toBe('done');
    const truth = truthTags(rig.archive);
    const index = indexTags(store);
    expect([...truth].filter(([url, tags]) => index.get(url) !== tags)).toEqual([]);
    const log = await crawler.log(1000);
    expect(log.find((e) => e.url.endsWith('/page/2/'))?.reason).toMatch(/^read in part: page nested deeper than 512 elements/);
    expect(rig.server.requests.filter((r) => r.path === flood)).toHaveLength(1);
  }, 60_000);
});
