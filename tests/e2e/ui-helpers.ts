import { readFileSync } from 'node:fs';
import type { PageHandle, Session } from './harness';
import { PROJECT_ROOT } from './harness';

/** The popup for `page`: the real toolbar popup in Chromium; popup.html?tab=<id> in a tab in Firefox
 * (whose popup panel BiDi cannot reach), so "the active tab" is still the article's tab. */
export async function openPopupFor(session: Session, page: PageHandle): Promise<PageHandle> {
  const popup = session.realPopup ? await session.openPopup(page) : await session.openExtensionPage(`popup.html?tab=${await session.tabIdOf(page)}`);
  await popup.waitForSelector('html[data-ready="true"]');
  return popup;
}

/** Runs `selector`'s work inside the panel's shadow root. */
export const PANEL_HOST = 'sv-companion-panel';

export async function waitForPanel(page: PageHandle): Promise<void> {
  await page.waitForFunction(() => Boolean(document.querySelector('sv-companion-panel')?.shadowRoot?.querySelector('[role="radiogroup"]')));
}

/** State of the panel as text: rating, note text, related titles. */
export function panelState(page: PageHandle) {
  return page.evaluate(() => {
    const root = document.querySelector('sv-companion-panel')?.shadowRoot;
    if (!root) return null;
    const checked = root.querySelector('[role="radio"][aria-checked="true"]');
    return {
      rating: checked ? Number(checked.getAttribute('data-star')) : null,
      text: (root.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? null,
      related: Array.from(root.querySelectorAll('.sv-related-item a')).map((a) => a.getAttribute('href')),
      region: root.querySelector('section[aria-label]')?.getAttribute('aria-label') ?? null,
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
 * Runs axe-core in the page (on `scope`, a selector, or the whole document) and returns the violations.
 * The function is built from axe's source so the harness can serialise it like any evaluate() callback;
 * DevTools-protocol evaluation is not subject to the page's CSP.
 */
export async function runAxe(page: PageHandle, scope: string | null): Promise<AxeViolation[]> {
  const run = new Function(
    'scope',
    `${AXE_SOURCE}
     const context = scope ? document.querySelector(scope) : document;
     return axe.run(context, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
       id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })));`,
  ) as (scope: string | null) => Promise<AxeViolation[]>;
  return page.evaluate(run, scope);
}
