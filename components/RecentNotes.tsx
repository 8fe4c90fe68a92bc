import { useEffect, useState } from 'preact/hooks';
import type { NoteView } from '@/lib/protocol';
import { ArticleLink } from './ArticleLink';
import { formatTimestamp, t } from './i18n';
import { useServices } from './services';

/** The reader's most recently edited notes (ui.recentNotes), refreshed when a note changes. */
export function RecentNotes({ limit = 5 }: { limit?: number }) {
  const { call, onEvent } = useServices();
  const [notes, setNotes] = useState<NoteView[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      const result = await call('ui.recentNotes', { limit });
      if (!controller.signal.aborted) setNotes(result.ok ? result.value : []);
    };
    void load();
    onEvent((event) => {
      if (event.event === 'bg.noteChanged') void load();
    }, controller.signal);
    return () => controller.abort();
  }, [call, onEvent, limit]);

  return (
    <section class="sv-recent">
      <h2 class="sv-section-title">{t('recentNotesTitle')}</h2>
      {notes === null ? null : notes.length === 0 ? (
        <p class="sv-muted">{t('recentNotesEmpty')}</p>
      ) : (
        <ul class="sv-list" aria-label={t('recentNotesTitle')}>
          {notes.map((note) => (
            <li key={note.url} class="sv-list-item">
              <ArticleLink url={note.url}>{note.title ?? note.url}</ArticleLink>
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
