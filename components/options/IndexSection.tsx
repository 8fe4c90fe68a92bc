import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CrawlStatus, IndexStatus } from '@/lib/model';
import type { ProtocolError } from '@/lib/protocol';
import { formatCount, t } from '../i18n';
import type { SectionDeps } from './deps';
import { ErrorText } from './ErrorText';
import { CrawlLog } from './CrawlLog';
import { ClearIndex } from './ClearIndex';
import { CrawlProgressBar } from './CrawlProgressBar';
import { formatDateTime } from './format';
import { Figure } from './Figure';

type CrawlAction = 'ui.crawlStart' | 'ui.crawlPause' | 'ui.crawlResume' | 'ui.crawlCancel';

/** Index counts, the crawl controls with live progress, the crawl log and "Clear index". */
export function IndexSection({ call, subscribe }: SectionDeps) {
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [crawl, setCrawl] = useState<CrawlStatus | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const lastState = useRef<CrawlStatus['state'] | null>(null);

  const loadStatus = useCallback(async () => {
    const result = await call('ui.indexStatus', {});
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  }, [call]);

  // A crawl that stops (done, cancelled, failed) changes the counts and the log: reload both once.
  const applyCrawl = useCallback(
    (next: CrawlStatus) => {
      setCrawl(next);
      if (lastState.current !== next.state && next.state !== 'running') {
        void loadStatus();
        setLogVersion((v) => v + 1);
      }
      lastState.current = next.state;
    },
    [loadStatus],
  );

  useEffect(() => {
    const controller = new AbortController();
    let pending: ReturnType<typeof setTimeout> | undefined;
    subscribe((event) => {
      if (event.event === 'bg.crawlProgress') applyCrawl(event.payload.status);
      // Index changes arrive in bursts during a crawl: refresh the counts at most every half second.
      if (event.event === 'bg.indexChanged' || event.event === 'bg.noteChanged') {
        pending ??= setTimeout(() => {
          pending = undefined;
          void loadStatus();
        }, 500);
      }
    }, controller.signal);
    void loadStatus();
    void call('ui.crawlStatus', {}).then((result) => (result.ok ? applyCrawl(result.value) : setError(result.error)));
    return () => {
      controller.abort();
      clearTimeout(pending);
    };
  }, [call, subscribe, loadStatus, applyCrawl]);

  const act = async (name: CrawlAction, mode?: 'full' | 'refresh') => {
    setBusy(true);
    setError(null);
    const result = name === 'ui.crawlStart' ? await call(name, { mode: mode ?? 'full' }) : await call(name, {});
    setBusy(false);
    if (result.ok) applyCrawl(result.value);
    else setError(result.error);
  };

  const state = crawl?.state ?? 'idle';
  const active = state === 'running' || state === 'paused';
  return (
    <section id="index" aria-labelledby="index-title" class="card">
      <h2 id="index-title">{t('optionsIndexTitle')}</h2>
      <p class="hint">{t('optionsIndexIntro')}</p>
      {status && (
        <dl class="counts">
          <Figure label={t('optionsCountArticles')}>{formatCount(status.articles)}</Figure>
          <Figure label={t('optionsCountTags')}>{formatCount(status.tags)}</Figure>
          <Figure label={t('optionsCountNotes')}>{formatCount(status.notes)}</Figure>
          <Figure label={t('optionsCountTrash')}>{formatCount(status.trash)}</Figure>
          <Figure label={t('optionsLastUpdate')}>{status.lastUpdatedAt === null ? t('optionsNever') : formatDateTime(status.lastUpdatedAt)}</Figure>
        </dl>
      )}
      <div class="actions" role="group" aria-label={t('optionsCrawlControls')}>
        {!active && (
          <>
            <button type="button" class="primary" disabled={busy} onClick={() => act('ui.crawlStart', 'full')}>
              {t('optionsBuildIndex')}
            </button>
            <button type="button" disabled={busy} onClick={() => act('ui.crawlStart', 'refresh')}>
              {t('optionsRefreshIndex')}
            </button>
          </>
        )}
        {state === 'running' && (
          <button type="button" disabled={busy} onClick={() => act('ui.crawlPause')}>
            {t('optionsPauseCrawl')}
          </button>
        )}
        {state === 'paused' && (
          <button type="button" class="primary" disabled={busy} onClick={() => act('ui.crawlResume')}>
            {t('optionsResumeCrawl')}
          </button>
        )}
        {active && (
          <button type="button" disabled={busy} onClick={() => act('ui.crawlCancel')}>
            {t('optionsStopCrawl')}
          </button>
        )}
      </div>
      <p class="hint">{t('optionsBuildHint')}</p>
      <ErrorText error={error} />
      {crawl && <CrawlProgressBar status={crawl} />}
      <CrawlLog call={call} version={logVersion} />
      <ClearIndex call={call} disabled={active} onCleared={loadStatus} />
    </section>
  );
}
