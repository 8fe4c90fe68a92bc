/**
 * npm run bench:hostile — the worst time our code takes on each input of the hostile corpus
 * (tests/fixtures/hostile.ts), beside a named peer measured in the same run: the code each fix replaced
 * (bench/peers/old-matchers.ts) or plain linkedom without html-guard. Peers run in child processes and
 * are stopped after PEER_TIMEOUT_MS (default 20 s); the exponential and quadratic ones are also run at
 * smaller sizes to show their growth. Writes bench/results/hostile.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseHTML } from 'linkedom';
import { looksLikeHtml } from '../cli/read-html';
import { canonicalUrl } from '../lib/archive/canonical-url';
import { guardHtml } from '../lib/archive/html-guard';
import { parseArchiveHtml } from '../lib/archive/parse-html';
import { recognise } from '../lib/archive/recognise';
import { parseRobots, robotsAllows } from '../lib/crawl/robots';
import { parseSitemap } from '../lib/crawl/sitemap';
import { generateArchive } from '../tests/fixtures/archive/index';
import { ARTICLE_URL, hostileFiles, hostileHtml, hostileRobots, hostileSitemaps } from '../tests/fixtures/hostile';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PEER_TIMEOUT_MS = Number(process.env.PEER_TIMEOUT_MS ?? 20_000);

interface Case {
  name: string;
  input: string;
  /** Builds the input once and returns the measured step (its result is the answer shown). */
  ours: () => () => string;
  oursWhat: string;
  peer: string | null;
  peerWhat: string;
  /** Smaller runs of the peer that finish: [label, env]. */
  scale?: [string, Record<string, string>][];
}

const mb = (text: string) => `${(text.length / 1024 / 1024).toFixed(1)} MB`;
const page = (html: string) => () => {
  const parsed = parseArchiveHtml(html);
  const info = recognise(parsed.document, ARTICLE_URL);
  return `${info.kind}, ${info.article?.tags.length ?? 0} tags${parsed.cut ? `; ${parsed.cut.split(':')[0]}` : ''}`;
};
// An ordinary page of the generated archive (a classic-theme article with comments and sidebar).
const archive = generateArchive({ seed: 1, articles: 20 });
const ordinary = archive.render(new URL(archive.articles.find((a) => a.family === 'classic')?.url ?? archive.articles[0]!.url).pathname).body;

