/**
 * npm run bench:crawl — requests per indexed article and articles indexed per second (delay 0) for
 * lib/crawl against the local fixture archive (2,000 articles, all markup families), beside a naive
 * one-request-per-article crawler, in Node and in Chromium; and on the quirks archive (issue 11), its
 * requests per article beside that archive's floor (tests/fixtures/archive/floor.ts), also with
 * transient faults on (crawl-faults.ts, 800 articles). Writes bench/results/crawl.md.
 * The fixture servers run in child processes so that the crawler's own CPU time can be told apart.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { chromium } from 'playwright-core';
import { MemoryCrawlStore } from '../cli/crawl-store';
import { isComplete } from '../lib/db/merge';
import { nodeFetch } from '../cli/commands/crawl-http';
import { median, runNaive, runOurs, type CrawlRun, type Env } from './crawl-suite';
import { crawlFloor, generateArchive } from '../tests/fixtures/archive/index';
import { crawlWithFaults } from './crawl-faults';

const ARTICLES = 2000;
const HOST = 'www.securityvibes.fr';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The faulted quirks run's size (issue 11.12; the crawl unit test runs 400, the e2e 300). */
const FAULTED_ARTICLES = Number(process.env.BENCH_FAULTED_ARTICLES ?? 800);

async function serve(port: number, teaserTags: boolean, quirks = false): Promise<ChildProcess> {
  const args = [
    '--import',
    'tsx',
    'tests/fixtures/serve.ts',
    '--port',
    String(port),
    '--articles',
    String(ARTICLES),
    '--seed',
    '5',
    ...(teaserTags ? [] : ['--no-teaser-tags']),
    ...(quirks ? ['--quirks'] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve());
    child.on('exit', (code) => reject(new Error(`fixture server exited ${code}`)));
  });
  return child;
}

interface Measured extends CrawlRun {
  cpuMs: number | null;
}

async function inNode(port: number, contender: 'ours' | 'naive'): Promise<Measured> {
  const fetch = nodeFetch([{ host: HOST, port: 80, addr: '127.0.0.1', addrPort: port }]);
  const store = new MemoryCrawlStore(Date.now);
  const env: Env = {
    fetch,
    parseHtml: (html) => parseHTML(html).document as unknown as Document,
    store,
    index: (pages) => store.commit(store.checkpoint as never, pages),
    countComplete: async () => [...store.articles.values()].filter(isComplete).length,
    baseUrl: `http://${HOST}/`,
  };
  const cpu0 = process.cpuUsage();
  const run = contender === 'ours' ? await runOurs(env) : await runNaive(env);
  const cpu = process.cpuUsage(cpu0);
  fetch.close();
  return { ...run, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function inChromium(port: number, contenders: ('ours' | 'naive')[], rounds: number): Promise<{ runs: Measured[][]; version: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-crawl-'));
  execFileSync('node_modules/.bin/esbuild', [
    'bench/crawl-browser.ts',
    '--bundle',
    '--format=iife',
    '--minify',
    `--outfile=${join(dir, 'bench.js')}`,
    '--log-level=warning',
    '--alias:@=.',
  ]);
  const bundle = readFileSync(join(dir, 'bench.js'), 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${port}`],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://${HOST}/robots.txt`);
    await page.addScriptTag({ content: bundle });
    const runs: Measured[][] = contenders.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, contender] of contenders.entries()) {
        const run = await page.evaluate(
          ([c, name]) => (globalThis as unknown as { benchCrawl: (c: string, n: string) => Promise<CrawlRun> }).benchCrawl(c, name),
          [contender, `bench-${contender}-${round}`] as const,
        );
        runs[i]!.push({ ...run, cpuMs: null });
      }
    }
    return { runs, version: browser.version() };
  } finally {
    await browser.close();
  }
}

const perArticle = (r: Measured) => (r.articles ? r.requests / r.articles : NaN);
const rate = (r: Measured) => r.articles / (r.ms / 1000);
function summarise(runs: Measured[]) {
  return {
    requests: median(runs.map((r) => r.requests)),
    articles: median(runs.map((r) => r.articles)),
    perArticle: median(runs.map(perArticle)),
    rate: median(runs.map(rate)),
    cpuRate: runs[0]?.cpuMs != null ? median(runs.map((r) => r.articles / ((r.cpuMs ?? 1) / 1000))) : null,
    n: runs.length,
    states: [...new Set(runs.map((r) => r.state))].join(','),
  };
}

