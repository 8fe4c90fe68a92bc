import type { CrawlStatus } from '@/lib/model';
import { formatCount, t } from '../i18n';
import { formatDuration } from './format';
import { Figure } from './Figure';

const STATE_KEYS: Record<CrawlStatus['state'], string> = {
  idle: 'optionsCrawlIdle',
  running: 'optionsCrawlRunning',
  paused: 'optionsCrawlPaused',
  done: 'optionsCrawlDone',
  cancelled: 'optionsCrawlCancelled',
  failed: 'optionsCrawlFailed',
};

/**
 * The options page's view of the index build: state, a progress bar (pages fetched out of fetched +
 * queued), articles indexed, errors and ETA. (The popup's one-line summary is components/CrawlProgress.)
 */
export function CrawlProgressBar({ status }: { status: CrawlStatus }) {
  const total = status.pagesFetched + status.queued;
  const shown = status.state !== 'idle';
  const known = total > 0;
  const percent = known ? Math.round((status.pagesFetched / total) * 100) : 0;
  return (
    <div class={`crawl-progress crawl-${status.state}`}>
      {/* Only the state is live: announcing every fetched page would drown a screen reader. */}
      <p class="crawl-state" role="status">
        {t(STATE_KEYS[status.state])}
        {status.mode && shown ? ` · ${t(status.mode === 'full' ? 'optionsCrawlModeFull' : 'optionsCrawlModeRefresh')}` : ''}
      </p>
      {shown && (
        <progress
          aria-label={t('optionsCrawlProgressLabel')}
          max={known ? total : undefined}
          value={known ? status.pagesFetched : undefined}
          aria-valuetext={known ? t('optionsCrawlProgressValue', formatCount(status.pagesFetched), formatCount(total), percent) : undefined}
        />
      )}
      {shown && (
        <dl class="figures">
          <Figure label={t('optionsCrawlPages')}>{formatCount(status.pagesFetched)}</Figure>
          <Figure label={t('optionsCrawlArticles')}>{formatCount(status.articlesIndexed)}</Figure>
          <Figure label={t('optionsCrawlQueued')}>{formatCount(status.queued)}</Figure>
          <Figure label={t('optionsCrawlErrors')}>{formatCount(status.errors)}</Figure>
          {status.state === 'running' && status.etaMs !== null && <Figure label={t('optionsCrawlEta')}>{formatDuration(status.etaMs)}</Figure>}
        </dl>
      )}
      {status.message && <p class="crawl-message">{status.message}</p>}
    </div>
  );
}
