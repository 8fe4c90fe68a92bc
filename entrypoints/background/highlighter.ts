import { browser, type Browser } from 'wxt/browser';
import { placeOf } from '@/lib/model';
import { highlighterMessage, type HighlighterCommand } from '@/lib/protocol/highlighter-commands';
import { getStore } from './db';
import { readTabPage } from './tab-pages';

/** The injected highlighter (entrypoints/highlighter.ts, built as /highlighter.js). */
const HIGHLIGHTER_SCRIPT = '/highlighter.js';
export const HIGHLIGHT_MENU_ID = 'sv-highlight';
export const HIGHLIGHT_COMMAND = 'highlight-selection';

/**
 * Loads the highlighter into the top frame of a tab (a second load is a no-op in the tab). Only archive
 * tabs (and enabled Wayback copies) can be scripted: host permissions say so.
 */
export async function injectHighlighter(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [HIGHLIGHTER_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}

/** Loads the highlighter if needed, then hands it a command (top frame only). */
export async function askHighlighter(tabId: number, command: HighlighterCommand): Promise<boolean> {
  if (!(await injectHighlighter(tabId))) return false;
  await browser.tabs.sendMessage(tabId, highlighterMessage(command), { frameId: 0 }).catch(() => undefined);
  return true;
}

/** Hands a command to the highlighter if it is loaded in the tab (nothing to redraw otherwise). */
export async function tellHighlighter(tabId: number, command: HighlighterCommand): Promise<void> {
  await browser.tabs.sendMessage(tabId, highlighterMessage(command), { frameId: 0 }).catch(() => undefined);
}

/**
 * Draws the highlights of the article a tab shows again (a highlight was deleted or restored from its
 * panel), the places sent along: the tab's highlighter asks for nothing, so it spends none of its rate.
 */
export async function drawAgain(tabId: number): Promise<void> {
  const url = (await readTabPage(tabId))?.article?.url;
  if (!url) return;
  const places = (await getStore().highlights.of(url)).map(placeOf);
  await tellHighlighter(tabId, { command: 'draw', places });
}

/** The "Highlight" item on a selection in archive pages (created beside "Show related articles"). */
export function createHighlightMenu(patterns: string[]): void {
  browser.contextMenus.create({
    id: HIGHLIGHT_MENU_ID,
    title: browser.i18n.getMessage('menuHighlight'),
    contexts: ['selection'],
    documentUrlPatterns: patterns,
  });
}

export function onHighlightMenuClicked(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void {
  if (info.menuItemId !== HIGHLIGHT_MENU_ID || tab?.id === undefined) return;
  void askHighlighter(tab.id, { command: 'create' });
}

/** The shortcut (suggested Alt+Shift+H): highlight the selection in the active tab. */
export function setupHighlightCommand(): void {
  browser.contextMenus.onClicked.addListener(onHighlightMenuClicked);
  browser.commands.onCommand.addListener((name, tab) => {
    if (name !== HIGHLIGHT_COMMAND) return;
    const withTab = tab?.id !== undefined ? Promise.resolve(tab) : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
    void withTab.then((active) => active?.id !== undefined && askHighlighter(active.id, { command: 'create' }));
  });
}
