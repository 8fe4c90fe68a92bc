/**
 * Runs inside Chromium (bundled by bench/parse.ts with esbuild): lib/archive's recognise() and
 * @mozilla/readability's parse() on the same documents, built by the browser's own DOMParser.
 * Only the two calls are timed; parsing and cloning happen before the clock starts.
 */
import { Readability } from '@mozilla/readability';
import { recognise } from '../lib/archive/recognise';

interface BenchPage {
  html: string;
  url: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Each round times all pages in one block (documents parsed and cloned beforehand) and records the mean
 * per page; the medians are taken over rounds. The page is cross-origin isolated (chromium-bundle.ts),
 * so performance.now() has 5 µs resolution rather than Chromium's default 100 µs.
 */
function run(pages: BenchPage[], rounds: number) {
  const parser = new DOMParser();
  const ours: number[] = [];
  const peer: number[] = [];
  const kinds: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const docs = pages.map((page) => parser.parseFromString(page.html, 'text/html'));
    const clones = docs.map((doc) => doc.cloneNode(true) as Document);
    const t0 = performance.now();
    const infos = pages.map((page, i) => recognise(docs[i] as Document, page.url));
    const t1 = performance.now();
    for (const clone of clones) new Readability(clone).parse();
    const t2 = performance.now();
    if (round > 0) {
      ours.push((t1 - t0) / pages.length);
      peer.push((t2 - t1) / pages.length);
    } else kinds.push(...infos.map((info) => info.kind));
  }
  return { ours: median(ours), peer: median(peer), samples: ours.length * pages.length, kinds };
}

(globalThis as unknown as { benchParse: typeof run }).benchParse = run;
