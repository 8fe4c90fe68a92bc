import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_LIMITS, type Highlight } from '@/lib/model';
import { AUTOSAVE_MS } from '../NoteEditor';
import { t } from '../i18n';
import { useServices } from '../services';

/** How much of a long quote the list shows (the whole passage stays in the page and in exports). */
const EXCERPT = 240;

interface Props {
  highlight: Highlight;
  /** Not found on this page: no "Show". */
  orphan?: boolean;
  /** Opened by a click on the page: scrolled to, its note focused. */
  opened?: boolean;
  onDeleted: (highlight: Highlight) => void;
}

export function excerpt(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** One highlight: its quote (page text, shown as text), its own note (saved as typed), Show and Delete. */
export function HighlightItem({ highlight, orphan = false, opened = false, onDeleted }: Props) {
  const { call } = useServices();
  const [note, setNote] = useState(highlight.note);
  const [status, setStatus] = useState<string>('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  const flush = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    void call('ui.saveHighlightNote', { id: highlight.id, note: text }).then((answer) => setStatus(answer.ok ? t('noteSaved') : answer.error.message));
  };
  useEffect(() => {
    if (pending.current === null) setNote(highlight.note);
  }, [highlight.note]);
  useEffect(() => () => flush(), []);
  useEffect(() => {
    if (!opened) return;
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.focus();
  }, [opened]);

  const onInput = (event: Event) => {
    const next = (event.currentTarget as HTMLTextAreaElement).value;
    setNote(next);
    pending.current = next;
    setStatus(t('noteSaving'));
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_MS);
  };
  const remove = () => {
    void call('ui.deleteHighlight', { id: highlight.id }).then((answer) => {
      if (answer.ok) onDeleted(highlight);
      else setStatus(answer.error.message);
    });
  };

  return (
    <li class={`sv-highlight${opened ? ' sv-highlight-opened' : ''}`} data-highlight={highlight.id}>
      <blockquote class="sv-highlight-quote">{excerpt(highlight.selectors.quote.exact)}</blockquote>
      <textarea
        ref={box}
        class="sv-textarea sv-highlight-note"
        rows={2}
        aria-label={t('highlightNoteLabel')}
        placeholder={t('highlightNotePlaceholder')}
        value={note}
        maxLength={HIGHLIGHT_LIMITS.note}
        onInput={onInput}
        onBlur={flush}
      />
      <div class="sv-highlight-actions">
        {!orphan && (
          <button type="button" class="sv-link-button" onClick={() => void call('ui.highlightSelection', { show: highlight.id })}>
            {t('highlightShow')}
          </button>
        )}
        <button type="button" class="sv-link-button" onClick={remove}>
          {t('highlightDelete')}
        </button>
        <span class="sv-status" role="status">
          {status}
        </span>
      </div>
    </li>
  );
}
