import { browser } from 'wxt/browser';
import { extractPage } from '@/lib/archive/extract';
import { mountPanelFrame } from './panel/frame-host';
import { reportPageSeen } from './panel/light-client';

/**
 * The script that runs on archive pages: recognise the page, report it to the background (which indexes
 * it), and frame the panel on articles. wxt.config.ts declares it as the manifest's content script.
 *
 * It is an unlisted script rather than a wxt content-script entrypoint: wxt's ContentScriptContext (SPA
 * location watching, re-injection bookkeeping, ~2.9 KB) has no use on a static archive page and alone
 * would break the 40 KB budget. Its one duty that matters here — stop when the extension is reloaded or
 * removed — is `watchLifetime`.
 */
export default defineUnlistedScript(async () => {
  const startedAt = performance.now();
  // A visible "the script ran" signal for tests on pages that report nothing (not-archive, 404).
  document.documentElement.dataset.svCompanion = 'loaded';
  const page = extractPage(document, location.href);
  if (page.kind === 'not-archive' || page.kind === 'not-found') return;
  const panelEnabled = await reportPageSeen(page);
  if (page.kind !== 'article' || !page.article || !panelEnabled) return;
  const lifetime = watchLifetime();
  // The panel itself is an extension page in a frame (entrypoints/panel): the reader's notes stay out of
  // the article page's reach, and this script stays small (no Preact, no components).
  const remove = mountPanelFrame(page.article.url, startedAt, lifetime);
  lifetime.addEventListener('abort', remove, { once: true });
});

/** Aborts once the extension that injected us is gone (reloaded, updated, removed): its frame is dead then. */
function watchLifetime(): AbortSignal {
  const controller = new AbortController();
  const check = () => {
    if (!extensionAlive()) controller.abort();
  };
  for (const type of ['visibilitychange', 'focus', 'pageshow']) window.addEventListener(type, check, { signal: controller.signal });
  return controller.signal;
}

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    // Touching the API of an unloaded extension throws in some engines: that means gone too.
    return false;
  }
}
