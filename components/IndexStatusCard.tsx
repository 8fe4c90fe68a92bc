import { useEffect, useState } from 'preact/hooks';
import type { CrawlStatus, IndexStatus } from '@/lib/model';
import { CrawlProgress } from './CrawlProgress';
import { formatTimestamp, t, tCount } from './i18n';
import { useServices } from './services';

/** How many articles the index holds, and a "Build index" button with a live progress line. */
export function IndexStatusCard() {
  const { call, onEvent } = useServices();
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [crawl, setCrawl] = useState<CrawlStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const loadStatus = async () => {
      const result = await call('ui.indexStatus', {});
      if (controller.signal.aborted) return;
      if (result.ok) setStatus(result.value);
      else setError(result.error.message);
    };
    void loadStatus();
    void call('ui.crawlStatus', {}).then((result) => {
      if (result.ok && !controller.signal.aborted) setCrawl(result.value);
    });
    onEvent((event) => {
      if (event.event === 'bg.crawlProgress') setCrawl(event.payload.status);
      if (event.event === 'bg.indexChanged') setStatus((old) => (old ? { ...old, articles: event.payload.articles } : old));
    }, controller.signal);
    return () => controller.abort();
  }, [call, onEvent]);

  const running = crawl?.state === 'running' || crawl?.state === 'paused';
  const build = async () => {
    const result = await call('ui.crawlStart', { mode: 'full' });
    if (result.ok) {
      setCrawl(result.value);
      setError(null);
    } else setError(result.error.message);
  };

  return (
    <section class="sv-index">
      <h2 class="sv-section-title">{t('indexTitle')}</h2>
      <p>
        {status === null
          ? error
            ? ''
            : t('loading')
          : `${tCount('indexCountArticles', status.articles)} · ${tCount('indexCountNotes', status.notes)}`}
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
