import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFile, type CrawlStatus } from '../../lib/model';
import { generateArchive, type Archive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { BROWSERS, launch, type Session } from './harness';

/** The crawl checkpoint as IndexedDB holds it, read from an inert extension page while the background is stopped. */
interface StoredCheckpoint {
  state: string;
  queue: { url: string }[];
  seen: string[];
}

async function status(session: Session): Promise<CrawlStatus> {
  const answer = await session.callBackground('ui.crawlStatus', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

async function waitFor(session: Session, done: (s: CrawlStatus) => boolean, timeoutMs: number): Promise<CrawlStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await status(session);
    if (done(s)) return s;
    if (Date.now() > until) throw new Error(`crawl status still ${JSON.stringify(s)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe.each(BROWSERS)('Build index in %s (2,000 articles, all markup families)', (browserName) => {
  let archive: Archive;
  let server: ArchiveServer;
  let session: Session;

  beforeAll(async () => {
    archive = generateArchive({ seed: 51, articles: 2000 });
    server = await startArchiveServer({ archive });
    session = await launch(browserName, { server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('indexes the whole archive; the background stopped mid-crawl resumes without fetching again what it had checkpointed', async () => {
    const saved = await session.callBackground('ui.saveSettings', { crawlDelayMs: 0 });
    expect(saved.ok).toBe(true);
    server.requests.length = 0;
    const started = await session.callBackground('ui.crawlStart', { mode: 'full' });
    expect(started.ok && started.value.state).toBe('running');
    // A page that runs none of our code (it cannot wake the background) reads the stored checkpoint.
    const inert = await session.openExtensionPage('manifest.json');
    const readCheckpoint = () =>
      inert.evaluate(
        () =>
          new Promise<StoredCheckpoint | null>((resolve, reject) => {
            const open = indexedDB.open('securityvibes-companion');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('crawl').objectStore('crawl').get('checkpoint');
              get.onsuccess = () => {
                open.result.close();
                resolve((get.result as StoredCheckpoint | undefined) ?? null);
              };
              get.onerror = () => reject(get.error);
            };
          }),
      );
    const doneIn = (saved: StoredCheckpoint | null) => {
      const queued = new Set(saved?.queue.map((job) => job.url) ?? []);
      return new Set((saved?.seen ?? []).filter((url) => !queued.has(url)).map((url) => new URL(url).pathname));
    };
    // Stop the background once a checkpoint with real progress is on disk (checkpoints are spaced out, so
    // the live page count runs ahead of what is saved) — but while the crawl is still running.
    for (let tries = 0; tries < 600; tries++) {
      const saved = await readCheckpoint();
      if (saved && (saved.state !== 'running' || doneIn(saved).size > 20)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    await session.stopBackground();
    const stoppedAt = server.requests.length;
    // Read the last checkpoint before anything wakes the background again.
    const checkpoint = await readCheckpoint();
    await inert.close();
    expect(checkpoint?.state).toBe('running');
    const done = doneIn(checkpoint);
    expect(done.size).toBeGreaterThan(20);

    // Any message wakes the background, which carries on from the checkpoint by itself.
    const final = await waitFor(session, (s) => s.state !== 'running', 90_000);
    expect(final.state).toBe('done');
    expect(final.articlesIndexed).toBe(2000);
    const again = server.requests.slice(stoppedAt).map((r) => r.path).filter((path) => done.has(path));
    expect(again).toEqual([]);

    const exported = await session.callBackground('ui.exportJson', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const index = BackupFile.parse(JSON.parse(exported.value.json));
    const tags = new Map(index.articles.map((a) => [a.url, a.tags.map((t) => `${t.slug}:${t.name}`).join('|')]));
    expect(tags.size).toBe(2000);
    expect(archive.articles.filter((a) => tags.get(a.url) !== a.tags.map((t) => `${t.slug}:${t.name}`).join('|')).map((a) => a.url)).toEqual([]);
    expect(server.requests.length / 2000).toBeLessThanOrEqual(0.15);
  }, 240_000);
});
