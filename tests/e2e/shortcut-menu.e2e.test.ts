import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, type Archive, type TruthArticle } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { BROWSERS, ChromiumSession, FirefoxSession, launch, pollUntil, sleep, type PageHandle, type Session } from './harness';
import { BRIDGE_PAGE } from './harness/bridge';
import { waitForPanel } from './ui-helpers';

/**
 * Manifest `commands` (Alt+Shift+S opens the popup) and the "Show related articles" context-menu item.
 *
 * What is real here, per browser:
 * - Firefox: the context menu is Firefox's own content-area menu, opened by a real right-click (BiDi
 *   pointer input) and built by Firefox from the items the extension created; activating our item runs the
 *   production onClicked handler with Firefox's click data and user-action state, and the real toolbar popup
 *   opens. The shortcut is typed as real key events into the browser window (focus in the address bar);
 *   Firefox matches it to the command registered from our manifest and opens the real popup.
 * - Chromium: no protocol can open or click Chromium's native context menu, and DevTools key input never
 *   reaches browser shortcuts (it goes to the page only). So the item's existence is checked through the
 *   contextMenus API, and the click handler is run by dispatching Chromium's own onClicked event object in
 *   the production service worker (`dispatch`, a non-public method of Chromium's extension event bindings):
 *   the production listener runs unchanged and opens the real popup — but which contexts show the item is
 *   not observable in Chromium. The shortcut is checked as registered only (commands.getAll).
 */

const MENU_LABEL = 'Show related articles';
const SHORTCUT = 'Alt+Shift+S';
const ALT_SHIFT_S = [
  ['Alt', 'AltLeft', 18],
  ['Shift', 'ShiftLeft', 16],
  ['S', 'KeyS', 83],
] as const;

interface PopupView {
  href: string;
  ready: boolean;
  articleUrl: string | null;
  text: string;
}

/** The extension's open popup views, read from an extension page (extension.getViews, same origin). */
function popupViews(extensionPage: PageHandle): Promise<PopupView[]> {
  return extensionPage.evaluate(() => {
    const globals = globalThis as unknown as { browser?: unknown; chrome?: unknown };
    const api = (globals.browser ?? globals.chrome) as { extension: { getViews(filter: { type: string }): Window[] } };
    return api.extension.getViews({ type: 'popup' }).map((view) => ({
      href: view.location.href,
      ready: view.document.documentElement.dataset.ready === 'true',
      articleUrl: view.document.querySelector<HTMLElement>('.sv-companion')?.dataset.url ?? null,
      text: view.document.body?.textContent ?? '',
    }));
  });
}

