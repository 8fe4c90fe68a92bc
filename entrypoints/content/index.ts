import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { extractPage } from '@/lib/archive/extract';
import { lightCall } from './panel/light-client';
import { mountPanel } from './panel/mount';

export default defineContentScript({
  matches: DEFAULT_ARCHIVE_HOSTS.flatMap((host) => [`http://${host}/*`, `https://${host}/*`]),
  runAt: 'document_idle',
  async main(ctx) {
    const startedAt = performance.now();
    document.documentElement.dataset.svCompanion = 'loaded';
    const page = extractPage(document, location.href);
    if (page.kind === 'not-archive' || page.kind === 'not-found') return;
    const seen = await lightCall('content.pageSeen', { page });
    const panelEnabled = seen.ok ? seen.value.panelEnabled : true;
    if (page.kind !== 'article' || !page.article || !panelEnabled) return;
    const unmount = await mountPanel(ctx, page.article.url, startedAt);
    ctx.onInvalidated(unmount);
  },
});