const load0 = loadavg()[0]!;
const servers = { on: await serve(18601, true), off: await serve(18602, false), quirks: await serve(18603, true, true) };
// Issue 11.12: the floor of requests for the quirks archive (listing pages reaching every article + the
// pages of articles whose teasers carry no tag information), from the generator's truth.
const floor = crawlFloor(generateArchive({ seed: 5, articles: ARTICLES, quirks: true }));
try {
  const node: Record<string, Measured[]> = { onOurs: [], onNaive: [], offOurs: [] };
  for (let round = 0; round < ROUNDS; round++) {
    node.onOurs!.push(await inNode(18601, 'ours'));
    node.onNaive!.push(await inNode(18601, 'naive'));
  }
  node.offOurs!.push(await inNode(18602, 'ours'));
  const quirks: Measured[] = [];
  for (let round = 0; round < ROUNDS; round++) quirks.push(await inNode(18603, 'ours'));
  const faulted = await crawlWithFaults(FAULTED_ARTICLES);
  console.error('node done');
  const chromeOn = await inChromium(18601, ['ours', 'naive'], ROUNDS);
  const chromeOff = await inChromium(18602, ['ours'], 1);
  const load1 = loadavg()[0]!;

  const rows: [string, ReturnType<typeof summarise>][] = [
    ['Node · lib/crawl · teaser tags on', summarise(node.onOurs!)],
    ['Node · naive (1 request / article) · same archive', summarise(node.onNaive!)],
    ['Node · lib/crawl · teaser tags off (article-page fallback)', summarise(node.offOurs!)],
    ['Node · lib/crawl · quirks archive (issue 11: mixed teaser markups, lossy post_class)', summarise(quirks)],
    [`Chromium ${chromeOn.version} · lib/crawl + IndexedDB · teaser tags on`, summarise(chromeOn.runs[0]!)],
    [`Chromium · naive + IndexedDB · same archive`, summarise(chromeOn.runs[1]!)],
    [`Chromium · lib/crawl + IndexedDB · teaser tags off (fallback)`, summarise(chromeOff.runs[0]!)],
  ];
  const table = rows.map(
    ([label, s]) =>
      `| ${label} | ${s.n} | ${s.requests} | ${s.articles} | ${s.perArticle.toFixed(3)} | ${s.rate.toFixed(0)} | ${s.cpuRate === null ? '–' : s.cpuRate.toFixed(0)} | ${s.states} |`,
  );
  const ours = rows[0]![1];
  const naive = rows[1]![1];
  const quirky = rows[3]![1];
  const floorPerArticle = floor.total / ARTICLES;
  const floorRatio = quirky.perArticle / floorPerArticle;
  const md = [
    '# Crawl benchmark (npm run bench:crawl)',
    '',
    `Fixture archive: ${ARTICLES} articles, all three markup families, 10 teasers per listing page, served locally`,
    `(child process) under its real host name. Delay 0, concurrency 1. Medians over n runs. Machine: ${cpus().length} cores,`,
    `load average ${load0.toFixed(1)} at start, ${load1.toFixed(1)} at the end (other work was running: wall-clock rates are`,
    `pessimistic; "articles / CPU-s" divides by the crawling process's own CPU time, Node only).`,
    '',
    '| run | n | requests | articles indexed | requests / article | articles / s (wall) | articles / CPU-s | end state |',
    '|---|---|---|---|---|---|---|---|',
    ...table,
    '',
    `Targets: requests / article ≤ 0.15 with teaser tags — ${ours.perArticle <= 0.15 ? 'met' : 'NOT met'} (${ours.perArticle.toFixed(3)}, vs ${naive.perArticle.toFixed(3)} for the naive peer);`,
    `≥ 200 articles / s at delay 0 — Node ${ours.rate.toFixed(0)}/s, Chromium ${rows[4]![1].rate.toFixed(0)}/s (wall clock, see load above).`,
    '',
    `Quirks archive (issue 11.12): ${quirky.perArticle.toFixed(3)} requests / article (${quirky.requests} requests, ${quirky.articles} articles with full tags)`,
    `beside the floor ${floorPerArticle.toFixed(3)} (${floor.listingPages} listing pages reaching every article + ${floor.articlePages} article pages whose teasers carry no tag information = ${floor.total}):`,
    `${floorRatio.toFixed(2)}× the floor — target ≤ 1.2×: ${floorRatio <= 1.2 ? 'met' : 'NOT met'}.`,
    '',
    `Quirks archive with faults (${faulted.articles} articles, seed 5; tests/fixtures/archive/faults.ts: 500s, 429 + Retry-After, truncated bodies,`,
    `delays), Node, one run: ${faulted.requests} requests for ${faulted.complete}/${faulted.articles} articles with full tags (${faulted.state}) —`,
    `${(faulted.requests / faulted.articles).toFixed(3)} requests / article beside the floor ${(faulted.floor / faulted.articles).toFixed(3)} (${faulted.floor} requests): ${(faulted.requests / faulted.floor).toFixed(3)}× the floor`,
    `(target ≤ 1.2×: ${faulted.requests / faulted.floor <= 1.2 ? 'met' : 'NOT met'}); the faults force ${faulted.forced} retries on any crawler (failed answers on pages the floor needs), and beside`,
    `floor + those retries (${faulted.floor + faulted.forced}) it is ${(faulted.requests / (faulted.floor + faulted.forced)).toFixed(3)}×. Requests by purpose: ${Object.entries(
      faulted.byKind,
    )
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}.`,
    '',
  ].join('\n');
  writeFileSync('bench/results/crawl.md', md);
  console.log(md);
} finally {
  servers.on.kill('SIGTERM');
  servers.off.kill('SIGTERM');
  servers.quirks.kill('SIGTERM');
}
