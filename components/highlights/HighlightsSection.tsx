import { useId, useState } from 'preact/hooks';
import type { Highlight } from '@/lib/model';
import { t } from '../i18n';
import { useServices } from '../services';
import { HighlightItem } from './HighlightItem';
import { useHighlights } from './use-highlights';

/**
 * The panel's highlights of the open article: "Highlight selection" (the highlighter in this tab takes
 * what is selected in the article), the list in text order, and apart the ones this page does not contain.
 * Deleting goes to the trash, with an undo.
 */
export function HighlightsSection({ url }: { url: string }) {
  const { call } = useServices();
  const state = useHighlights(url);
  const headingId = useId();
  const orphansId = useId();
  const [message, setMessage] = useState('');
  const [trashed, setTrashed] = useState<Highlight | null>(null);

  const highlightSelection = () => {
    setMessage('');
    void call('ui.highlightSelection', {}).then((answer) => {
      if (!answer.ok || !answer.value.asked) setMessage(answer.ok ? t('highlightUnavailable') : answer.error.message);
    });
  };
  const undo = (highlight: Highlight) => {
    void call('ui.restoreHighlight', { id: highlight.id }).then((answer) => {
      setTrashed(null);
      setMessage(answer.ok ? '' : answer.error.message);
    });
  };
  const item = (highlight: Highlight, orphan: boolean) => (
    <HighlightItem key={highlight.id} highlight={highlight} orphan={orphan} opened={state.opened === highlight.id} onDeleted={setTrashed} />
  );

  return (
    <section class="sv-highlights" aria-labelledby={headingId}>
      <div class="sv-highlights-bar">
        <h3 id={headingId} class="sv-label">
          {t('highlightsHeading')}
        </h3>
        {/* mousedown would take the selection away from the page before the click: keep it there. */}
        <button type="button" class="sv-button" onMouseDown={(event) => event.preventDefault()} onClick={highlightSelection}>
          {t('highlightSelectionButton')}
        </button>
      </div>
      <p class="sv-status" role="status">
        {message}
        {trashed && (
          <>
            {t('highlightTrashed')}{' '}
            <button type="button" class="sv-link-button" onClick={() => undo(trashed)}>
              {t('highlightUndo')}
            </button>
          </>
        )}
      </p>
      {state.error && (
        <p class="sv-error" role="alert">
          {t('errorPrefix', state.error.message)}
        </p>
      )}
      <ul class="sv-highlight-list" aria-labelledby={headingId}>
        {state.placed?.map((h) => item(h, false))}
      </ul>
      {state.placed?.length === 0 && state.orphans.length === 0 && <p class="sv-status">{t('highlightsEmpty')}</p>}
      {state.orphans.length > 0 && (
        <>
          <h4 id={orphansId} class="sv-label">
            {t('highlightsOrphansHeading')}
          </h4>
          <ul class="sv-highlight-list" aria-labelledby={orphansId}>
            {state.orphans.map((h) => item(h, true))}
          </ul>
        </>
      )}
    </section>
  );
}
