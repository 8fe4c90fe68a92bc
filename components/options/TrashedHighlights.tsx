import { useState } from 'preact/hooks';
import { TRASH_RETENTION_MS } from '@/lib/model';
import type { ProtocolError, TrashedHighlightView } from '@/lib/protocol';
import { t } from '../i18n';
import { useServices } from '../services';
import { useBackgroundEvent, useCall } from '../use-background';
import { ErrorText } from './ErrorText';
import { formatDateTime, formatDay } from './format';

const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

/**
 * Deleted highlights, restorable for 30 days like notes (deleting one in the panel moves it here). Quotes,
 * notes and titles are shown as text only. Nothing is shown while the trash holds no highlight.
 */
export function TrashedHighlights({ onRestored }: { onRestored: () => void }) {
  const { call } = useServices();
  const trash = useCall((ask) => ask('ui.listTrashedHighlights', {}), []);
  const [restoreError, setRestoreError] = useState<ProtocolError | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  useBackgroundEvent('bg.highlightsChanged', trash.reload);
  const items = trash.value;
  const error = restoreError ?? trash.error;

  const restore = async (highlight: TrashedHighlightView) => {
    setBusyId(highlight.id);
    setRestoreError(null);
    const result = await call('ui.restoreHighlight', { id: highlight.id });
    setBusyId(null);
    if (!result.ok) return setRestoreError(result.error);
    setRestored(excerpt(highlight.selectors.quote.exact, 60));
    trash.setValue((current) => current?.filter((item) => item.id !== highlight.id) ?? null);
    onRestored();
  };

  if (!error && restored === null && (!items || items.length === 0)) return null;
  return (
    <div class="trash">
      <h3 id="trashed-highlights-title">{t('optionsTrashedHighlightsTitle')}</h3>
      <ErrorText error={error} />
      {restored !== null && <p role="status">{t('optionsRestored', restored)}</p>}
      {items && items.length > 0 && (
        <ul class="trash-items" aria-labelledby="trashed-highlights-title">
          {items.map((highlight) => {
            const quote = excerpt(highlight.selectors.quote.exact, 200);
            return (
              <li key={highlight.id}>
                <div class="trash-text">
                  <strong>{highlight.title ?? highlight.url}</strong>
                  <span class="hint">
                    {t('optionsTrashDeletedOn', formatDateTime(highlight.deletedAt), formatDay(highlight.deletedAt + TRASH_RETENTION_MS))}
                  </span>
                  <blockquote class="highlight-quote trash-excerpt">{quote}</blockquote>
                  {highlight.note && <span class="trash-excerpt">{excerpt(highlight.note, 200)}</span>}
                </div>
                <button
                  type="button"
                  disabled={busyId !== null}
                  onClick={() => restore(highlight)}
                  aria-label={t('optionsRestoreHighlightNamed', excerpt(highlight.selectors.quote.exact, 60))}
                >
                  {t('optionsRestore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
