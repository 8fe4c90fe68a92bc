/** Shared set-up for crawler tests: the fixture archive served locally under its real host name. */
import { parseHTML } from 'linkedom';
import { recognise } from '@/lib/archive';
import { MemoryCrawlStore } from '@/cli/crawl-store';
import { Crawler, systemClock, type CrawlOptions } from '@/lib/crawl';
import { nodeFetch } from '@/cli/commands/crawl-http';
import { generateArchive, type Archive, type GeneratorOptions } from '@/tests/fixtures/archive/index';
import { startArchiveServer, type ArchiveServer } from '@/tests/fixtures/server';

export const parseHtml = (html: string): Document => parseHTML(html).document as unknown as Document;

export interface Rig {
  archive: Archive;
  server: ArchiveServer;
  fetch: ReturnType<typeof nodeFetch>;
  crawler(store: MemoryCrawlStore, options?: Partial<CrawlOptions>): Crawler;
  close(): Promise<void>;
}

export async function startRig(options: GeneratorOptions): Promise<Rig> {
  const archive = generateArchive(options);
  const server = await startArchiveServer({ archive });
  const fetch = nodeFetch([{ host: archive.host, port: 80, addr: '127.0.0.1', addrPort: server.port }]);
  return {
    archive,
    server,
    fetch,
    crawler: (store, extra = {}) =>
      new Crawler({ fetch, parseHtml, recognise, clock: systemClock, store }, { baseUrl: `${archive.baseUrl}/`, delayMs: 0, ...extra }),
    async close() {
      fetch.close();
      await server.close();
    },
  };
}

/** Every truth article as url → "slug:name|slug:name" (the index must match it exactly). */
export function truthTags(archive: Archive): Map<string, string> {
  return new Map(archive.articles.map((a) => [a.url, a.tags.map((t) => `${t.slug}:${t.name}`).join('|')]));
}

export function indexTags(store: MemoryCrawlStore): Map<string, string> {
  return new Map([...store.articles.values()].map((r) => [r.url, r.tags.map((t) => `${t.slug}:${t.name}`).join('|')]));
}
