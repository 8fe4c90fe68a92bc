import { useEffect, useState } from 'preact/hooks';
import type { CrawlLogEntry } from '@/lib/model';
import type { CallBackground, ProtocolError } from '@/lib/protocol';
import { t } from '../i18n';
import { ErrorText } from './ErrorText';
import { formatDateTime } from './format';

const LOG_LIMIT = 200;

/** URLs the crawler skipped, with reasons. URLs stay text: a crawl log may hold anything a server sent. */
export function CrawlLog({ call, version }: { call: CallBackground; version: number }) {
  const [entries, setEntries] = useState<CrawlLogEntry[] | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void call('ui.crawlLog', { limit: LOG_LIMIT }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setEntries(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [call, version, reloads]);

  return (
    <details class="crawl-log">
      <summary>
        {t('optionsCrawlLogTitle')}
        {entries ? ` (${entries.length})` : ''}
      </summary>
      <ErrorText error={error} />
      {entries && entries.length === 0 && <p class="hint">{t('optionsCrawlLogEmpty')}</p>}
      {entries && entries.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('optionsCrawlLogTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('optionsCrawlLogUrl')}</th>
                <th scope="col">{t('optionsCrawlLogReason')}</th>
                <th scope="col">{t('optionsCrawlLogWhen')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => (
                <tr key={`${entry.at}-${i}`}>
                  <td class="url">{entry.url}</td>
                  <td>{entry.reason}</td>
                  <td>{formatDateTime(entry.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" class="link-button" onClick={() => setReloads((n) => n + 1)}>
        {t('optionsCrawlLogReload')}
      </button>
    </details>
  );
}
