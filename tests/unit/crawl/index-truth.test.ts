/**
 * Issue 11.11: the generated archive with the real site's quirks, crawled with faults on and indexed
 * from its saved mirror; both indexes checked against the generator's truth, and against each other.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { main } from '@/cli/main';
import { MemoryCrawlStore } from '@/cli/crawl-store';
import { crawlStore } from '@/entrypoints/background/crawl/adapters';
import { recognise } from '@/lib/archive';
import { Crawler, systemClock, type CrawlStore } from '@/lib/crawl';
import { createStore, type Store } from '@/lib/db';
import { BACKUP_VERSION, BackupFile, shownUrl, type ArticleRecord, type VocabTerm } from '@/lib/model';
import { crawlFloor, floorPaths, forcedRetries, transientFaults, writeMirror, type Archive, type TruthArticle } from '@/tests/fixtures/archive/index';
import type { FaultRule } from '@/tests/fixtures/server';
import { parseHtml, startRig, type Rig } from './helpers';

const ARTICLES = 400;
const tagSet = (tags: readonly { slug: string; name: string }[]) =>
  tags
    .map((t) => `${t.slug}:${t.name}`)
    .sort()
    .join('|');

/** The shared transient faults, plus one listing page linking an article from a block no teaser reader knows: the crawl must log it. */
function faults(archive: Archive): FaultRule[] {
  const doctored = archive
    .render('/page/3/')
    .body.replace('<div class="popular-posts">', `<ul class="liste"><li><a href="${archive.articles[0]!.url}">?</a></li></ul><div class="popular-posts">`);
  return [...transientFaults(archive), { match: '/page/3/', status: 200, contentType: 'text/html; charset=utf-8', body: doctored }];
}

interface Score {
  coverage: number;
  exactTags: number;
  exactRubriques: number;
  exactAuthors: number;
  withAuthor: number;
  /** Of the articles whose page was read: the address shown and opened is the one it declared (https on magazine pages). */
  exactShownUrls: number;
  wrong: string[];
}

const report = (what: string, s: Score) =>
  console.info(
    `${what}: ${s.coverage}/${ARTICLES} articles, ${s.exactTags} exact tag sets, ${s.exactRubriques} exact rubriques, authors ${s.exactAuthors}/${s.withAuthor} and shown URLs ${s.exactShownUrls}/${s.withAuthor} of the pages read`,
  );

function score(archive: Archive, records: ReadonlyMap<string, ArticleRecord>): Score {
  const s: Score = { coverage: 0, exactTags: 0, exactRubriques: 0, exactAuthors: 0, withAuthor: 0, exactShownUrls: 0, wrong: [] };
  const miss = (a: TruthArticle, what: string) => s.wrong.length < 8 && s.wrong.push(`${a.path} ${what}`);
  for (const a of archive.articles) {
    const record = records.get(a.url);
    if (!record) {
      miss(a, 'missing');
      continue;
    }
    s.coverage++;
    if (tagSet(record.tags) === tagSet(a.tags) && !record.pending) s.exactTags++;
    else miss(a, `tags ${tagSet(record.tags)} ≠ ${tagSet(a.tags)} pending ${record.pending?.join(',') ?? ''}`);
    if (record.category?.slug === a.category.slug && record.category.name === a.category.name) s.exactRubriques++;
    else miss(a, `rubrique ${JSON.stringify(record.category)}`);
    if (record.detail === 'article') {
      s.withAuthor++;
      // Only the article's own page declares its address (a teaser-only record keeps the listing's link).
      if (shownUrl(record) === a.canonical) s.exactShownUrls++;
      else miss(a, `shown as ${shownUrl(record)}`);
      if (record.author === a.author.name) s.exactAuthors++;
      else miss(a, `author ${record.author}`);
    }
  }
  return s;
}

/** Every commit of one crawl into both stores; the background's store answers what is known complete. */
function tee(memory: MemoryCrawlStore, store: CrawlStore): CrawlStore {
  return {
    load: () => memory.load(),
    commit: async (checkpoint, pages) => {
      await store.commit(checkpoint, pages);
      await memory.commit(checkpoint, pages);
    },
    knownComplete: (urls) => store.knownComplete(urls),
  };
}

