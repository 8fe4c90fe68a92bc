import { useState } from 'preact/hooks';
import { CrawlProgress } from './CrawlProgress';
import { formatTimestamp, t, tCount } from './i18n';
import { useServices } from './services';
import { useBackgroundEvent, useCall } from './use-background';

/** How many articles the index holds, and a "Build index" button with a live progress line. */
export function IndexStatusCard() {
  const { call } = useServices();
  const index = useCall((ask) => ask('ui.indexStatus', {}), []);
  const crawlAnswer = useCall((ask) => ask('ui.crawlStatus', {}), []);
  const [buildError, setBuildError] = useState<string | null>(null);
  useBackgroundEvent('bg.crawlProgress', (payload) => crawlAnswer.setValue(() => payload.status));
  useBackgroundEvent('bg.indexChanged', (payload) => index.setValue((old) => (old ? { ...old, articles: payload.articles } : old)));

  const status = index.value;
  const crawl = crawlAnswer.value;
  const error = buildError ?? index.error?.message ?? null;
  const running = crawl?.state === 'running' || crawl?.state === 'paused';
  const build = async () => {
    const result = await call('ui.crawlStart', { mode: 'full' });
    if (result.ok) {
      crawlAnswer.setValue(() => result.value);
      setBuildError(null);
    } else setBuildError(result.error.message);
  };

  return (
    <section class="sv-index">
      <h2 class="sv-section-title">{t('indexTitle')}</h2>
      <p>
        {status === null ? (error ? '' : t('loading')) : `${tCount('indexCountArticles', status.articles)} · ${tCount('indexCountNotes', status.notes)}`}
        {status?.lastUpdatedAt ? <span class="sv-muted"> · {t('indexUpdated', formatTimestamp(status.lastUpdatedAt))}</span> : null}
      </p>
      <CrawlProgress status={crawl} />
      {error && <p class="sv-error">{t('errorPrefix', error)}</p>}
      {!running && (
        <button type="button" class="sv-button" onClick={() => void build()}>
          {t('indexBuild')}
        </button>
      )}
    </section>
  );
}
