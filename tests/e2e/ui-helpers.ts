import { readFileSync } from 'node:fs';
import type { PageHandle, Session } from './harness';
import { PROJECT_ROOT, pollUntil } from './harness';

/** The popup for `page`: the real toolbar popup in Chromium; popup.html?tab=<id> in a tab in Firefox
 * (whose popup panel BiDi cannot reach), so "the active tab" is still the article's tab. */
export async function openPopupFor(session: Session, page: PageHandle): Promise<PageHandle> {
  const popup = session.realPopup ? await session.openPopup(page) : await session.openExtensionPage(`popup.html?tab=${await session.tabIdOf(page)}`);
  await popup.waitForSelector('html[data-ready="true"]');
  return popup;
}

/**
 * Waits until our content script has run in `page` (its own-world mark, read from inside the content
 * script's world: nothing in the page itself shows it). Returns the tab id.
 */
export async function waitForContentScript(session: Session, page: PageHandle): Promise<number> {
  const tabId = await session.tabIdOf(page);
  await pollUntil(async () => (await session.contentWorld(tabId, {})).ran, 'the content script to run');
  return tabId;
}

/** The content script's host element; the panel itself is panel.html in a frame inside its closed shadow root. */
export const PANEL_HOST = 'sv-companion-panel';

/** panel.html at our origin (Chromium serves it from a per-session dynamic id, so the id is not matched). */
export const PANEL_FRAME = /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html\?/;

/**
 * The in-page panel's frame once its rating radiogroup is drawn. Right after a reload the frame found
 * first can be the old one, detached a moment later: the frame is asked for again until one draws.
 */
export async function waitForPanel(page: PageHandle): Promise<PageHandle> {
  await page.waitForSelector(PANEL_HOST);
  return pollUntil(
    async () => {
      const frame = await page.frame(PANEL_FRAME, { timeout: 15_000 });
      await frame.waitForSelector('[role="radiogroup"]', { timeout: 5_000 });
      return frame;
    },
    'the panel frame with its rating',
    30_000,
  );
}

/** State of the panel as text: rating, note text, related titles. */
export function panelState(panel: PageHandle) {
  return panel.evaluate(() => {
    const checked = document.querySelector('[role="radio"][aria-checked="true"]');
    return {
      rating: checked ? Number(checked.getAttribute('data-star')) : null,
      text: (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? null,
      related: Array.from(document.querySelectorAll('.sv-related-item a')).map((a) => a.getAttribute('href')),
      region: document.querySelector('section[aria-label]')?.getAttribute('aria-label') ?? null,
    };
  });
}

const AXE_SOURCE = readFileSync(`${PROJECT_ROOT}/node_modules/axe-core/axe.min.js`, 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (on `scope`, a selector, or the whole document), rules in `disabledRules` off,
 * and returns the violations.
 * The function is built from axe's source so the harness can serialise it like any evaluate() callback;
 * DevTools-protocol evaluation is not subject to the page's CSP.
 */
export async function runAxe(page: PageHandle, scope: string | null, disabledRules: readonly string[] = []): Promise<AxeViolation[]> {
  const run = new Function(
    'args',
    `${AXE_SOURCE}
     const context = args.scope ? document.querySelector(args.scope) : document;
     const rules = Object.fromEntries(args.disabledRules.map((id) => [id, { enabled: false }]));
     return axe.run(context, { resultTypes: ['violations'], rules }).then((r) => r.violations.map((v) => ({
       id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })));`,
  ) as (args: { scope: string | null; disabledRules: readonly string[] }) => Promise<AxeViolation[]>;
  return page.evaluate(run, { scope, disabledRules });
}
