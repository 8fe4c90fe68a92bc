import { copyFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { BROWSERS, launch, pollUntil, PROJECT_ROOT, type PageHandle, type Session } from './harness';
import { openPopupFor, runAxe, waitForPanel } from './ui-helpers';

const SCHEMES = ['light', 'dark'] as const;
const PAGE_ONLY_RULES = ['landmark-one-main', 'page-has-heading-one'];

describe.each(BROWSERS)('accessibility and screenshots in %s', (browserName) => {
  const archive = generateArchive({ seed: 12, articles: 40 });
  let server: ArchiveServer;
  let session: Session;
  let article: PageHandle;
  let panel: PageHandle;

  beforeAll(async () => {
    server = await startArchiveServer({ archive });
    session = await launch(browserName, { server });
    // Index a tag page first so the article has related articles to show.
    const tag = [...archive.tags].sort((a, b) => b.count - a.count)[0]!;
    const tagPage = await session.openPage(`${archive.baseUrl}/tag/${tag.slug}/`);
    const tagTab = await session.tabIdOf(tagPage);
    await pollUntil(async () => {
      const seen = await session.callBackground('ui.getTabPage', { tabId: tagTab });
      return seen.ok && seen.value?.kind === 'tag';
    }, 'the tag page to be reported');
    const target = archive.listing(`/tag/${tag.slug}/`)!.articles[0]!;
    await session.callBackground('ui.saveNote', { url: target.url, rating: 4, text: 'Analyse solide du ver ; comparer avec le rapport du CERTA.' });
    await tagPage.close();
    article = await session.openPage(target.url);
    panel = await waitForPanel(article);
    await panel.waitForFunction(() => document.querySelectorAll('.sv-related-item').length > 0);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(SCHEMES)('the popup on an article has no axe violation (%s)', async (scheme) => {
    const popup = await openPopupFor(session, article);
    await popup.setColorScheme(scheme);
    await popup.waitForFunction(() => document.querySelectorAll('.sv-related-item').length > 0);
    expect(await runAxe(popup, null)).toEqual([]);
    const shot = await session.screenshot(popup, `popup-article-${scheme}`);
    if (browserName === 'chromium') publish(shot, `popup-article-${scheme}.png`);
    await popup.close();
  });

  it.each(SCHEMES)('the popup elsewhere (search, recent notes, index) has no axe violation (%s)', async (scheme) => {
    // A page on no archive host (the fixture server under its own address): the real toolbar popup in
    // Chromium, at the size a reader sees it, offers "Check this page", search, recent notes and the index.
    // Firefox's popup is popup.html in a tab (openPopupFor), for a tab found by its address — which Firefox
    // hides from us on a host we have no permission for: there it is asked about a tab no page is in.
    const elsewhere = session.realPopup ? await session.openPage(`${server.origin}/`) : null;
    const popup = elsewhere ? await openPopupFor(session, elsewhere) : await session.openExtensionPage('popup.html?tab=999999');
    await popup.waitForSelector('html[data-ready="true"]');
    await popup.waitForFunction(() => document.querySelector('.sv-elsewhere') !== null);
    await popup.setColorScheme(scheme);
    await popup.waitForFunction(() => document.querySelectorAll('.sv-recent .sv-list-item').length > 0);
    // The one note of beforeAll, counted in the singular (the README's screenshot once said "1 notes").
    await popup.waitForFunction(() => / · 1 note\b/.test(document.querySelector('.sv-index p')?.textContent ?? ''));
    expect(await runAxe(popup, null)).toEqual([]);
    const shot = await session.screenshot(popup, `popup-elsewhere-${scheme}`);
    if (browserName === 'chromium') publish(shot, `popup-elsewhere-${scheme}.png`);
    await popup.close();
    await elsewhere?.close();
  });

  it.each(SCHEMES)('the in-page panel has no axe violation (%s)', async (scheme) => {
    await article.bringToFront();
    await article.setColorScheme(scheme);
    await article.evaluate(() => document.querySelector('sv-companion-panel')?.scrollIntoView({ block: 'center' }));
    await panel.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, scheme === 'dark');
    // The panel is panel.html in a frame: axe runs on its whole document (lang, title, region, rating, notes,
    // related list, contrast). Two page-level best practices are for the top document only: a framed widget
    // must not add a second main landmark or an h1 to the article page's accessibility tree.
    expect(await runAxe(panel, null, PAGE_ONLY_RULES)).toEqual([]);
    const shot = await session.screenshot(article, `panel-${scheme}`);
    if (browserName === 'chromium') publish(shot, `panel-${scheme}.png`);
  });
});

/** A few Chromium screenshots are committed under docs/screenshots for the README: refreshed only when
 * asked (SV_UPDATE_DOCS=1), so a test run does not leave the working tree modified. */
function publish(path: string, name: string): void {
  if (process.env.SV_UPDATE_DOCS !== '1') return;
  mkdirSync(`${PROJECT_ROOT}/docs/screenshots`, { recursive: true });
  copyFileSync(path, `${PROJECT_ROOT}/docs/screenshots/${name}`);
}