/** The one open popup once its article view has drawn `title` (the header comes with the view's data). */
async function waitForArticlePopup(extensionPage: PageHandle, title: string): Promise<PopupView> {
  let last: PopupView[] = [];
  try {
    await pollUntil(
      async () => {
        last = await popupViews(extensionPage);
        return last.length === 1 && last[0]!.ready && last[0]!.articleUrl !== null && last[0]!.text.includes(title);
      },
      `the toolbar popup showing "${title}"`,
      15_000,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; popups seen: ${JSON.stringify(last).slice(0, 600)}`, { cause: error });
  }
  return last[0]!;
}

/** Marks, in `page`, its first link to `target` (the fixture renders archive links in several forms). */
async function markLinkTo(page: PageHandle, target: string, mark: string): Promise<string> {
  const found = await page.evaluate(
    ({ target, mark }) => {
      const link = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]')).find((a) => a.href === target);
      link?.setAttribute('data-e2e', mark);
      return Boolean(link);
    },
    { target, mark },
  );
  if (!found) throw new Error(`no link to ${target} on ${await page.url()}`);
  return `a[data-e2e="${mark}"]`;
}

/** An article whose page links to another fixture article (as its markup resolves), and that article. */
function linkedPair(archive: Archive): [TruthArticle, TruthArticle] {
  for (const candidate of archive.articles) {
    const hrefs = [...archive.render(candidate.path).body.matchAll(/href="([^"]+)"/g)].map((match) => new URL(match[1]!, candidate.url).href);
    const other = archive.articles.find((article) => article !== candidate && hrefs.includes(article.url));
    if (other) return [candidate, other];
  }
  throw new Error('no fixture article links to another one');
}

describe.each(BROWSERS)('keyboard shortcut and context menu in %s', (browserName) => {
  const archive = generateArchive({ seed: 5, articles: 40 });
  let server: ArchiveServer;
  let session: Session;
  let extensionPage: PageHandle;
  let source: TruthArticle;
  let linked: TruthArticle;

  /**
   * Closes the toolbar popup and waits until its view is gone. Asked again on every poll: a fresh CI run
   * once left the popup open (the close came while it was still opening) and the next test saw it.
   */
  const closePopups = (ff: FirefoxSession) =>
    pollUntil(async () => {
      await ff.closePopupPanels();
      return (await popupViews(extensionPage)).length === 0;
    }, 'the popup to close');

  beforeAll(async () => {
    server = await startArchiveServer({ archive });
    session = await launch(browserName, { server });
    // Opened first, so the article tabs opened later are the active ones.
    extensionPage = await session.openExtensionPage(BRIDGE_PAGE);
    [source, linked] = linkedPair(archive);
    // Index the linked article (seen once), so the popup can show its title.
    const seen = await session.openPage(linked.url);
    await waitForPanel(seen);
    await seen.close();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it(`registers the _execute_action command with its suggested key ${SHORTCUT}`, async () => {
    const commands = await extensionPage.evaluate(() => {
      const globals = globalThis as unknown as { browser?: unknown; chrome?: unknown };
      const api = (globals.browser ?? globals.chrome) as { commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> } };
      return api.commands.getAll();
    });
    const command = commands.find((c) => c.name === '_execute_action');
    expect(command?.shortcut).toBe(SHORTCUT);
    // Chromium reports no description for _execute_action (it names the action itself); Firefox gives ours.
    if (browserName === 'firefox') expect(command?.description).toBe('Open SecurityVibes Companion');
  });

  if (browserName === 'firefox') {
    // Firefox only: see the header — Chromium's shortcuts cannot be reached from DevTools key input.
    it(`${SHORTCUT} typed in the browser window opens the toolbar popup on the active article`, async () => {
      const ff = session as FirefoxSession;
      const page = await session.openPage(source.url);
      await waitForPanel(page);
      await page.bringToFront();
      expect(await popupViews(extensionPage)).toEqual([]);
      await ff.pressBrowserShortcut(ALT_SHIFT_S);
      const popup = await waitForArticlePopup(extensionPage, source.title);
      expect(popup.href).toBe(session.extensionUrl('popup.html'));
      expect(popup.articleUrl).toBe(source.url);
      await closePopups(ff);
      await page.close();
    });

    it(`the real context menu offers "${MENU_LABEL}" on archive links only`, async () => {
      const ff = session as FirefoxSession;
      const page = await session.openPage(source.url);
      await waitForPanel(page);
      const archiveLink = await markLinkTo(page, linked.url, 'archive-link');
      await page.evaluate(() => {
        const foreign = Object.assign(document.createElement('a'), {
          href: 'https://example.org/menaces/x/',
          textContent: 'a link elsewhere',
          id: 'e2e-foreign',
        });
        const text = Object.assign(document.createElement('p'), { textContent: 'Plain text, no link.', id: 'e2e-text' });
        document.body.prepend(foreign, text);
      });
      expect(await ff.openContextMenu(page, archiveLink)).toEqual([MENU_LABEL]);
      expect(await ff.openContextMenu(page, '#e2e-foreign')).toEqual([]);
      expect(await ff.openContextMenu(page, '#e2e-text')).toEqual([]);
      await ff.closeContextMenu();
      await page.close();
    });

    it(`clicking "${MENU_LABEL}" on an archive link opens the toolbar popup on that article`, async () => {
      const ff = session as FirefoxSession;
      const page = await session.openPage(source.url);
      await waitForPanel(page);
      const archiveLink = await markLinkTo(page, linked.url, 'archive-link');
      expect(await popupViews(extensionPage)).toEqual([]);
      expect(await ff.openContextMenu(page, archiveLink)).toEqual([MENU_LABEL]);
      await ff.activateContextMenuItem(MENU_LABEL);
      const popup = await waitForArticlePopup(extensionPage, linked.title);
      expect(popup.articleUrl).toBe(linked.url);
      await closePopups(ff);
      await page.close();
    });
  }

  if (browserName === 'chromium') {
    // Chromium only: see the header — its native context menu cannot be opened or clicked by any protocol.
    it(`has the "${MENU_LABEL}" item (contextMenus.update on its id succeeds; an unknown id is refused)`, async () => {
      const chromium = session as ChromiumSession;
      const ask = () =>
        chromium.evaluateInWorker(
          async (ids) => {
            const api = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, props: object): Promise<void> } } }).chrome;
            return Promise.all(
              ids.map((id) =>
                api.contextMenus.update(id, {}).then(
                  () => 'ok',
                  (error: unknown) => String(error),
                ),
              ),
            );
          },
          ['sv-show-related', 'no-such-item'],
        );
      // The worker creates the item in runtime.onInstalled, asynchronously: a fresh profile may be asked
      // before that has run, so wait for it (a missing item still fails after the deadline).
      let answers: string[] = [];
      await pollUntil(async () => (answers = await ask())[0] === 'ok', 'the context menu item', 10_000, 100).catch(() => undefined);
      expect(answers[0]).toBe('ok');
      expect(answers[1]).toMatch(/no-such-item/);
    });

    it(`its click handler, dispatched through Chromium's onClicked in the production worker, opens the popup on the linked article`, async () => {
      const chromium = session as ChromiumSession;
      const page = await session.openPage(source.url);
      await waitForPanel(page);
      const tabId = await session.tabIdOf(page);
      const click = (linkUrl: string, menuItemId: string) =>
        chromium.evaluateInWorker(
          async ({ linkUrl, menuItemId, tabId, pageUrl }) => {
            const api = (
              globalThis as unknown as {
                chrome: { tabs: { get(id: number): Promise<unknown> }; contextMenus: { onClicked: { dispatch(info: object, tab: unknown): void } } };
              }
            ).chrome;
            api.contextMenus.onClicked.dispatch({ menuItemId, linkUrl, pageUrl, editable: false }, await api.tabs.get(tabId));
          },
          { linkUrl, menuItemId, tabId, pageUrl: source.url },
        );

      // Our item on an archive link opens the popup on the linked article; how long that took here is the
      // positive control for the wait below.
      await page.bringToFront();
      const before = await chromium.openPopupCount();
      const clickedAt = Date.now();
      const popupPage = await chromium.popupOpenedBy(() => click(linked.url, 'sv-show-related'));
      const opensWithin = Date.now() - clickedAt;
      const popup = await waitForArticlePopup(extensionPage, linked.title);
      expect(popup.articleUrl).toBe(linked.url);
      await popupPage.close();
      await pollUntil(async () => (await chromium.openPopupCount()) === before, 'the popup to close');

      // Not an archive link, or not our item: the handler does nothing, for three times as long as a popup
      // took to open just now.
      await click('https://example.org/menaces/x/', 'sv-show-related');
      await click(linked.url, 'some-other-item');
      await sleep(Math.max(3 * opensWithin, 500));
      expect(await chromium.openPopupCount()).toBe(before);
      await page.close();
    });
  }
});
