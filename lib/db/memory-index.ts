/**
 * An index in memory — what `sv-companion index` and `sv-companion crawl` build, and what the crawl
 * tests read: records merged exactly as the IndexedDB store merges them (merge.ts) and the site
 * vocabulary learnt from every page (vocabulary.ts), applied to the records it concerns.
 */
import type { ArticleRecord, PageInfo, VocabTerm } from '../model';
import { factsFromPage, mergeArticle, sameRecord } from './merge';
import { noteRecordTerms, SiteVocabulary, repairRecord, vocabularyFromRecords } from './vocabulary';

export class MemoryIndex {
  readonly records = new Map<string, ArticleRecord>();
  readonly vocabulary: SiteVocabulary;
  /** The vocabulary changed since records were last repaired with it. */
  private stale = false;

  constructor(records: Iterable<ArticleRecord> = [], terms: readonly VocabTerm[] = []) {
    for (const record of records) this.records.set(record.url, record);
    this.vocabulary = vocabularyFromRecords(this.records.values(), new SiteVocabulary(terms));
    this.stale = this.records.size > 0;
  }

  /** Learns one recognised page; `cap`: no new article beyond this many records. */
  addPage(page: PageInfo, now: number, cap = Number.POSITIVE_INFINITY): void {
    if (this.vocabulary.learnPage(page) > 0) this.stale = true;
    for (const facts of factsFromPage(page)) {
      const existing = this.records.get(facts.url);
      if (!existing && this.records.size >= cap) break;
      if (noteRecordTerms(this.vocabulary, facts)) this.stale = true;
      const merged = repairRecord(mergeArticle(existing, facts, now), this.vocabulary).record;
      this.records.set(facts.url, existing && sameRecord(existing, merged) ? existing : merged);
    }
  }

  /** Applies everything the vocabulary learnt to every record (pending classes, real names). */
  settle(): void {
    if (!this.stale) return;
    this.stale = false;
    for (const [url, record] of this.records) {
      const repaired = repairRecord(record, this.vocabulary).record;
      if (repaired !== record) this.records.set(url, repaired);
    }
  }
}
