import type * as z from 'zod/mini';
import { CrawlLogEntry } from '../model';
import { allRequests, guarded, transact } from './errors';
import { STORES, type Db } from './schema';

/** Newest entries kept in the crawl log; older ones are dropped as new ones arrive. */
export const CRAWL_LOG_CAP = 5000;

/**
 * Checkpoint storage for lib/crawl: JSON values by key in the `crawl` store, validated on the way in
 * and out by the schema the caller passes (an invalid stored value reads as null, never throws).
 */
export interface CrawlStateStore {
  get<S extends z.ZodMiniType>(key: string, schema: S): Promise<z.output<S> | null>;
  put<S extends z.ZodMiniType>(key: string, schema: S, value: z.input<S>): Promise<void>;
  delete(key: string): Promise<void>;
  /** Appends to the crawl log (one transaction), trimming it to the newest CRAWL_LOG_CAP entries. */
  appendLog(entries: readonly CrawlLogEntry[]): Promise<void>;
  /** Newest first. */
  readLog(limit: number): Promise<CrawlLogEntry[]>;
  clearLog(): Promise<void>;
}

export function crawlStateStore(db: () => Promise<Db>): CrawlStateStore {
  return {
    get: (key, schema) =>
      guarded(async () => {
        const raw: unknown = await (await db()).get(STORES.crawl, key);
        if (raw === undefined) return null;
        const parsed = schema.safeParse(raw);
        return parsed.success ? parsed.data : null;
      }),
    put: (key, schema, value) =>
      guarded(async () => {
        const parsed = schema.safeParse(value);
        if (!parsed.success) throw new TypeError(`Crawl state "${key}" does not match its schema`);
        await (await db()).put(STORES.crawl, parsed.data, key);
      }),
    delete: (key) =>
      guarded(async () => {
        await (await db()).delete(STORES.crawl, key);
      }),
    appendLog: (entries) =>
      guarded(async () => {
        const valid = entries.map((entry) => CrawlLogEntry.safeParse(entry)).flatMap((r) => (r.success ? [r.data] : []));
        if (valid.length === 0) return;
        const connection = await db();
        await transact(
          () => connection.transaction([STORES.crawlLog], 'readwrite'),
          async (tx) => {
            const store = tx.objectStore(STORES.crawlLog);
            await allRequests(valid, (entry) => store.add(entry));
            const excess = (await store.count()) - CRAWL_LOG_CAP;
            if (excess > 0) {
              let cursor = await store.openCursor();
              for (let removed = 0; cursor && removed < excess; removed += 1) {
                await cursor.delete();
                cursor = await cursor.continue();
              }
            }
          },
        );
      }),
    readLog: (limit) =>
      guarded(async () => {
        const store = (await db()).transaction([STORES.crawlLog]).objectStore(STORES.crawlLog);
        const out: CrawlLogEntry[] = [];
        let cursor = await store.openCursor(null, 'prev');
        while (cursor && out.length < limit) {
          out.push(cursor.value);
          cursor = await cursor.continue();
        }
        return out;
      }),
    clearLog: () =>
      guarded(async () => {
        await (await db()).clear(STORES.crawlLog);
      }),
  };
}
