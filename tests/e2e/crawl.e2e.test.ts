import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFile, shownUrl, type CrawlStatus } from '../../lib/model';
import { generateArchive, transientFaults, type Archive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { BROWSERS, launch, pollUntil, type Session } from './harness';

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
  const last: { status?: CrawlStatus } = {};
  try {
    await pollUntil(async () => done((last.status = await status(session))), 'the crawl status', timeoutMs, 150);
    return last.status!;
  } catch (error) {
    throw new Error(`${(error as Error).message}; crawl status still ${JSON.stringify(last.status)}`, { cause: error });
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
    await pollUntil(
      async () => {
        const saved = await readCheckpoint();
        return saved && (saved.state !== 'running' || doneIn(saved).size > 20);
      },
      'a checkpoint with 20 pages done',
      30_000,
    );

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
    const again = server.requests
      .slice(stoppedAt)
      .map((r) => r.path)
      .filter((path) => done.has(path));
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

/**
 * Issue 11.11 in the browser: the quirks archive (percent-encoded tags printed lossily by post_class,
 * mixed teaser markups, slug-only rubrique links, https canonicals) crawled with 500s, 429 +
 * Retry-After, truncated bodies and delays, started from the options page's "Build index" button;
 * the exported index checked against the generator's truth.
 */
describe('Build index from the options page in chromium: the quirks archive with faults (issue 11)', () => {
  const ARTICLES = 300;
  let archive: Archive;
  let server: ArchiveServer;
  let session: Session;

  beforeAll(async () => {
    archive = generateArchive({ seed: 11, articles: ARTICLES, quirks: true });
    server = await startArchiveServer({ archive });
    session = await launch('chromium', { server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('indexes every article with exactly its tags, rubrique, names and the address its page declared', async () => {
    server.setFaults(transientFaults(archive));
    expect((await session.callBackground('ui.saveSettings', { crawlDelayMs: 0 })).ok).toBe(true);
    const page = await session.openExtensionPage('options.html');
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.querySelector('#index button.primary') !== null);
    await page.click('#index button.primary');
    await page.waitForFunction(() => /^Finished/.test(document.querySelector('.crawl-state')?.textContent ?? ''), undefined, { timeout: 180_000 });
    await session.screenshot(page, 'crawl-quirks-finished');
    expect((await status(session)).state).toBe('done');
    expect(server.requests.some((r) => r.status === 500) && server.requests.some((r) => r.status === 429)).toBe(true);
    await page.close();

    const exported = await session.callBackground('ui.exportJson', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const index = BackupFile.parse(JSON.parse(exported.value.json));
    const byUrl = new Map(index.articles.map((a) => [a.url, a]));
    const set = (tags: readonly { slug: string; name: string }[]) =>
      tags
        .map((t) => `${t.slug}:${t.name}`)
        .sort()
        .join('|');
    const wrong = archive.articles.flatMap((a) => {
      const r = byUrl.get(a.url);
      if (!r) return [`${a.path} missing`];
      const problems = [
        r.pending || set(r.tags) !== set(a.tags) ? `tags ${set(r.tags)}` : '',
        r.category?.slug !== a.category.slug || r.category.name !== a.category.name ? `rubrique ${JSON.stringify(r.category)}` : '',
        r.detail === 'article' && r.author !== a.author.name ? `author ${r.author}` : '',
        r.detail === 'article' && shownUrl(r) !== a.canonical ? `shown ${shownUrl(r)}` : '',
      ].filter(Boolean);
      return problems.length ? [`${a.path} ${problems.join(', ')}`] : [];
    });
    expect(wrong).toEqual([]);
    expect(byUrl.size).toBe(ARTICLES);
    const read = index.articles.filter((r) => r.detail === 'article');
    expect(read.some((r) => r.https)).toBe(true);
    expect(index.vocabulary?.some((t) => t.slug.includes('%'))).toBe(true);
    // The tag statistics (tag chips, browse): every tag of the truth under its own name, no phantom.
    const truthTags = new Map(archive.articles.flatMap((a) => a.tags.map((t) => [t.slug, t.name] as const)));
    const stats = await session.callBackground('ui.tagStats', { limit: 5000 });
    if (!stats.ok) throw new Error(stats.error.message);
    expect(stats.value.filter((t) => truthTags.get(t.slug) !== t.name)).toEqual([]);
    expect(stats.value.length).toBe(truthTags.size);
    console.info(
      `e2e quirks crawl (Chromium): ${byUrl.size}/${ARTICLES} articles, exact tags, rubriques and names; ${read.length} article pages read; ${server.requests.length} requests`,
    );
  }, 240_000);
});
