/**
 * Issue 14, the two other ways to highlight a selection: the "Highlight" context-menu item and the
 * highlight-selection command (suggested Alt+Shift+H). What is real here follows shortcut-menu.e2e.test.ts:
 * - Firefox: the selection is made with real mouse and keys, the shortcut is typed as real key events into
 *   the browser window, and the context menu is Firefox's own, opened by a real right-click on the selected
 *   words; activating our item runs the production handler with Firefox's click data.
 * - Chromium: no protocol reaches its browser shortcuts or its native context menu, so the production
 *   worker's own onCommand and contextMenus.onClicked events are dispatched with Chromium's event objects
 *   (the listeners run unchanged); the selection is still made with real input.
 * Either way the highlight must then be drawn on the selected words, stored, and the button beside the
 * selection gone with the selection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { contentOf } from '../unit/anchoring/article-pages';
import { BROWSERS, ChromiumSession, FirefoxSession, launch, pollUntil, type PageHandle, type Session } from './harness';
import { dragOver, drawnTexts, shiftSelect } from './highlight-input';
import { waitForPanel } from './ui-helpers';

const MENU_LABEL = 'Highlight';
const ALT_SHIFT_H = [
  ['Alt', 'AltLeft', 18],
  ['Shift', 'ShiftLeft', 16],
  ['H', 'KeyH', 72],
] as const;

/** The middle of the selected words on screen (a right-click there is a right-click on the selection). */
function selectionMiddle(page: PageHandle): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const box = document.getSelection()!.getRangeAt(0).getClientRects()[0]!;
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
}

describe.each(BROWSERS)('highlight commands in %s', (browserName) => {
  const archive = generateArchive({ seed: 7, articles: 60 });
  const index = archive.articles.findIndex((a) => a.family === 'classic');
  const article = archive.articles[index]!;
  const content = contentOf(index);
  const words = (paragraph: number, from: number, count: number) =>
    content.paragraphs[paragraph]!.split(' ')
      .slice(from, from + count)
      .join(' ');
  let server: ArchiveServer;
  let session: Session;
  let page: PageHandle;

  beforeAll(async () => {
    server = await startArchiveServer({ archive });
    session = await launch(browserName, { server, prefs: { 'accessibility.browsewithcaret': true }, chromiumArgs: ['--enable-caret-browsing'] });
    page = await session.openPage(article.url);
    await waitForPanel(page);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const stored = async () => {
    const answer = await session.callBackground('ui.listHighlights', { url: article.url });
    return answer.ok ? answer.value.map((h) => h.selectors.quote.exact).sort() : [];
  };
  const buttonShown = () => page.evaluate(() => document.querySelector('sv-companion-highlight') !== null);

  /** Chromium: runs the production worker's listeners of `event` with Chromium's own event object. */
  const dispatchInWorker = (event: 'commands.onCommand' | 'contextMenus.onClicked', tabId: number) =>
    (session as ChromiumSession).evaluateInWorker(
      async ({ event, tabId, pageUrl }) => {
        type Dispatch = { dispatch(...args: unknown[]): void };
        const api = (
          globalThis as unknown as {
            chrome: { tabs: { get(id: number): Promise<unknown> }; commands: { onCommand: Dispatch }; contextMenus: { onClicked: Dispatch } };
          }
        ).chrome;
        const tab = await api.tabs.get(tabId);
        if (event === 'commands.onCommand') api.commands.onCommand.dispatch('highlight-selection', tab);
        else api.contextMenus.onClicked.dispatch({ menuItemId: 'sv-highlight', pageUrl, editable: false, selectionText: '' }, tab);
      },
      { event, tabId, pageUrl: article.url },
    );

  it('registers the highlight-selection command with its suggested key Alt+Shift+H', async () => {
    const extensionPage = await session.openExtensionPage('options.html');
    const commands = await extensionPage.evaluate(() => {
      const globals = globalThis as unknown as { browser?: unknown; chrome?: unknown };
      const api = (globals.browser ?? globals.chrome) as { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
      return api.commands.getAll();
    });
    await extensionPage.close();
    expect(commands.find((c) => c.name === 'highlight-selection')?.shortcut).toBe('Alt+Shift+H');
  });

  it('Alt+Shift+H highlights a keyboard selection in the article', async () => {
    const phrase = words(2, 1, 4);
    await page.bringToFront();
    const selected = (await shiftSelect(page, phrase, phrase.length)).trim();
    expect(selected.length).toBeGreaterThan(phrase.length - 3);
    await pollUntil(buttonShown, 'the button beside the keyboard selection');
    if (session instanceof FirefoxSession) await session.pressBrowserShortcut(ALT_SHIFT_H);
    else await dispatchInWorker('commands.onCommand', await session.tabIdOf(page));
    await pollUntil(async () => (await drawnTexts(page)).includes(selected), 'the shortcut’s highlight to be drawn');
    expect(await stored()).toEqual([selected]);
    // The highlighter clears the selection it took, and the button beside it goes with it.
    await pollUntil(async () => !(await buttonShown()), 'the button to leave with the selection');
  });

  it('the context menu’s "Highlight" on a mouse selection highlights it', async () => {
    const phrase = words(1, 2, 6);
    await page.bringToFront();
    expect((await dragOver(page, phrase)).trim()).toBe(phrase);
    if (session instanceof FirefoxSession) {
      expect(await session.openContextMenu(page, await selectionMiddle(page))).toContain(MENU_LABEL);
      await session.activateContextMenuItem(MENU_LABEL);
    } else {
      await dispatchInWorker('contextMenus.onClicked', await session.tabIdOf(page));
    }
    await pollUntil(async () => (await drawnTexts(page)).length === 2, 'the menu’s highlight to be drawn');
    expect(await drawnTexts(page)).toEqual((await stored()).sort());
    expect(await stored()).toContain(phrase);
  });

  it('has the "Highlight" item, which Firefox’s real menu leaves out without a selection', async () => {
    if (!(session instanceof FirefoxSession)) {
      // Chromium: which contexts show an item is not observable (see the header); the item exists.
      const exists = await (session as ChromiumSession).evaluateInWorker(async () => {
        const api = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, props: object): Promise<void> } } }).chrome;
        return api.contextMenus.update('sv-highlight', {}).then(
          () => true,
          () => false,
        );
      }, undefined);
      expect(exists).toBe(true);
      return;
    }
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    const labels = await session.openContextMenu(page, 'h1');
    await session.closeContextMenu();
    expect(labels).not.toContain(MENU_LABEL);
  });
});
