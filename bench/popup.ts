/**
 * UI timings in real Chromium (production build), written with the bundle sizes to bench/results/ui.md:
 *  - popup open → related list drawn, with a 20,000-article index (p50 target ≤ 150 ms), read from the
 *    popup's own User Timing mark `sv-related-drawn` (ms since the popup document started);
 *    peer in the same run: the bare ui.getArticleView round trip measured inside an extension page;
 *  - article page's DOMContentLoaded (the content script runs at document_idle, just after) → panel drawn
 *    (the panel frame's own `sv-panel-drawn` mark, after its token is redeemed; target p50 and p95 ≤ 300 ms),
 *    with the panel frame's timeline (navigation, parse, scripts, data) on the same clock. Both are read
 *    from timelines the page cannot see marked by us: the page's own navigation timing, the frame's marks.
 * Usage: npm run build && tsx bench/popup.ts [runs]   (SV_BUILD_ROOT=<dir>: measure <dir>/.output instead)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseHTML } from 'linkedom';
import { extractPage } from '../lib/archive/extract';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../lib/model/backup';
import { CONTENT_RATE } from '../lib/protocol/tab-rate-limit';
import { generateArchive } from '../tests/fixtures/archive/index.ts';
import { startArchiveServer } from '../tests/fixtures/server.ts';
import { launch, sleep, type PageHandle } from '../tests/e2e/harness';
import { BUILD_DIRS } from '../tests/e2e/harness/env';
import { PANEL_FRAME } from '../tests/e2e/ui-helpers';
import { bundleTable } from './bundle';
import { syntheticArticles } from './store-data';

const RUNS = Number(process.argv[2] ?? 15);
// Page loads are cheap, and the panel is judged on its p95: with 15 samples that is the 2nd-worst value.
const PANEL_RUNS = RUNS * 3;
const INDEX_SIZE = 20_000;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const fmt = (values: number[]) => `${quantile(values, 0.5).toFixed(1)} ms (p95 ${quantile(values, 0.95).toFixed(1)})`;

type PanelPhase = 'frameStart' | 'frameParsed' | 'frameScript' | 'drawn' | 'data';

/** The panel frame's own timeline placed against the article page's DOMContentLoaded end (both in epoch ms). */
async function panelTiming(page: PageHandle): Promise<Record<PanelPhase, number>> {
  const start = await page.evaluate(
    () =>
      performance.timeOrigin +
      ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? Number.NaN),
  );
  const frame = await page.frame(PANEL_FRAME);
  await frame.waitForFunction(() => performance.getEntriesByName('sv-related-drawn').length > 0, undefined, { timeout: 20_000 });
  const times = await frame.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const origin = performance.timeOrigin;
    // No named function in here: tsx's esbuild wraps one in a __name() helper the page does not have.
    const [drawn, data] = ['sv-panel-drawn', 'sv-related-drawn'].map((name) => origin + (performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN));
    return {
      frameStart: origin,
      frameParsed: origin + nav.domInteractive,
      frameScript: origin + nav.domContentLoadedEventEnd,
      drawn: drawn!,
      data: data!,
    };
  });
  return {
    frameStart: times.frameStart - start,
    frameParsed: times.frameParsed - start,
    frameScript: times.frameScript - start,
    drawn: times.drawn - start,
    data: times.data - start,
  };
}

