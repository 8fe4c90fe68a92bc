/**
 * A CrawlStore in memory: articles merged exactly as the database merges them (lib/db/merge), plus the
 * last checkpoint. The CLI persists it to a file; tests read it directly.
 */
import type { ArticleRecord, PageInfo } from '../model';
import { factsFromPage, mergeArticle } from '../db/merge';
import type { Checkpoint } from './checkpoint';
import type { CrawlStore } from './types';

export class MemoryCrawlStore implements CrawlStore {
  readonly articles = new Map<string, ArticleRecord>();
  checkpoint: Checkpoint | null = null;
  commits = 0;

  constructor(
    private readonly now: () => number,
    initial?: { checkpoint: Checkpoint | null; articles: readonly ArticleRecord[] },
    /** Called after every commit (the CLI writes its checkpoint file from here). */
    private readonly afterCommit?: (store: MemoryCrawlStore) => Promise<void> | void,
  ) {
    if (initial) {
      this.checkpoint = initial.checkpoint;
      for (const record of initial.articles) this.articles.set(record.url, record);
    }
  }

  async load(): Promise<unknown> {
    return this.checkpoint;
  }

  async commit(checkpoint: Checkpoint, pages: PageInfo[]): Promise<void> {
    const now = this.now();
    for (const page of pages) {
      for (const facts of factsFromPage(page)) this.articles.set(facts.url, mergeArticle(this.articles.get(facts.url), facts, now));
    }
    this.checkpoint = checkpoint;
    this.commits++;
    await this.afterCommit?.(this);
  }

  async knownComplete(urls: string[]): Promise<Set<string>> {
    return new Set(urls.filter((url) => this.articles.get(url)?.tagsComplete === true));
  }
}
