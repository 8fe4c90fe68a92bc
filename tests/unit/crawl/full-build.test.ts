import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCrawlStore } from '@/cli/crawl-store';
import { indexTags, startRig, truthTags, type Rig } from './helpers';

describe('full build against the fixture archive (2,000 articles, all markup families)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ seed: 7, articles: 2000 });
  });
  afterAll(() => rig.close());

  it('indexes every article with exactly its tags, fetching few pages', async () => {
    const store = new MemoryCrawlStore(Date.now);
    const crawler = rig.crawler(store);
    await crawler.start('full');
    const status = await crawler.settled();
    expect(status.state).toBe('done');
    expect(status.articlesIndexed).toBe(2000);
    const truth = truthTags(rig.archive);
    const index = indexTags(store);
    expect(index.size).toBe(truth.size);
    const wrong = [...truth].filter(([url, tags]) => index.get(url) !== tags);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect([...store.articles.values()].every((r) => r.tagsComplete)).toBe(true);
    const requests = rig.server.requests.length;
    expect(requests / 2000).toBeLessThanOrEqual(0.15);
    const paths = rig.server.requests.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
