import { t } from '../i18n';
import { useCall } from '../use-background';
import { ErrorText } from './ErrorText';
import { formatDateTime } from './format';

const LOG_LIMIT = 200;

/** URLs the crawler skipped, with reasons. URLs stay text: a crawl log may hold anything a server sent. */
export function CrawlLog({ version }: { version: number }) {
  const log = useCall((call) => call('ui.crawlLog', { limit: LOG_LIMIT }), [version]);
  const entries = log.value;

  return (
    <details class="crawl-log">
      <summary>
        {t('optionsCrawlLogTitle')}
        {entries ? ` (${entries.length})` : ''}
      </summary>
      <ErrorText error={log.error} />
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
      <button type="button" class="link-button" onClick={log.reload}>
        {t('optionsCrawlLogReload')}
      </button>
    </details>
  );
}