async function main() {
  const loadStart = os.loadavg()[0]!.toFixed(2);
  const archive = generateArchive({ seed: 3, articles: 30 });
  const target = archive.articles[0]!;
  // 20k synthetic articles (Zipf tags); every 4th also carries one of the target's tags, so the related
  // query for the target walks thousands of postings like a popular tag of the real archive.
  const articles = syntheticArticles(INDEX_SIZE).map((article, i) => ({
    ...article,
    excerpt: article.excerpt.slice(0, 400),
    ...(i % 4 === 0 ? { tags: [...article.tags.slice(0, 4), target.tags[i % target.tags.length]!] } : {}),
  }));
  // The file carries the site vocabulary the article page shows (as an export of an index built from the
  // archive would): otherwise the first page load teaches new names (the synthetic rubriques are named by
  // their slugs) and its content.pageSeen repairs all 20k stored records before the panel gets its token —
  // seconds, once, which the panel's p95 would then measure instead of the panel.
  const targetPage = extractPage(parseHTML(archive.render(new URL(target.url).pathname).body).document as unknown as Document, target.url);
  const json = JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    generator: 'bench/popup.ts',
    articles,
    vocabulary: targetPage.vocabulary ?? [],
    notes: [],
    trash: [],
    settings: null,
  });
  const server = await startArchiveServer({ archive });
  const session = await launch('chromium', { server });
  try {
    const imported = await session.callBackground('ui.applyImport', { json, applySettings: false });
    if (!imported.ok) throw new Error(`import failed: ${imported.error.message}`);
    const status = await session.callBackground('ui.indexStatus', {});
    const indexed = status.ok ? status.value.articles : -1;

    const panelMs: number[] = [];
    const phases: Record<PanelPhase, number[]> = { frameStart: [], frameParsed: [], frameScript: [], drawn: [], data: [] };
    // Reloads of one tab at the pace the background admits content-script reports (CONTENT_RATE: a burst
    // of 10, then one every 2 s): back to back, content.pageSeen was refused from about the 12th load on —
    // no token, so the content script removed the panel frame and the wait for it timed out.
    const loadEveryMs = 1000 / CONTENT_RATE.refillPerSecond;
    const page = await session.openPage(target.url);
    for (let i = 0; i < PANEL_RUNS; i++) {
      const started = Date.now();
      if (i > 0) await page.reload();
      const timing = await panelTiming(page);
      panelMs.push(timing.drawn);
      for (const phase of Object.keys(phases) as PanelPhase[]) phases[phase].push(timing[phase]);
      await sleep(loadEveryMs - (Date.now() - started));
    }

    const popupMs: number[] = [];
    const readyMs: number[] = [];
    let relatedCount = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      const popup = await session.openPopup(page);
      const mark = await popup.waitForFunction(() => performance.getEntriesByName('sv-related-drawn')[0]?.startTime ?? null, undefined, { timeout: 20_000 });
      relatedCount = await popup.evaluate(() => document.querySelectorAll('.sv-related-item').length);
      const ready = await popup.evaluate(
        () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? -1,
      );
      if (i >= 2) popupMs.push(Number(mark)); // two warm-up opens (worker start, first db open)
      if (i >= 2) readyMs.push(ready);
      await popup.close();
    }

    const bridge = await session.openExtensionPage('popup.html?tab=999999');
    const callMs = await bridge.evaluate(
      async ({ url, runs }) => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
        const times: number[] = [];
        for (let i = 0; i < runs + 2; i++) {
          const start = performance.now();
          await api.runtime.sendMessage({ call: 'ui.getArticleView', payload: { url, limit: 8 } });
          if (i >= 2) times.push(performance.now() - start);
        }
        return times;
      },
      { url: target.url, runs: RUNS },
    );

    const report = `# UI bench (Chromium, production build)

Run: ${new Date().toISOString()}, ${RUNS} popup opens and ${PANEL_RUNS} panel page loads, index of ${indexed} articles (${INDEX_SIZE} synthetic + fixture pages seen), ${relatedCount} related items drawn.

| measure | p50 (p95) | target |
|---|---|---|
| popup open → related list drawn (\`sv-related-drawn\` mark, 20k index) | ${fmt(popupMs)} | p50 ≤ 150 ms ${quantile(popupMs, 0.5) <= 150 ? '✅' : '❌'} |
| peer: same popup, document loaded (DOMContentLoaded end: popup window + our scripts parsed, before any message) | ${fmt(readyMs)} | — |
| peer: bare \`ui.getArticleView\` round trip from an extension page | ${fmt(callMs)} | — |
| article page DOMContentLoaded → panel drawn (\`sv-panel-drawn\` in the frame, after its token is redeemed: bar, stars, note box, related list placeholder) | ${fmt(panelMs)} | p50 and p95 ≤ 300 ms ${quantile(panelMs, 0.5) <= 300 && quantile(panelMs, 0.95) <= 300 ? '✅' : '❌'} |

Load average (1 min) at start / end: ${loadStart} / ${os.loadavg()[0]!.toFixed(2)} (2 cores).

### Where the panel's time goes (ms after the article page's DOMContentLoaded, same runs)

| step | p50 (p95) |
|---|---|
| panel frame's navigation starts (iframe inserted: page recognised, storage.local read) | ${fmt(phases.frameStart)} |
| panel.html parsed (\`domInteractive\`: Chromium commits the out-of-process frame — ~100 ms even for an empty page) | ${fmt(phases.frameParsed)} |
| panel.html's scripts ran (\`DOMContentLoaded\` end: Preact and components loaded; the panel then waits for its token) | ${fmt(phases.frameScript)} |
| panel drawn (token redeemed, first render: above) | ${fmt(panelMs)} |
| panel's data drawn (rating, note and related list filled: \`sv-related-drawn\` in the frame) | ${fmt(phases.data)} |

## Bundle sizes (minified)

${bundleTable(BUILD_DIRS.chromium)}
`;
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/ui.md', report);
    console.log(report);
  } finally {
    await session.close();
    await server.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
