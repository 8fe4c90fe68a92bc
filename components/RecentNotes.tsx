import { shownUrl } from '@/lib/model/shown-url';
import { ArticleLink } from './ArticleLink';
import { formatTimestamp, t } from './i18n';
import { useBackgroundEvent, useCall } from './use-background';

/** The reader's most recently edited notes (ui.recentNotes), refreshed when a note changes. */
export function RecentNotes({ limit = 5 }: { limit?: number }) {
  const recent = useCall((call) => call('ui.recentNotes', { limit }), [limit]);
  useBackgroundEvent('bg.noteChanged', recent.reload);
  // A failed request shows the empty list rather than nothing at all.
  const notes = recent.error ? [] : recent.value;

  return (
    <section class="sv-recent">
      <h2 class="sv-section-title">{t('recentNotesTitle')}</h2>
      {notes === null ? null : notes.length === 0 ? (
        <p class="sv-muted">{t('recentNotesEmpty')}</p>
      ) : (
        <ul class="sv-list" aria-label={t('recentNotesTitle')}>
          {notes.map((note) => (
            <li key={note.url} class="sv-list-item">
              <ArticleLink url={shownUrl(note)}>{note.title ?? shownUrl(note)}</ArticleLink>
              <span class="sv-muted">
                {' · '}
                {formatTimestamp(note.updatedAt)}
              </span>
              {note.rating !== null && (
                <span class="sv-own-rating" role="img" aria-label={t('yourRating', note.rating)}>
                  {' '}
                  <span aria-hidden="true">{'★'.repeat(note.rating)}</span>
                </span>
              )}
              {note.text && <p class="sv-snippet">{note.text.slice(0, 140)}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
