import { browser } from 'wxt/browser';
import { extractPage } from '@/lib/archive/extract';
import { watchSelection } from './highlights/selection-button';
import { mountPanelFrame } from './panel/frame-host';
import { readPanelPrefs, reportPageSeen } from './panel/light-client';

/**
 * The script that runs on archive pages: recognise the page, report it to the background (which indexes
 * it), and frame the panel on articles. wxt.config.ts declares it as the manifest's content script.
 *
 * It is an unlisted script rather than a wxt content-script entrypoint: wxt's ContentScriptContext (SPA
 * location watching, re-injection bookkeeping, ~2.9 KB) has no use on a static archive page and alone
 * would break the 48 KB budget. Its one duty that matters here — stop when the extension is reloaded or
 * removed — is `watchLifetime`.
 */
export default defineUnlistedScript(async () => {
  // A mark in this script's own world, never the page's (an isolated world in Chromium, a sandbox in
  // Firefox): e2e tests read it through scripting.executeScript to know the script ran on a page that
  // reports nothing. Page scripts cannot see it; the page's DOM carries no marker of the extension.
  (globalThis as { svCompanionRan?: boolean }).svCompanionRan = true;
  // Read while the page is recognised (one storage.local call; it needs no background). Nothing of the
  // extension is written into the page (no marker a page script could look for) until the panel is framed.
  const panelPrefs = readPanelPrefs();
  const page = extractPage(document, location.href);
  if (page.kind === 'not-archive' || page.kind === 'not-found') return;
  // Not awaited: the panel frame takes ~100 ms to commit in its own process, so it loads meanwhile.
  const seen = reportPageSeen(page);
  const article = page.kind === 'article' ? page.article : null;
  if (!article) return;
  // storage.local mirrors the on/off setting, so the frame starts without the background; the background's
  // answer (the setting itself, and the token the panel needs to draw) still has the last word, both ways.
  const prefs = await panelPrefs;
  if (!prefs.enabled && !(await seen).enabled) return;
  const lifetime = watchLifetime();
  // The panel itself is an extension page in a frame (entrypoints/panel): the reader's notes stay out of
  // the article page's reach, and this script stays small (no Preact, no components).
  const token = seen.then((answer) => (answer.enabled ? answer.token : null));
  const remove = mountPanelFrame(article.url, prefs.collapsed, token, lifetime.signal);
  lifetime.signal.addEventListener('abort', remove, { once: true });
  // Highlights: a button beside the reader's selection; the anchoring code itself loads only on demand.
  watchSelection(lifetime.signal);
  if ((await token) === null) lifetime.abort();
});

/** Aborts once the extension that injected us is gone (reloaded, updated, removed): its frame is dead then. */
function watchLifetime(): AbortController {
  const controller = new AbortController();
  const check = () => {
    if (!extensionAlive()) controller.abort();
  };
  for (const type of ['visibilitychange', 'focus', 'pageshow']) window.addEventListener(type, check, { signal: controller.signal });
  return controller;
}

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    // Touching the API of an unloaded extension throws in some engines: that means gone too.
    return false;
  }
}
