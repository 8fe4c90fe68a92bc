/**
 * Runs inside Chromium (bundled by bench/crawl.ts with esbuild), on a page of the archive's own origin:
 * the crawler exactly as the extension's background runs it — linkedom as the parser (the MV3 worker has
 * no DOMParser), lib/db over the browser's real IndexedDB, articles and checkpoint in one transaction.
 */
import { createStore } from '../lib/db';
import { crawlStore, parseHtml } from '../entrypoints/background/crawl/adapters';
import type { FetchLike } from '../lib/crawl';
import { runNaive, runOurs, type CrawlRun } from './crawl-suite';

const pageFetch: FetchLike = (url, init) => fetch(url, { signal: init.signal, headers: init.headers, redirect: 'follow' });

async function benchCrawl(contender: 'ours' | 'naive', dbName: string): Promise<CrawlRun> {
  const store = createStore(indexedDB, { name: dbName });
  const env = {
    fetch: pageFetch,
    parseHtml,
    store: crawlStore(store),
    index: async (pages: Parameters<typeof store.indexPages>[0]) => void (await store.indexPages(pages)),
    countComplete: async () => (await store.indexStatus()).articles,
    baseUrl: `${location.origin}/`,
  };
  const run = contender === 'ours' ? await runOurs(env) : await runNaive(env);
  await store.close();
  return run;
}

(globalThis as unknown as { benchCrawl: typeof benchCrawl }).benchCrawl = benchCrawl;
