/**
 * A CrawlStore in memory: articles and the site vocabulary merged exactly as the database merges them
 * (lib/db/memory-index), plus the last checkpoint. The CLI persists it to a file; tests read it directly.
 * It lives here, beside the CLI that wires it, because lib/crawl sees its store only through the CrawlStore
 * port and never imports lib/db (eslint.config.js); the background's IndexedDB one is in
 * entrypoints/background/crawl/adapters.ts.
 */
import type { Checkpoint, CrawlStore } from '../lib/crawl';
import { MemoryIndex } from '../lib/db/memory-index';
import { isComplete } from '../lib/db/merge';
import type { ArticleRecord, PageInfo, VocabTerm } from '../lib/model';

export class MemoryCrawlStore implements CrawlStore {
  readonly index: MemoryIndex;
  checkpoint: Checkpoint | null = null;
  commits = 0;

  constructor(
    private readonly now: () => number,
    initial?: { checkpoint: Checkpoint | null; articles: readonly ArticleRecord[]; vocabulary?: readonly VocabTerm[] },
    /** Called after every commit (the CLI writes its checkpoint file from here). */
    private readonly afterCommit?: (store: MemoryCrawlStore) => Promise<void> | void,
  ) {
    this.index = new MemoryIndex(initial?.articles ?? [], initial?.vocabulary ?? []);
    this.index.settle();
    this.checkpoint = initial?.checkpoint ?? null;
  }

  /** The records so far (url → record). */
  get articles(): Map<string, ArticleRecord> {
    return this.index.records;
  }

  async load(): Promise<unknown> {
    return this.checkpoint;
  }

  async commit(checkpoint: Checkpoint, pages: PageInfo[]): Promise<void> {
    const now = this.now();
    for (const page of pages) this.index.addPage(page, now);
    this.index.settle();
    this.checkpoint = checkpoint;
    this.commits++;
    await this.afterCommit?.(this);
  }

  async knownComplete(urls: string[]): Promise<Set<string>> {
    return new Set(urls.filter((url) => isComplete(this.articles.get(url))));
  }
}
