/**
 * npm run bench:parse — time to recognise one archive page (article pages and listing pages), with
 * lib/archive in Node (linkedom) and in Chromium (headless, its own DOMParser), side by side with
 * @mozilla/readability's parse() of the same pages — what reader views and web clippers run.
 * Targets: ≤ 2 ms per article page in Chromium; ≥ 10× faster than Readability on the same page.
 * Writes bench/results/parse.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { launchBundle } from './chromium-bundle';
import { recognise } from '../lib/archive/recognise';
import { generateArchive } from '../tests/fixtures/archive/index';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const archive = generateArchive({ seed: 2024, articles: 400 });
const pick = <T>(list: T[], n: number) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);

const articlePages = pick(archive.articles, 16).map((a) => ({ html: archive.render(a.path).body, url: a.url }));
const listingPaths = archive.paths().filter((p) => archive.listing(p) && (archive.listing(p)?.articles.length ?? 0) >= 5);
const listingPages = pick(listingPaths, 16).map((p) => ({ html: archive.render(p).body, url: archive.baseUrl + p }));

type Page = { html: string; url: string };
type Result = { ours: number; peer: number; samples: number; kinds: string[] };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function inNode(pages: Page[], rounds: number): Result {
  const ours: number[] = [];
  const peer: number[] = [];
  const kinds: string[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      const doc = parseHTML(page.html).document as unknown as Document;
      const other = parseHTML(page.html).document as unknown as Document;
      const t0 = performance.now();
      const info = recognise(doc, page.url);
      const t1 = performance.now();
      new Readability(other).parse();
      const t2 = performance.now();
      if (round > 0) {
        ours.push(t1 - t0);
        peer.push(t2 - t1);
      } else kinds.push(info.kind);
    }
  }
  return { ours: median(ours), peer: median(peer), samples: ours.length, kinds };
}

async function inChromium(sets: Page[][], rounds: number): Promise<{ results: Result[]; version: string }> {
  const { browser, url, close } = await launchBundle('bench/parse-browser.ts', { minify: true });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const results: Result[] = [];
    for (const set of sets) {
      results.push(
        await page.evaluate(([pages, n]) => (globalThis as unknown as { benchParse: (p: unknown, n: number) => Result }).benchParse(pages, n), [
          set,
          rounds,
        ] as const),
      );
    }
    return { results, version: browser.version() };
  } finally {
    await close();
  }
}

const fmt = (ms: number) => (ms < 0.1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const ratio = (r: Result) => `${(r.peer / r.ours).toFixed(1)}×`;

const loadBefore = loadavg()[0] as number;
const node = [inNode(articlePages, ROUNDS), inNode(listingPages, ROUNDS)];
console.log('node done');
const chrome = await inChromium([articlePages, listingPages], ROUNDS);
const check = (r: Result[], kinds: string[]) => r.every((x) => x.kinds.every((k) => kinds.includes(k)));
const kindsOk =
  check([node[0] as Result, chrome.results[0] as Result], ['article']) &&
  check([node[1] as Result, chrome.results[1] as Result], ['tag', 'category', 'date', 'author', 'home', 'search']);

const rows = (['article page', 'listing page'] as const).map((label, i) => {
  const n = node[i] as Result;
  const c = chrome.results[i] as Result;
  return `| ${label} | ${fmt(n.ours)} ms | ${fmt(n.peer)} ms | ${ratio(n)} | ${fmt(c.ours)} ms | ${fmt(c.peer)} ms | ${ratio(c)} |`;
});
const chromeArticle = chrome.results[0] as Result;
const table = [
  `# Parse benchmark (npm run bench:parse)`,
  '',
  `${new Date().toISOString()} · Node ${process.version} (linkedom) · Chromium ${chrome.version} headless · ${articlePages.length} article pages (all three markup families) and ${listingPages.length} listing pages from the fixture archive · ${ROUNDS - 1} timed rounds after one warm-up · Node: median of per-page times; Chromium (a cross-origin-isolated page, so a 5 µs timer): each round times all pages of a set in one block, median over rounds of the mean per page.`,
  `Machine load (1-min load average, 2 cores) at start / end: ${loadBefore.toFixed(1)} / ${(loadavg()[0] as number).toFixed(1)} — other engineers' browsers share the machine; figures inflate with load, ratios much less.`,
  'Peer: `@mozilla/readability` `parse()` of the same page (on its own copy of the document). Parsing HTML into a DOM is not timed for either.',
  '',
  '| page | Node: lib/archive recognise() | Node: Readability parse() | Readability / ours | Chromium: lib/archive recognise() | Chromium: Readability parse() | Readability / ours |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `Targets: ≤ 2 ms per article page in Chromium → ${fmt(chromeArticle.ours)} ms ${chromeArticle.ours <= 2 ? '✅' : '❌'}; ≥ 10× faster than Readability → ${ratio(chromeArticle)} in Chromium ${chromeArticle.peer / chromeArticle.ours >= 10 ? '✅' : '❌'}.`,
  `Every page was recognised as its kind: ${kindsOk ? 'yes' : 'NO'}.`,
].join('\n');
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/parse.md', `${table}\n`);
console.log(table);
