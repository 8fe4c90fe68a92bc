/**
 * One peer measurement for bench/hostile.ts, in its own process so a peer that never finishes can be
 * stopped: `tsx bench/hostile-peer.ts <case>` prints {"ms": …, "answer": …} on stdout.
 */
import { parseHTML } from 'linkedom';
import { parseRobots } from '../lib/crawl/robots';
import { hostileFiles, hostileHtml, hostileRobots, hostileSitemaps } from '../tests/fixtures/hostile';
import { regexLooksLikeHtml, regexRobotsAllows, regexSitemapLocs, regexTrimHref } from './peers/old-matchers';

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
const countNodes = (html: string) => parseHTML(html).document.querySelectorAll('*').length;

const PEERS: Record<string, () => { run: () => unknown }> = {
  'robots-wildcard': () => {
    const rules = parseRobots(hostileRobots.wildcard()).rules;
    const path = hostileRobots.longPath(process.env.PEER_CHAR ?? 'a', Number(process.env.PEER_LENGTH ?? 2000));
    return { run: () => regexRobotsAllows(rules, path) };
  },
  'robots-500-rules': () => {
    const rules = parseRobots(hostileRobots.manyWildcards()).rules;
    const path = hostileRobots.longPath('a', Number(process.env.PEER_LENGTH ?? 2000));
    return { run: () => regexRobotsAllows(rules, path) };
  },
  'sitemap-unclosed': () => {
    const xml = hostileSitemaps.unclosedLocs(Number(process.env.PEER_BYTES ?? 5 * 1024 * 1024));
    return { run: () => regexSitemapLocs(xml).length };
  },
  'sitemap-huge': () => {
    const xml = hostileSitemaps.huge();
    return { run: () => regexSitemapLocs(xml).length };
  },
  'html-deep': () => {
    const html = hostileHtml.deepNesting(Number(process.env.PEER_DEPTH ?? 100_000));
    return { run: () => countNodes(html) };
  },
  'html-unclosed-inline': () => {
    const html = hostileHtml.unclosedInline();
    return { run: () => countNodes(html) };
  },
  'html-unclosed-blocks': () => {
    const html = hostileHtml.unclosedBlocks();
    return { run: () => countNodes(html) };
  },
  'html-stray-end-tags': () => {
    const html = hostileHtml.strayEndTags();
    return { run: () => countNodes(html) };
  },
  'html-entities': () => {
    const html = hostileHtml.entityFlood();
    return { run: () => parseHTML(html).document.body.childNodes.length };
  },
  'href-spaces': () => {
    const list = hrefs(hostileHtml.spacedHrefs(Number(process.env.PEER_COUNT ?? 100)));
    return { run: () => list.map(regexTrimHref).filter(Boolean).length };
  },
  'nested-text': () => {
    // What the meta-line prefilter did before: the textContent of every candidate, then its regex.
    const doc = parseHTML(hostileHtml.nestedText()).document;
    const candidates = [...doc.querySelectorAll('div')].slice(0, 300);
    return { run: () => candidates.filter((el) => /:|auteur[\s\u200b]*de[\s\u200b]*l|le[\s\u200b]*\d/i.test(el.textContent ?? '')).length };
  },
  'cli-comment-run': () => {
    const text = hostileFiles.commentRun(Number(process.env.PEER_COUNT ?? 1000));
    return { run: () => regexLooksLikeHtml(text) };
  },
};

const name = process.argv[2] ?? '';
const make = PEERS[name];
if (!make) {
  process.stderr.write(`unknown peer ${name}; one of ${Object.keys(PEERS).join(', ')}\n`);
  process.exit(2);
}
const { run } = make();
const started = performance.now();
const answer = run();
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, answer })}\n`);
