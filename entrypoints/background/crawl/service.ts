/**
 * The extension's crawl: one Crawler per worker life, built from the current settings, checkpointed in
 * IndexedDB. A stopped service worker (Chrome), an unloaded event page (Firefox) or a browser restart
 * loses only the in-memory object: wake() (called at every background start, on runtime.onStartup and
 * on the keep-alive alarm) carries on with a crawl whose checkpoint still says "running".
 */
import { recognise } from '@/lib/archive';
import { Crawler, systemClock } from '@/lib/crawl';
import type { CrawlLogEntry, CrawlStatus } from '@/lib/model';
import { getStore } from '../db';
import { browserFetch, crawlStore, parseHtml } from './adapters';
import { crawlBadge, crawlKeepAlive, progressBroadcaster } from './signals';

let crawler: Crawler | null = null;
let waking: Promise<CrawlStatus> | null = null;
const broadcastProgress = progressBroadcaster();

function onProgress(status: CrawlStatus): void {
  broadcastProgress(status);
  void crawlBadge(status);
  void crawlKeepAlive(status.state === 'running');
}

/** A crawler configured from the settings as they are now (delay, concurrency, archive hosts). */
async function freshCrawler(): Promise<Crawler> {
  const store = getStore();
  const settings = await store.getSettings();
  const host = settings.archiveHosts[0] ?? 'www.securityvibes.fr';
  return new Crawler(
    { fetch: browserFetch, parseHtml, recognise, clock: systemClock, store: crawlStore(store), onProgress },
    { baseUrl: `http://${host}/`, hosts: settings.archiveHosts, delayMs: settings.crawlDelayMs, concurrency: settings.crawlConcurrency },
  );
}

async function current(): Promise<Crawler> {
  crawler ??= await freshCrawler();
  return crawler;
}

/** Resumes a crawl interrupted by the worker stopping. Safe to call any number of times. */
export function wake(): Promise<CrawlStatus> {
  waking ??= current()
    .then((c) => c.resumeIfInterrupted())
    .then((status) => {
      onProgress(status);
      return status;
    })
    .finally(() => {
      waking = null;
    });
  return waking;
}

export async function startCrawl(mode: 'full' | 'refresh'): Promise<CrawlStatus> {
  await waking;
  const running = crawler?.status().state === 'running';
  if (!running) crawler = await freshCrawler();
  const status = await (await current()).start(mode);
  onProgress(status);
  return status;
}

export async function resumeCrawl(): Promise<CrawlStatus> {
  await waking;
  if (crawler?.status().state !== 'running') crawler = await freshCrawler();
  const status = await (await current()).resume();
  onProgress(status);
  return status;
}

export async function pauseCrawl(): Promise<CrawlStatus> {
  await waking;
  const status = await (await current()).pause();
  onProgress(status);
  return status;
}

export async function cancelCrawl(): Promise<CrawlStatus> {
  await waking;
  const status = await (await current()).cancel();
  onProgress(status);
  return status;
}

export async function crawlStatus(): Promise<CrawlStatus> {
  await wake();
  return (await current()).status();
}

export async function crawlLog(limit: number): Promise<CrawlLogEntry[]> {
  return (await current()).log(limit);
}