const CASES: Case[] = [
  {
    name: 'robots `Disallow: /*a*a*a*a*a*a*a*a*a*a*b`, 2,000-character path of a’s',
    input: 'robots-wildcard',
    ours: () => {
      const robots = parseRobots(hostileRobots.wildcard());
      const path = hostileRobots.longPath();
      return () => (robotsAllows(robots, path) ? 'allowed' : 'disallowed');
    },
    oursWhat: 'robotsAllows (segments + indexOf)',
    peer: 'robots-wildcard',
    peerWhat: 'the regex matcher it replaced',
    scale: [
      ['path of 30 a’s', { PEER_LENGTH: '30' }],
      ['40', { PEER_LENGTH: '40' }],
      ['50', { PEER_LENGTH: '50' }],
    ],
  },
  {
    name: 'robots: 500 wildcard rules (the cap), same path',
    input: 'robots-500-rules',
    ours: () => {
      const robots = parseRobots(hostileRobots.manyWildcards());
      const path = hostileRobots.longPath();
      return () => (robotsAllows(robots, path) ? 'allowed' : 'disallowed');
    },
    oursWhat: 'robotsAllows',
    peer: 'robots-500-rules',
    peerWhat: 'the regex matcher',
    scale: [['path of 30 a’s', { PEER_LENGTH: '30' }]],
  },
  {
    name: 'sitemap: 5 MB of unclosed `<loc>`',
    input: 'sitemap-unclosed',
    ours: () => {
      const xml = hostileSitemaps.unclosedLocs();
      return () => `${parseSitemap(xml).locs.length} URLs`;
    },
    oursWhat: 'parseSitemap (indexOf)',
    peer: 'sitemap-unclosed',
    peerWhat: 'the lazy-regex scan it replaced',
    scale: [
      ['64 KB', { PEER_BYTES: String(64 * 1024) }],
      ['256 KB', { PEER_BYTES: String(256 * 1024) }],
      ['1 MB', { PEER_BYTES: String(1024 * 1024) }],
    ],
  },
  {
    name: 'sitemap: 5 MB well-formed urlset',
    input: 'sitemap-huge',
    ours: () => {
      const xml = hostileSitemaps.huge();
      return () => `${parseSitemap(xml).locs.length} URLs`;
    },
    oursWhat: 'parseSitemap',
    peer: 'sitemap-huge',
    peerWhat: 'the regex scan',
  },
  ...(
    [
      [
        'page: 100,000 nested `<div>`',
        'html-deep',
        hostileHtml.deepNesting(),
        [
          ['10,000 deep', { PEER_DEPTH: '10000' }],
          ['20,000', { PEER_DEPTH: '20000' }],
          ['40,000', { PEER_DEPTH: '40000' }],
        ],
      ],
      ['page: 100,000 unclosed `<b>`', 'html-unclosed-inline', hostileHtml.unclosedInline(), undefined],
      ['page: 1,000,000 unclosed `<p>`', 'html-unclosed-blocks', hostileHtml.unclosedBlocks(), undefined],
      ['page: 1,200,000 end tags closing nothing', 'html-stray-end-tags', hostileHtml.strayEndTags(), undefined],
      ['page: 1,000,000 entities', 'html-entities', hostileHtml.entityFlood(), undefined],
    ] as const
  ).map(([name, input, html, scale]): Case => ({
    name: `${name} (${mb(html)})`,
    input,
    ours: () => page(html),
    oursWhat: 'html-guard + linkedom + recognise()',
    peer: input,
    peerWhat: 'linkedom alone, unguarded (before recognise)',
    scale: scale?.map(([label, env]) => [label, { ...env }]),
  })),
  {
    name: 'hrefs: 100 links, each with a run of 50,000 spaces inside',
    input: 'href-spaces',
    ours: () => {
      const hrefs = [...hostileHtml.spacedHrefs().matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
      const spaced = hrefs.filter((href) => href.length > 1000);
      return () => `${spaced.filter((href) => canonicalUrl(href, ARTICLE_URL)).length} of ${spaced.length} resolved`;
    },
    oursWhat: 'canonicalUrl (cap, then trim by index)',
    peer: 'href-spaces',
    peerWhat: 'the regex trim it replaced',
    scale: [['1 link', { PEER_COUNT: '1' }]],
  },
  {
    name: 'page: 300 nested meta-line candidates around 4 MB of text',
    input: 'nested-text',
    ours: () => page(hostileHtml.nestedText()),
    oursWhat: 'html-guard + linkedom + recognise()',
    peer: 'nested-text',
    peerWhat: 'the old prefilter alone (textContent of each candidate)',
  },
  {
    name: 'saved file: 1,000 `<!---->` before anything',
    input: 'cli-comment-run',
    ours: () => {
      const text = hostileFiles.commentRun();
      return () => (looksLikeHtml(text) ? 'HTML' : 'not HTML');
    },
    oursWhat: 'looksLikeHtml (indexOf)',
    peer: 'cli-comment-run',
    peerWhat: 'the regex sniff it replaced',
    scale: [
      ['18 comments', { PEER_COUNT: '18' }],
      ['22', { PEER_COUNT: '22' }],
      ['24', { PEER_COUNT: '24' }],
    ],
  },
  {
    name: `ordinary page: a generated classic article (${(ordinary.length / 1024).toFixed(0)} KB), what the guard costs`,
    input: 'baseline',
    ours: () => () => guardHtml(ordinary).cut ?? 'whole page kept',
    oursWhat: 'html-guard alone (what it adds to each parse)',
    peer: null,
    peerWhat: 'linkedom alone (in process)',
  },
];

function timeOurs(c: Case): { worst: number; median: number; answer: string } {
  const run = c.ours();
  let answer = run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    answer = run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { worst: times[times.length - 1] ?? NaN, median: times[Math.floor(times.length / 2)] ?? NaN, answer };
}

function runPeer(name: string, env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/hostile-peer.ts', name], {
    env: { ...process.env, ...env },
    timeout: PEER_TIMEOUT_MS,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.error || result.signal) return `> ${PEER_TIMEOUT_MS / 1000} s (stopped)`;
  try {
    const { ms } = JSON.parse(result.stdout) as { ms: number };
    return fmt(ms);
  } catch {
    return `failed (${(result.stderr || 'no output').trim().slice(0, 80)})`;
  }
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
}

const load0 = loadavg()[0] ?? 0;
const rows: string[] = [];
for (const c of CASES) {
  const ours = timeOurs(c);
  let peer: string;
  if (c.peer) {
    peer = runPeer(c.peer);
    const scale = (c.scale ?? []).map(([label, env]) => `${label}: ${runPeer(c.peer as string, env)}`);
    if (scale.length) peer += ` — ${scale.join(', ')}`;
  } else {
    const plain = (() => {
      const times: number[] = [];
      for (let i = 0; i <= ROUNDS; i++) {
        const started = performance.now();
        parseHTML(ordinary);
        times.push(performance.now() - started);
      }
      return times.slice(1).sort((a, b) => a - b);
    })();
    peer = `worst ${fmt(plain[plain.length - 1] ?? NaN)}, median ${fmt(plain[Math.floor(plain.length / 2)] ?? NaN)}`;
  }
  const row = `| ${c.name} | ${ours.answer} | ${c.oursWhat}: **${fmt(ours.worst)}** worst, ${fmt(ours.median)} median | ${c.peerWhat}: ${peer} |`;
  rows.push(row);
  console.log(row);
}
const load1 = loadavg()[0] ?? 0;

const md = `# Hostile-input benchmark (npm run bench:hostile)

${new Date().toISOString()} · Node ${process.version} · ${cpus().length} cores · load average ${load0.toFixed(1)} at start, ${load1.toFixed(1)} at the end
(other work was running: compare within a row). Ours: ${ROUNDS} timed runs after one warm-up, worst and median.
Peers: one run each in a child process, stopped after ${PEER_TIMEOUT_MS / 1000} s; the exponential and quadratic
ones also at smaller sizes, to show how they grow. Inputs: tests/fixtures/hostile.ts; the answers are checked
by tests/unit/hostile/ (this table times them, it asserts nothing).

| input | our answer | ours | peer |
|---|---|---|---|
${rows.join('\n')}
`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/hostile.md', md);
console.log('\nwritten to bench/results/hostile.md');
