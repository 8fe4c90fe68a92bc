/**
 * A page reached through a redirect is never read from that answer (issue 12, must-have 7). The CLI's
 * fetch never follows redirects (every hop is checked: faults.test.ts); a browser's follows them unseen,
 * so an answer with `redirected` set — however it ended — is treated as a redirect to its final URL,
 * which the crawler then asks for itself when it is on the archive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCrawlStore } from '@/cli/crawl-store';
import type { FetchLike } from '@/lib/crawl';
import { indexTags, startRig, truthTags, type Rig } from './helpers';

/** A Response as a browser's fetch gives it after following redirects to `finalUrl`. */
function followed(body: string, finalUrl: string): Response {
  const response = new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
  Object.defineProperty(response, 'redirected', { value: true });
  Object.defineProperty(response, 'url', { value: finalUrl });
  return response;
}

describe('redirects the browser followed (60 articles)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ seed: 12, articles: 60 });
  });
  afterAll(() => rig.close());

  it('never indexes their answer: off the archive it is skipped, on it the final URL is fetched directly', async () => {
    const base = rig.archive.baseUrl;
    // What another host answers: a real listing whose every link was rewritten to a made-up article.
    const forged = rig.archive.render('/page/2/').body.replace(/(href="[^"]*\/)([a-z0-9-]+\/)"/g, '$1forged-$2"');
    const browserLike: FetchLike = (url, init) => {
      const path = new URL(url).pathname;
      if (path === '/page/3/') return Promise.resolve(followed(forged, 'http://evil.example/page/3/'));
      if (path === '/page/4/') return Promise.resolve(followed(forged, url));
      if (url === `${base}/sitemap.xml`) return Promise.resolve(followed(forged, `${base}/sitemap.xml?via=redirect`));
      return rig.fetch(url, init);
    };
    const store = new MemoryCrawlStore(Date.now);
    const { Crawler, systemClock } = await import('@/lib/crawl');
    const { recognise } = await import('@/lib/archive');
    const { parseHtml } = await import('./helpers');
    const crawler = new Crawler({ fetch: browserLike, parseHtml, recognise, clock: systemClock, store }, { baseUrl: `${base}/`, delayMs: 0 });
    await crawler.start('full');
    expect((await crawler.settled()).state).toBe('done');

    const urls = [...store.articles.keys()];
    expect(urls.filter((url) => url.includes('forged-'))).toEqual([]);
    const truth = truthTags(rig.archive);
    const index = indexTags(store);
    expect([...truth].filter(([url, tags]) => index.get(url) !== tags)).toEqual([]);

    const log = await crawler.log(1000);
    const reason = (path: string) =>
      log
        .filter((e) => e.url === `${base}${path}`)
        .map((e) => e.reason)
        .join(' | ');
    expect(reason('/page/3/')).toMatch(/^redirected off the archive host to http:\/\/evil\.example\/page\/3\/: skipped, not indexed/);
    expect(reason('/page/4/')).toMatch(/redirected back to itself through hosts the browser does not show: skipped, not indexed/);
    // The on-archive target was asked for directly (and its sitemap read: every article is indexed above).
    expect(rig.server.requests.filter((r) => r.path === '/sitemap.xml?via=redirect')).toHaveLength(1);
  }, 60_000);
});
