/**
 * The recogniser in the browser equals the recogniser in Node (issue 3 §8): the fixture pages and a sample
 * of generated-archive pages of every family and kind are served under the archive host names, opened in
 * the browser with the production build, and what the content script reported for the tab (read back
 * from the background, after its schema validation) must equal `recognise(parseArchiveHtml(html), url)`.
 * Pages the content script does not report (not-found, not-archive) must leave nothing for the tab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchiveHtml } from '../../lib/archive/parse-html';
import { recognise } from '../../lib/archive/recognise';
import type { PageInfo } from '../../lib/model/page-info';
import { generateArchive, type Archive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { BROWSERS, launch, type Session } from './harness';
import { waitForContentScript } from './ui-helpers';

const PAGES_DIR = join(import.meta.dirname, '../fixtures/pages');

/** Fixture pages that can be served under an archive host (Wayback and file copies cannot). */
const FIXTURE_PAGES: readonly { file: string; url: string }[] = [
  { file: 'classic-article.html', url: 'http://www.securityvibes.fr/menaces/stuxnet-iran-confirme/' },
  { file: 'legacy-article.html', url: 'http://securityvibes.fr/alertes/le-ver-blaster-frappe-les-pme/' },
  { file: 'magazine-article.html', url: 'http://magazine.qualys.fr/tribunes/le-rssi-face-au-byod/' },
  { file: 'structured-article.html', url: 'http://www.securityvibes.fr/actualites/heartbleed-mots-de-passe/' },
  { file: 'hostile-article.html', url: 'http://www.securityvibes.fr/alertes/faille-xss/' },
  { file: 'legacy-listing.html', url: 'http://www.securityvibes.fr/2003/08/' },
  { file: 'lookalike-article.html', url: 'http://www.securityvibes.fr/menaces/phishing-bancaire/' },
];

interface Case {
  name: string;
  url: string;
  html: string;
}

/** Articles of every family, listings of every kind (first and later pages), the 404 page. */
function archiveSample(archive: Archive): Case[] {
  const cases: Case[] = [];
  for (const family of ['classic', 'legacy', 'magazine'] as const) {
    for (const article of archive.articles.filter((a) => a.family === family).slice(0, 2))
      cases.push({ name: `${family} article`, url: article.url, html: '' });
  }
  const seen = new Map<string, number>();
  for (const path of archive.paths()) {
    const listing = archive.listing(path);
    if (!listing) continue;
    const key = `${listing.kind}:${listing.page > 1 ? 'later' : 'first'}`;
    if ((seen.get(key) ?? 0) >= 1) continue;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    cases.push({ name: `${listing.kind} listing (page ${listing.page})`, url: archive.baseUrl + path, html: '' });
  }
  // Search pages are not in paths() (they exist for any words): one for a tag's name.
  cases.push({ name: 'search listing', url: `${archive.baseUrl}/?s=${encodeURIComponent(archive.tags[0]?.name ?? 'securite')}`, html: '' });
  cases.push({ name: 'not-found page', url: `${archive.baseUrl}/page-qui-n-existe-pas/`, html: '' });
  for (const item of cases) item.html = archive.render(new URL(item.url).pathname + new URL(item.url).search).body;
  return cases;
}

function nodeResult(item: Case): PageInfo {
  return recognise(parseArchiveHtml(item.html).document, item.url);
}

describe.each(BROWSERS)('archive recognition in %s', (browserName) => {
  const archive = generateArchive({ seed: 31, articles: 60 });
  const fixtures: Case[] = FIXTURE_PAGES.map(({ file, url }) => ({ name: file, url, html: readFileSync(join(PAGES_DIR, file), 'utf8') }));
  const generated = archiveSample(archive);
  let server: ArchiveServer;
  let session: Session;

  beforeAll(async () => {
    server = await startArchiveServer({ archive });
    // No page script runs (the hostile page calls alert(), which would hold Firefox's navigation, and rewrites
    // document.title): the browser's DOM is then the parsed HTML, as in Node. Content scripts ignore page CSP.
    const headers = { 'content-security-policy': "script-src 'none'" };
    for (const item of fixtures) server.addPage(new URL(item.url).pathname, { status: 200, contentType: 'text/html; charset=utf-8', body: item.html, headers });
    session = await launch(browserName, { server });
    await session.callBackground('ui.indexStatus', {}); // opens the bridge tab before the pages under test
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** What the background holds for the tab showing `item`, once the content script has run. */
  async function inBrowser(item: Case, expectReport: boolean): Promise<PageInfo | null> {
    const page = await session.openPage(item.url).catch((error: unknown) => {
      throw new Error(`${item.name} (${item.url}) did not open: ${String(error)}`);
    });
    try {
      const tabId = await waitForContentScript(session, page);
      const deadline = Date.now() + (expectReport ? 10_000 : 1_500);
      for (;;) {
        const stored = await session.callBackground('ui.getTabPage', { tabId });
        if (!stored.ok) throw new Error(`ui.getTabPage failed: ${JSON.stringify(stored)}`);
        if (stored.value || Date.now() > deadline) return stored.value;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await page.close();
    }
  }

  async function check(cases: Case[]): Promise<{ name: string; kinds: string[] }> {
    const kinds: string[] = [];
    for (const item of cases) {
      const expected = nodeResult(item);
      const reported = expected.kind !== 'not-archive' && expected.kind !== 'not-found';
      const actual = await inBrowser(item, reported);
      expect({ name: item.name, page: actual }).toEqual({ name: item.name, page: reported ? expected : null });
      kinds.push(expected.kind);
    }
    return { name: browserName, kinds };
  }

  it('the fixture pages give the Node result', async () => {
    const { kinds } = await check(fixtures);
    expect(kinds).toEqual(expect.arrayContaining(['article', 'date']));
  }, 120_000);

  it('generated pages of every family and kind give the Node result', async () => {
    const { kinds } = await check(generated);
    expect(new Set(kinds)).toEqual(new Set(['article', 'home', 'tag', 'category', 'date', 'author', 'search', 'not-found']));
    expect(generated.filter((c) => c.name.endsWith('article'))).toHaveLength(6);
  }, 180_000);
});
