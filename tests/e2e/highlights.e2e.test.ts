/**
 * Issue 14: highlights made with a real mouse drag and with the keyboard, a note per highlight written in
 * the panel, a click on a highlight opening it in the panel, drawn again on the same words after a reload,
 * after the article's address serves it in another markup family, as the Wayback Machine serves it (its
 * toolbar inserted, links rewritten) and as magazine.qualys.fr serves it at its own address (the same
 * post under its own canonical URL: the store finds an article's highlights under each of its addresses);
 * a passage missing from the page is listed as not found; the page's own scripts never see a note; axe
 * on the panel with highlights, light and dark.
 *
 * The Wayback copy is served at the article's own address: the tests cannot reach web.archive.org itself
 * (https, no certificate here); lib/archive unwraps a web.archive.org address to the article's (unit tests).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOOTER_SENTENCE, generateArchive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { contentOf, render, waybackCopy } from '../unit/anchoring/article-pages';
import { BROWSERS, launch, pollUntil, PROJECT_ROOT, type PageHandle, type Session } from './harness';
import { clickAt, clickDrawn, dragOver, drawnCentre, drawnTexts, selectionButton, shiftSelect } from './highlight-input';
import { openPopupFor, runAxe, waitForPanel } from './ui-helpers';

const NOTE = 'Note de surlignage privée 5d1c';
const HTML = 'text/html; charset=utf-8';
const PAGE_ONLY_RULES = ['landmark-one-main', 'page-has-heading-one'];

/** Records, in the page's own world, every node, attribute, text change and window message it can see. */
function spyInPage(page: PageHandle): Promise<void> {
  return page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { svSpy: string[] }).svSpy = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        seen.push(record.target.textContent ?? '');
        for (const node of record.addedNodes) seen.push(node.textContent ?? '', node instanceof Element ? node.outerHTML : '');
        if (record.attributeName && record.target instanceof Element) seen.push(record.target.getAttribute(record.attributeName) ?? '');
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data ?? null)), true);
  });
}

