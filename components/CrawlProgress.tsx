import type { CrawlStatus } from '@/lib/model';
import { formatCount, t, tCount } from './i18n';

/** One line describing the crawler's state; nothing when it never ran. */
export function CrawlProgress({ status }: { status: CrawlStatus | null }) {
  if (!status || status.state === 'idle') return null;
  const counts = [
    tCount('crawlPagesFetched', status.pagesFetched),
    tCount('indexCountArticles', status.articlesIndexed),
    t('crawlQueued', formatCount(status.queued)),
  ].join(', ');
  const state = t(`crawlState_${status.state}`);
  const eta = status.state === 'running' && status.etaMs !== null ? ` · ${t('crawlEta', Math.max(1, Math.round(status.etaMs / 60_000)))}` : '';
  return (
    <p class="sv-progress" role="status">
      {state} — {counts}
      {status.errors > 0 ? ` · ${tCount('crawlErrors', status.errors)}` : ''}
      {eta}
      {status.message ? ` · ${status.message}` : ''}
    </p>
  );
}
