import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { extractPage } from '@/lib/archive/extract';
import { mountPanelFrame } from './panel/frame-host';
import { reportPageSeen } from './panel/light-client';

export default defineContentScript({
  matches: DEFAULT_ARCHIVE_HOSTS.flatMap((host) => [`http://${host}/*`, `https://${host}/*`]),
  runAt: 'document_idle',
  async main(ctx) {
    const startedAt = performance.now();
    document.documentElement.dataset.svCompanion = 'loaded';
    const page = extractPage(document, location.href);
    if (page.kind === 'not-archive' || page.kind === 'not-found') return;
    const panelEnabled = await reportPageSeen(page);
    if (page.kind !== 'article' || !page.article || !panelEnabled) return;
    // The panel itself is an extension page in a frame (entrypoints/panel): the reader's notes stay out of
    // the article page's reach, and the content script stays small (no Preact, no components).
    const remove = mountPanelFrame(ctx, page.article.url, startedAt);
    ctx.onInvalidated(remove);
  },
});
