import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteView, ProtocolError } from '@/lib/protocol';
import { t } from '../i18n';
import { NoteEditor } from '../NoteEditor';
import { RatingStars } from '../RatingStars';
import { safeArchiveHref } from '@/lib/archive/safe-href';
import { useServices } from '../services';
import { shownUrl } from '@/lib/model/shown-url';
import { TagChips } from '../TagChips';
import { ErrorText } from './ErrorText';
import { HighlightExcerpts } from './HighlightExcerpts';
import { formatDateTime } from './format';

function starsLabel(rating: number | null): string {
  if (rating === null) return t('optionsNotRated');
  return rating === 1 ? t('optionsStarsOne') : t('optionsStarsN', rating);
}

interface Props {
  note: NoteView;
  onChanged: () => void;
  onTrashed: () => void;
}

/**
 * One annotated article in the library: title (a link only for an http(s) archive URL), rubrique, tags,
 * rating, dates, the note's text and the article's highlights, all rendered as text. An article only
 * highlighted shows "no note yet" and offers to write one (nothing to delete). Editing reuses the popup's RatingStars and autosaving NoteEditor, so a
 * note being edited here is saved the same way (and flushed if the page closes: the services' draft sink
 * mirrors keystrokes to the background) as in the popup.
 */
export function NoteItem({ note, onChanged, onTrashed }: Props) {
  const { call, hosts, drafts } = useServices();
  const [editing, setEditing] = useState(false);
  const [rating, setRating] = useState<number | null>(note.rating);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ProtocolError | null>(null);
  const item = useRef<HTMLLIElement>(null);
  const wasEditing = useRef(false);
  const href = safeArchiveHref(shownUrl(note), hosts);
  const title = note.title ?? shownUrl(note);

  useEffect(() => {
    if (editing) item.current?.querySelector('textarea')?.focus();
    else if (wasEditing.current) item.current?.querySelector<HTMLElement>('[data-action="edit"]')?.focus();
    wasEditing.current = editing;
  }, [editing]);

  useEffect(() => setRating(note.rating), [note.rating]);

  const saveText = async (text: string): Promise<boolean> => {
    const result = await call('ui.saveNote', { url: note.url, text });
    setError(result.ok ? null : result.error);
    if (result.ok) drafts?.saved(note.url, text);
    return result.ok;
  };

  const saveRating = async (next: number | null) => {
    const previous = rating;
    setRating(next);
    const result = await call('ui.saveNote', { url: note.url, rating: next });
    setError(result.ok ? null : result.error);
    if (!result.ok) setRating(previous);
  };

  const trash = async () => {
    setBusy(true);
    setError(null);
    const result = await call('ui.deleteNote', { url: note.url });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onTrashed();
  };

  return (
    <li class="note" ref={item}>
      <h3 class="note-title">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          title
        )}
      </h3>
      <p class="note-meta">
        {note.category && <span class="rubrique">{note.category.name}</span>}
        {!editing && (
          <span class="rating">
            {rating === null ? (
              t('optionsNotRated')
            ) : (
              <>
                <span aria-hidden="true">{'★'.repeat(rating) + '☆'.repeat(5 - rating)}</span>
                <span class="sr-only">{starsLabel(rating)}</span>
              </>
            )}
          </span>
        )}
        <span>{t('optionsNoteCreated', formatDateTime(note.createdAt))}</span>
        <span>{t('optionsNoteUpdated', formatDateTime(note.updatedAt))}</span>
      </p>
      <TagChips tags={note.tags} label={t('optionsNoteTags')} />
      {!editing && (note.text ? <p class="note-text">{note.text}</p> : <p class="hint">{t(note.hasNote ? 'optionsNoteEmpty' : 'optionsHighlightedOnly')}</p>)}
      {!editing && <HighlightExcerpts highlights={note.highlights} title={title} />}
      {editing && (
        <div class="note-edit">
          <RatingStars value={rating} onChange={(next) => void saveRating(next)} />
          <NoteEditor value={note.text} onSave={saveText} onDraft={drafts ? (text) => drafts.draft(note.url, text) : undefined} />
          <button
            type="button"
            class="primary"
            onClick={() => {
              setEditing(false);
              onChanged();
            }}
          >
            {t('optionsDone')}
          </button>
        </div>
      )}
      {!editing && (
        <div class="actions">
          {href && (
            <a class="button" href={href} target="_blank" rel="noopener noreferrer" aria-label={t('optionsOpenArticleNamed', title)}>
              {t('optionsOpenArticle')}
            </a>
          )}
          <button
            type="button"
            data-action="edit"
            disabled={busy}
            onClick={() => {
              setError(null);
              setEditing(true);
            }}
            aria-label={t(note.hasNote ? 'optionsEditNoteNamed' : 'optionsWriteNoteNamed', title)}
          >
            {t(note.hasNote ? 'optionsEdit' : 'optionsWriteNote')}
          </button>
          {note.hasNote && (
            <button type="button" class="danger" disabled={busy} onClick={trash} aria-label={t('optionsDeleteNoteNamed', title)}>
              {t('optionsDelete')}
            </button>
          )}
        </div>
      )}
      <ErrorText error={error} />
    </li>
  );
}
