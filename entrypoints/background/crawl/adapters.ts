/**
 * lib/crawl's injected pieces in the extension: the store (articles + checkpoint in one IndexedDB
 * transaction through lib/db), the browser's fetch, and linkedom as the HTML parser (the MV3 service
 * worker has no DOMParser; one parser for the CLI and both browsers).
 */
import { parseHTML } from 'linkedom';
import type { Store } from '@/lib/db';
import { isComplete } from '@/lib/db/merge';
import { Checkpoint, type CrawlStore, type FetchLike } from '@/lib/crawl';

/** Key of the one crawl checkpoint in lib/db's `crawl` store. */
const CHECKPOINT_KEY = 'checkpoint';

export function crawlStore(store: Store): CrawlStore {
  return {
    load: () => store.crawl.get(CHECKPOINT_KEY, Checkpoint),
    commit: async (checkpoint, pages) => {
      await store.indexPages(pages, { key: CHECKPOINT_KEY, value: checkpoint });
    },
    knownComplete: async (urls) => {
      const records = await Promise.all(urls.map((url) => store.getArticle(url)));
      return new Set(records.flatMap((r) => (isComplete(r) && r ? [r.url] : [])));
    },
  };
}

/**
 * Browsers hide a manual redirect's target (an opaque redirect), so the browser follows redirects and
 * the crawler checks where the response came from (`response.url`): an answer from off the archive
 * hosts is discarded with a reason. Credentials are never sent: the archive needs no login.
 */
export const browserFetch: FetchLike = (url, init) =>
  fetch(url, { signal: init.signal, headers: init.headers, redirect: 'follow', credentials: 'omit', cache: 'no-store' });

export const parseHtml = (html: string): Document => parseHTML(html).document as unknown as Document;