async function indexMirror(archive: Archive): Promise<Map<string, ArticleRecord>> {
  const dir = await mkdtemp(join(tmpdir(), 'sv-truth-'));
  try {
    await writeMirror(archive, dir);
    const out = join(dir, 'index.json');
    const stderr = new PassThrough();
    stderr.resume();
    const code = await main(['index', dir, '-o', out, '--quiet'], { stdout: new PassThrough(), stderr: stderr as unknown as NodeJS.WriteStream });
    expect(code).toBe(0);
    const file = BackupFile.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(file.version).toBe(BACKUP_VERSION);
    expect(file.vocabulary?.length).toBeGreaterThan(archive.tags.length / 2);
    return new Map(file.articles.map((r) => [r.url, r]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe(`the index tells the truth on the quirks archive (${ARTICLES} articles, issue 11)`, () => {
  let rig: Rig;
  let crawled: Map<string, ArticleRecord>;
  let memoryVocabulary: VocabTerm[];
  let idb: Store;
  beforeAll(async () => {
    rig = await startRig({ seed: 11, articles: ARTICLES, quirks: true });
  });
  afterAll(() => rig?.close());

  it('crawls it with 500s, 429 + Retry-After, truncated bodies and delays: every article, exact tags and names', async () => {
    rig.server.setFaults(faults(rig.archive));
    const memory = new MemoryCrawlStore(Date.now);
    idb = createStore(new IDBFactory());
    // One crawl, every commit into both indexes: sv-companion crawl's MemoryIndex and the background's store.
    const crawler = new Crawler(
      { fetch: rig.fetch, parseHtml, recognise, clock: systemClock, store: tee(memory, crawlStore(idb)) },
      { baseUrl: `${rig.archive.baseUrl}/`, delayMs: 0 },
    );
    await crawler.start('full');
    const status = await crawler.settled();
    expect(status.message).toBeNull();
    expect(status.state).toBe('done');
    crawled = memory.articles;
    memoryVocabulary = memory.index.vocabulary.all();
    const s = score(rig.archive, crawled);
    report('crawl (MemoryIndex)', s);
    expect(s.wrong).toEqual([]);
    expect(s).toMatchObject({ coverage: ARTICLES, exactTags: ARTICLES, exactRubriques: ARTICLES, exactAuthors: s.withAuthor, exactShownUrls: s.withAuthor });
    const faulted = rig.server.requests.filter((r) => r.status === 500 || r.status === 429).length;
    expect(faulted).toBeGreaterThan(10);
    // Requests (issue 11.12): beside the floor, and beside the floor plus the retries these faults force on any crawler.
    const floor = crawlFloor(rig.archive).total;
    const forced = forcedRetries(faults(rig.archive), floorPaths(rig.archive));
    const requests = rig.server.requests.length;
    console.info(
      `crawl requests: ${requests} for ${ARTICLES} articles; floor ${floor} (${(requests / floor).toFixed(3)}×), floor + ${forced} forced retries (${(requests / (floor + forced)).toFixed(3)}×)`,
    );
    expect(requests).toBeLessThanOrEqual(1.2 * (floor + forced));
    // Only the doctored listing page kept an article link the recogniser could not read, and it is logged.
    const log = await crawler.log(1000);
    expect(log.filter((e) => /not read as teasers/.test(e.reason)).map((e) => [new URL(e.url).pathname, e.reason])).toEqual([
      ['/page/3/', 'listing page: 1 article link not read as teasers (10 teasers)'],
    ]);
  }, 300_000);

  it("the extension's IndexedDB store, given the same pages, builds the same index and vocabulary as the in-memory one", async () => {
    const file = await idb.exportBackup('test');
    const stored = new Map(file.articles.map((r) => [r.url, r]));
    const s = score(rig.archive, stored);
    report('crawl (IndexedDB store)', s);
    expect(s.wrong).toEqual([]);
    expect(s).toMatchObject({ coverage: ARTICLES, exactTags: ARTICLES, exactRubriques: ARTICLES, exactAuthors: s.withAuthor, exactShownUrls: s.withAuthor });
    // Record for record (timestamps aside), and term for term.
    const shape = (r: ArticleRecord | undefined) => r && { ...r, firstSeenAt: 0, updatedAt: 0 };
    const differ = [...crawled.values()].filter((m) => JSON.stringify(shape(m)) !== JSON.stringify(shape(stored.get(m.url))));
    expect(differ.map((m) => [shape(m), shape(stored.get(m.url))])).toEqual([]);
    expect(stored.size).toBe(crawled.size);
    expect(file.vocabulary).toEqual(memoryVocabulary);
    // The tag chips and statistics: every tag of the truth under its own name, no phantom among them.
    const truthTags = new Map(rig.archive.articles.flatMap((a) => a.tags.map((t) => [t.slug, t.name] as const)));
    const stats = await idb.tagStats(10_000);
    expect(stats.filter((t) => truthTags.get(t.slug) !== t.name)).toEqual([]);
    expect(stats.length).toBe(truthTags.size);
    expect(file.vocabulary?.length).toBeGreaterThan(rig.archive.tags.length / 2);
  }, 300_000);

  it("indexes its saved mirror to the same truth, and the crawl's index equals the mirror's", async () => {
    const mirrored = await indexMirror(rig.archive);
    const s = score(rig.archive, mirrored);
    report('mirror (sv-companion index)', s);
    expect(s.wrong).toEqual([]);
    expect(s).toMatchObject({
      coverage: ARTICLES,
      exactTags: ARTICLES,
      exactRubriques: ARTICLES,
      exactAuthors: ARTICLES,
      withAuthor: ARTICLES,
      exactShownUrls: ARTICLES,
    });
    expect(crawled.size).toBe(mirrored.size);
    const differ = [...mirrored.values()].filter((m) => {
      const c = crawled.get(m.url);
      return !c || tagSet(c.tags) !== tagSet(m.tags) || c.category?.name !== m.category?.name || c.title !== m.title;
    });
    expect(differ.map((r) => r.url)).toEqual([]);
  }, 300_000);
});