describe.each(BROWSERS)('highlights in %s', (browserName) => {
  // The fixture archive of the anchoring property tests: its pages are render(contentOf(i), family).
  const archive = generateArchive({ seed: 7, articles: 60 });
  const index = archive.articles.findIndex((a) => a.family === 'classic');
  const article = archive.articles[index]!;
  const content = contentOf(index);
  const path = new URL(article.url).pathname;
  const successorUrl = `http://magazine.qualys.fr${path}`;
  const words = (paragraph: number, from: number, count: number) =>
    content.paragraphs[paragraph]!.split(' ')
      .slice(from, from + count)
      .join(' ');
  const mousePhrase = words(1, 2, 6);
  const keyboardPhrase = words(2, 1, 4);
  const copies = {
    magazine: render(content, 'magazine'),
    wayback: waybackCopy(render(content, 'classic')),
    // The successor site serves the same post at the same path, every link and its canonical on its host.
    successor: render(content, 'magazine').replaceAll('http://www.securityvibes.fr', 'http://magazine.qualys.fr'),
    // The article without the paragraph of the keyboard highlight: that one cannot be placed there.
    short: render({ ...content, paragraphs: content.paragraphs.filter((_, i) => i !== 2) }, 'legacy'),
  };
  let server: ArchiveServer;
  let session: Session;
  let page: PageHandle;
  let made: string[] = [];

  beforeAll(async () => {
    server = await startArchiveServer({ archive });
    // Both browsers extend a selection in page text with Shift+Arrow only in caret browsing (F7).
    session = await launch(browserName, { server, prefs: { 'accessibility.browsewithcaret': true }, chromiumArgs: ['--enable-caret-browsing'] });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const highlights = async () => {
    const answer = await session.callBackground('ui.listHighlights', { url: article.url });
    return answer.ok ? answer.value : [];
  };

  it('a mouse selection is highlighted from the button beside it; a keyboard selection from the panel', async () => {
    page = await session.openPage(article.url);
    const panel = await waitForPanel(page);
    await spyInPage(page);
    const byMouse = (await dragOver(page, mousePhrase)).trim();
    expect(byMouse).toBe(mousePhrase);
    await clickAt(page, await selectionButton(page));
    await pollUntil(async () => (await drawnTexts(page)).length === 1, 'the mouse highlight to be drawn');
    expect(await drawnTexts(page)).toEqual([byMouse]);

    const byKeyboard = (await shiftSelect(page, keyboardPhrase, keyboardPhrase.length)).trim();
    expect(byKeyboard.length).toBeGreaterThan(keyboardPhrase.length - 3);
    await panel.click('.sv-highlights .sv-button');
    await pollUntil(async () => (await drawnTexts(page)).length === 2, 'the keyboard highlight to be drawn');
    made = [byMouse, byKeyboard].sort();
    expect(await drawnTexts(page)).toEqual(made);
    await drawnCentre(page, byMouse); // scrolls it into view
    const shot = await session.screenshot(page, 'highlights-page');
    if (browserName === 'chromium') publish(shot, 'highlights-page.png');
    expect((await highlights()).map((h) => h.selectors.quote.exact).sort()).toEqual(made);
  });

  it('refuses a selection outside the article body', async () => {
    // Each refusal is said on the page (in our closed shadow root: the page sees only a new message host).
    const refusal = async (act: () => Promise<void>) => {
      await page.evaluate(() => document.querySelector('sv-companion-message')?.setAttribute('data-test-seen', ''));
      await act();
      await pollUntil(() => page.evaluate(() => !!document.querySelector('sv-companion-message:not([data-test-seen])')), 'the refusal on the page');
    };
    await dragOver(page, FOOTER_SENTENCE.slice(0, 30));
    await refusal(async () => clickAt(page, await selectionButton(page)));
    const panel = await page.frame(/panel\.html\?/);
    await refusal(() => panel.click('.sv-highlights .sv-button'));
    expect(await highlights()).toHaveLength(2);
  });

  it('a note written in the panel is stored, and the page’s scripts never see it', async () => {
    const panel = await page.frame(/panel\.html\?/);
    await panel.waitForFunction(() => document.querySelectorAll('[aria-label="Highlight note"]').length === 2);
    await panel.type('li:first-child [aria-label="Highlight note"]', NOTE);
    await pollUntil(async () => (await highlights()).some((h) => h.note === NOTE), 'the highlight note to be saved');
    const leaked = await page.evaluate((secret) => {
      const spy = (window as unknown as { svSpy: string[] }).svSpy;
      return spy.some((text) => text.includes(secret)) || document.documentElement.outerHTML.includes(secret);
    }, NOTE);
    expect(leaked).toBe(false);
  });

  it('a click on a drawn highlight opens it in the panel, its note focused', async () => {
    const panel = await page.frame(/panel\.html\?/);
    // The reader clicks in the tab in front (the browser gives input only to that one).
    await page.bringToFront();
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    const target = made[1]!;
    await clickDrawn(page, target);
    const opened = await panel.waitForFunction(() => {
      const item = document.querySelector('li.sv-highlight-opened');
      return item && document.activeElement?.closest('li') === item ? item.querySelector('blockquote')?.textContent : null;
    });
    expect(opened).toBe(target);
  });

  it('the toolbar popup counts the article’s highlights', async () => {
    const popup = await openPopupFor(session, page);
    const count = await popup.waitForFunction(() => document.querySelector('.sv-highlight-count')?.textContent ?? null);
    await popup.close();
    expect(count).toBe('2 highlights');
  });

  it('after a reload the highlights are drawn on the same words', async () => {
    await page.reload();
    await waitForPanel(page);
    await pollUntil(async () => (await drawnTexts(page)).length === 2, 'the highlights to be drawn again');
    expect(await drawnTexts(page)).toEqual(made);
  });

  it('"Show" flashes a highlight on the page; "Delete" undraws it and "Undo" draws it again', async () => {
    const panel = await page.frame(/panel\.html\?/);
    await page.bringToFront();
    const first = made.find((quote) => content.paragraphs[1]!.includes(quote))!;
    const flashed = () =>
      page.evaluate(() =>
        [...((CSS.highlights.get('sv-highlight-flash') as Iterable<AbstractRange> | undefined) ?? [])].map((range) => (range as Range).toString()),
      );
    // The list is in text order: the first item is the passage of the first paragraph.
    await panel.click('li.sv-highlight:first-child .sv-highlight-actions button:nth-of-type(1)');
    expect(await pollUntil(async () => (await flashed())[0], 'the flash on the page')).toBe(first);
    // "Show" scrolls the page smoothly to the passage: the reader's next click comes once it stands still.
    await pollUntil(async () => {
      const before = await page.evaluate(() => scrollY);
      await new Promise((resolve) => setTimeout(resolve, 150));
      return (await page.evaluate(() => scrollY)) === before;
    }, 'the page to stop scrolling');

    await panel.click('li.sv-highlight:first-child .sv-highlight-actions button:nth-of-type(2)');
    await pollUntil(async () => (await highlights()).length === 1, 'the highlight to be deleted');
    await pollUntil(async () => (await drawnTexts(page)).length === 1, 'the deleted highlight to be undrawn');
    expect(await drawnTexts(page)).toEqual(made.filter((quote) => quote !== first));
    expect(await highlights()).toHaveLength(1);
    await panel.click('.sv-highlights .sv-status .sv-link-button');
    await pollUntil(async () => (await highlights()).length === 2, 'the highlight to be restored');
    await pollUntil(async () => (await drawnTexts(page)).length === 2, 'the restored highlight to be drawn again');
    expect(await drawnTexts(page)).toEqual(made);
    expect((await highlights()).find((h) => h.selectors.quote.exact === first)?.note).toBe(NOTE);
  });

  it.each(['light', 'dark'] as const)('the panel with highlights has no axe violation (%s)', async (scheme) => {
    await page.bringToFront();
    await page.setColorScheme(scheme);
    const panel = await page.frame(/panel\.html\?/);
    await panel.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, scheme === 'dark');
    await panel.evaluate(() => document.querySelector('.sv-highlights')?.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => document.querySelector('sv-companion-panel')?.scrollIntoView({ block: 'start' }));
    expect(await runAxe(panel, null, PAGE_ONLY_RULES)).toEqual([]);
    const shot = await session.screenshot(page, `highlights-panel-${scheme}`);
    if (browserName === 'chromium') publish(shot, `highlights-panel-${scheme}.png`);
  });

  it.each([
    ['in the magazine markup family', 'magazine', article.url],
    ['as the Wayback Machine serves it', 'wayback', article.url],
    ['on magazine.qualys.fr, the successor site', 'successor', successorUrl],
  ] as const)('the article %s has them drawn on the same words', async (_name, copy, address) => {
    await page.setColorScheme('light');
    server.addPage(path, { status: 200, contentType: HTML, body: copies[copy] });
    const other = await session.openPage(address);
    await pollUntil(async () => (await drawnTexts(other)).length === 2, `the highlights to be drawn on the ${copy} copy`);
    expect(await drawnTexts(other)).toEqual(made);
    await other.close();
  });

  it('a copy without one of the passages lists it as not found, with its quote', async () => {
    server.addPage(path, { status: 200, contentType: HTML, body: copies.short });
    const copy = await session.openPage(article.url);
    const panel = await waitForPanel(copy);
    await pollUntil(async () => (await drawnTexts(copy)).length === 1, 'the one placeable highlight to be drawn');
    const keyboardQuote = made.find((quote) => content.paragraphs[2]!.includes(quote.slice(0, 10)))!;
    const orphans = await panel.waitForFunction(() => {
      const list = [...document.querySelectorAll('ul[aria-labelledby]')].find(
        (ul) => document.getElementById(ul.getAttribute('aria-labelledby')!)?.textContent === 'Highlights not found on this page',
      );
      return list ? [...list.querySelectorAll('li blockquote')].map((quote) => quote.textContent) : null;
    });
    expect(orphans).toEqual([keyboardQuote]);
    await copy.close();
  });
});

/** Chromium screenshots are copied under docs/screenshots only when asked (SV_UPDATE_DOCS=1). */
function publish(path: string, name: string): void {
  if (process.env.SV_UPDATE_DOCS !== '1') return;
  mkdirSync(`${PROJECT_ROOT}/docs/screenshots`, { recursive: true });
  copyFileSync(path, `${PROJECT_ROOT}/docs/screenshots/${name}`);
}
