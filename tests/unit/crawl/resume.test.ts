import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recognise } from '@/lib/archive';
import { MemoryCrawlStore } from '@/cli/crawl-store';
import { Crawler, systemClock, type Checkpoint, type FetchLike } from '@/lib/crawl';
import type { ArticleRecord } from '@/lib/model';
import { indexTags, parseHtml, startRig, truthTags, type Rig } from './helpers';

interface Persisted {
  checkpoint: Checkpoint | null;
  articles: ArticleRecord[];
  /** Server requests logged when this state was written. */
  requests: number;
}

async function killAndResume(rig: Rig, killAtCommit: number): Promise<void> {
  let persisted: Persisted = { checkpoint: null, articles: [], requests: 0 };
  let dead = false;
  // The "process": its fetch hangs forever once killed, and its writes no longer reach the disk.
  const mortalFetch: FetchLike = (url, init) => (dead ? new Promise<Response>(() => undefined) : rig.fetch(url, init));
  const first = new MemoryCrawlStore(Date.now, undefined, (store) => {
    if (dead) return;
    persisted = { checkpoint: structuredClone(store.checkpoint), articles: [...store.articles.values()], requests: rig.server.requests.length };
    if (store.commits === killAtCommit) dead = true;
  });
  const doomed = new Crawler(
    { fetch: mortalFetch, parseHtml, recognise, clock: systemClock, store: first },
    { baseUrl: `${rig.archive.baseUrl}/`, delayMs: 0, commitEveryMs: 0 },
  );
  await doomed.start('full');
  await expect.poll(() => dead, { timeout: 60_000, interval: 20 }).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const killedAt = rig.server.requests.length;
  expect(persisted.checkpoint?.state).toBe('running');
  expect(persisted.checkpoint?.counts.pagesFetched).toBeGreaterThan(killAtCommit - 5);

  const second = new MemoryCrawlStore(Date.now, { checkpoint: persisted.checkpoint, articles: persisted.articles });
  const revived = new Crawler(
    { fetch: rig.fetch, parseHtml, recognise, clock: systemClock, store: second },
    { baseUrl: `${rig.archive.baseUrl}/`, delayMs: 0 },
  );
  await revived.resume();
  const status = await revived.settled();
  expect(status.state).toBe('done');

  const truth = truthTags(rig.archive);
  const index = indexTags(second);
  expect(index.size).toBe(truth.size);
  expect([...truth].filter(([url, tags]) => index.get(url) !== tags).slice(0, 3)).toEqual([]);
  expect(status.articlesIndexed).toBe(rig.archive.articles.length);

  const before = new Set(rig.server.requests.slice(0, persisted.requests).map((r) => r.path));
  const after = rig.server.requests.slice(killedAt).map((r) => r.path);
  expect(after.filter((path) => before.has(path))).toEqual([]);
  // Nothing fetched twice at all after the resume either.
  expect(new Set(after).size).toBe(after.length);
}

describe('a crawl killed mid-way resumes to the same index', () => {
  describe('teasers with tag classes, 2,000 articles, all markup families', () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await startRig({ seed: 11, articles: 2000 });
    });
    afterAll(() => rig.close());
    it('never fetches again what the last checkpoint marked done', () => killAndResume(rig, 60), 120_000);
  });

  describe('teasers without tags (article-page fallback), 400 articles', () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await startRig({ seed: 12, articles: 400, teaserTags: false });
    });
    afterAll(() => rig.close());
    it('never fetches again what the last checkpoint marked done', () => killAndResume(rig, 150), 120_000);
  });
});
