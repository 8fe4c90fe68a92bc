/**
 * npm run bench:store — the local store at 1k, 10k, 20k and 50k articles, in Node (fake-indexeddb) and
 * in real Chromium (headless, page served from a local origin), each figure side by side with a naive
 * peer (read every article, work in JS) and the floor (bare IndexedDB read of the same data).
 * Writes bench/results/store.md.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchBundle } from './chromium-bundle';
import { runSuite, type Stats, type SuiteResult } from './store-suite';

const TARGETS = (process.env.BENCH_TARGETS ?? 'node,chromium').split(',');
// Node stops at 20k (fake-indexeddb at 50k took minutes and stands for no browser); BENCH_SIZES overrides both.
const sizes = (fallback: number[]) => (process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : fallback);
const NODE_SIZES = sizes([1_000, 10_000, 20_000]);
const CHROMIUM_SIZES = sizes([1_000, 10_000, 20_000, 50_000]);
const plan = (n: number) => ({ queries: n >= 50_000 ? 100 : 200, naiveQueries: n >= 50_000 ? 3 : n >= 10_000 ? 5 : 20, name: `bench-${n}` });
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function inNode(): Promise<SuiteResult[]> {
  const out: SuiteResult[] = [];
  for (const n of NODE_SIZES) {
    out.push(await runSuite(new IDBFactory(), n, plan(n)));
    console.log(`node ${n} done`);
  }
  return out;
}

async function inChromium(): Promise<{ results: SuiteResult[]; version: string }> {
  const { browser, url, close } = await launchBundle('bench/store-browser.ts');
  try {
    const results: SuiteResult[] = [];
    for (const n of CHROMIUM_SIZES) {
      // A fresh profile-less context per size: an empty origin, nothing left from the previous size.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      results.push(await page.evaluate(([size, options]) => window.runStoreSuite(indexedDB, size, options), [n, plan(n)] as const));
      await context.close();
      console.log(`chromium ${n} done`);
    }
    return { results, version: browser.version() };
  } finally {
    await close();
  }
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const pp = (s: Stats) => `${ms(s.p50)} (${ms(s.p95)})`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

function table(title: string, results: SuiteResult[]): string {
  const rows = results.map((r) =>
    [
      r.n.toLocaleString('en'),
      `${ms(r.importMs)} / ${ms(r.importFloorMs)} (${ratio(r.importMs, r.importFloorMs)}) · ${ms(r.importPerRecordMs)}`,
      pp(r.related),
      pp(r.relatedFloor),
      pp(r.relatedNaive),
      `${ratio(r.related.p50, r.relatedFloor.p50)} / ${ratio(r.relatedNaive.p50, r.related.p50)}`,
      `${ms(r.relatedFirstMs)} · ${ms(r.searchColdMs)} · ${ms(r.digestFloorMs)}`,
      `${pp(r.search)} · ${pp(r.searchNaive)}`,
      `${pp(r.browse)} · ${pp(r.browseFloor)} · ${pp(r.browseNaive)}`,
      `${ms(r.tagStatsColdMs)} · ${pp(r.tagStats)}`,
    ].join(' | '),
  );
  return [
    `### ${title}`,
    '',
    '| N | bulk import ms: ours / floor: bare puts of the same buckets (ratio) · bare puts, one record per article | related warm p50 (p95) | floor: bare read of the postings | naive: getAll + score | ours÷floor / naive÷ours (p50) | cold, first query after wake: related · search · floor (bare read of the digest) | search warm · naive | browse by tag: ours · floor · naive | tag stats (top 200): cold · warm |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

function verdict(r: SuiteResult | undefined): string {
  if (!r) return '';
  const checks = [
    [`related p50 ${ms(r.related.p50)} ms ≤ 5 ms`, r.related.p50 <= 5],
    [`related p95 ${ms(r.related.p95)} ms ≤ 15 ms`, r.related.p95 <= 15],
    [`ours ÷ floor ${ratio(r.related.p50, r.relatedFloor.p50)} ≤ 3×`, r.related.p50 <= 3 * r.relatedFloor.p50],
    [`naive ÷ ours ${ratio(r.relatedNaive.p50, r.related.p50)} ≥ 10×`, r.relatedNaive.p50 >= 10 * r.related.p50],
    [`bulk import ${ms(r.importMs)} ms ≤ 2000 ms`, r.importMs <= 2000],
    [`cold first search ${ms(r.searchColdMs)} ms < 300 ms`, r.searchColdMs < 300],
    [`warm search p50 ${ms(r.search.p50)} ms ≤ 30 ms`, r.search.p50 <= 30],
  ] as const;
  return checks.map(([text, pass]) => `- ${pass ? 'PASS' : 'FAIL'}: ${text}`).join('\n');
}

async function main() {
  const started = Date.now();
  const loadBefore = load();
  const node = TARGETS.includes('node') ? await inNode() : [];
  const chrome = TARGETS.includes('chromium') ? await inChromium() : { results: [], version: '-' };
  const md = [
    '# Local store benchmark (`npm run bench:store`)',
    '',
    `Run ${new Date().toISOString()} on ${process.platform}, node ${process.version}, Chromium ${chrome.version}; ${Math.round((Date.now() - started) / 1000)} s in all; load average (1/5/15 min, 2 cores) before ${loadBefore}, after ${load()}.`,
    'Synthetic articles with 5 tags each drawn from a Zipf(1) law over 2,000 tags (most common tag on ~47% of articles), 8 rubriques, dates over ten years.',
    'Times in ms, p50 (p95); related = 200 queries (100 at 50k) for random articles, top 8, ratings included; naive peers run fewer queries at large N (they take seconds).',
    'Related and search are answered from an in-memory catalog loaded from the `digest` store (schema v4) on first use after the worker wakes and patched by every write:',
    '"cold" = the first related / the first search on a fresh connection with no catalog (each on its own fresh store: open + one read of the digest + building the catalog + the query),',
    "warm = every later query (related: no IndexedDB read at all; search: one read of the ≤ 20 hits' buckets for their excerpts). Floors = bare IndexedDB reads of the same data",
    "(related: the article's bucket + its tags' posting buckets, what an on-disk query must read; cold: getAll of the digest; browse: the tag's posting bucket;",
    "the article and posting buckets are read from a bare database holding the same records as schema v5 packed them: since v6 our store keeps no postings, the catalog lists every tag's and rubrique's articles).",
    'Tag stats = `tagStats(200)`: cold = the first call on a fresh store (since v6 it loads the catalog, before it read every posting bucket), then 50 warm calls.',
    'Bulk import = `putRecords` of N records into an empty index in one transaction (ids, merge, article buckets, digest with tokenisation, meta with tag counts; v5 also built and wrote the postings), beside two peers in the same run:',
    'the floor, bare puts of the same records packed in the same 512 buckets as ours (the packing, JSON text included, done before its clock starts) into an index-less store,',
    'and bare puts of the same records one per article (the schema v1–v4 layout; in Chromium each request costs ~0.1 ms whatever its size, which is why v5 packs them).',
    '',
    table(`Chromium ${chrome.version} (real IndexedDB)`, chrome.results),
    '**Targets (Chromium, 20k):**',
    verdict(chrome.results.find((r) => r.n === 20_000)),
    '',
    table('Node + fake-indexeddb (not representative of the browser; for reference)', node),
  ].join('\n');
  writeFileSync('bench/results/store.md', `${md}\n`);
  console.log(md);
}

await main();
