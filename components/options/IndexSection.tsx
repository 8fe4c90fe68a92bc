import { useEffect, useRef, useState } from 'preact/hooks';
import type { CrawlStatus } from '@/lib/model';
import type { ProtocolError } from '@/lib/protocol';
import { formatCount, t } from '../i18n';
import { useServices } from '../services';
import { useBackgroundEvent, useCall } from '../use-background';
import { ErrorText } from './ErrorText';
import { CrawlLog } from './CrawlLog';
import { ClearIndex } from './ClearIndex';
import { CrawlProgressBar } from './CrawlProgressBar';
import { formatDateTime } from './format';
import { Figure } from './Figure';

type CrawlAction = 'ui.crawlStart' | 'ui.crawlPause' | 'ui.crawlResume' | 'ui.crawlCancel';

/** Index counts, the crawl controls with live progress, the crawl log and "Clear index". */
export function IndexSection() {
  const { call } = useServices();
  const counts = useCall((ask) => ask('ui.indexStatus', {}), []);
  const [crawl, setCrawl] = useState<CrawlStatus | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const lastState = useRef<CrawlStatus['state'] | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A crawl that stops (done, cancelled, failed) changes the counts and the log: reload both once.
  const applyCrawl = (next: CrawlStatus) => {
    setCrawl(next);
    if (lastState.current !== next.state && next.state !== 'running') {
      counts.reload();
      setLogVersion((v) => v + 1);
    }
    lastState.current = next.state;
  };

  // Index changes arrive in bursts during a crawl: refresh the counts at most every half second.
  const countsChanged = () => {
    pending.current ??= setTimeout(() => {
      pending.current = undefined;
      counts.reload();
    }, 500);
  };
  useBackgroundEvent('bg.crawlProgress', (payload) => applyCrawl(payload.status));
  useBackgroundEvent('bg.indexChanged', countsChanged);
  useBackgroundEvent('bg.noteChanged', countsChanged);
  useEffect(() => {
    void call('ui.crawlStatus', {}).then((result) => (result.ok ? applyCrawl(result.value) : setError(result.error)));
    return () => clearTimeout(pending.current);
  }, [call]);

  const act = async (name: CrawlAction, mode?: 'full' | 'refresh') => {
    setBusy(true);
    setError(null);
    const result = name === 'ui.crawlStart' ? await call(name, { mode: mode ?? 'full' }) : await call(name, {});
    setBusy(false);
    if (result.ok) applyCrawl(result.value);
    else setError(result.error);
  };

  const status = counts.value;
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
      <ErrorText error={error ?? counts.error} />
      {crawl && <CrawlProgressBar status={crawl} />}
      <CrawlLog version={logVersion} />
      <ClearIndex disabled={active} onCleared={counts.reload} />
    </section>
  );
}
