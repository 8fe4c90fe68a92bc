import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

/** Autosave delay after the last keystroke (the brief allows at most 500 ms). */
export const AUTOSAVE_MS = 400;

interface Props {
  /** The stored text; adopted whenever the reader has no unsaved edits. */
  value: string;
  /** Persists the text; resolves true when stored. */
  onSave: (text: string) => Promise<boolean>;
  /** Called on every keystroke with the full text (mirrored to the background draft port). */
  onDraft?: (text: string) => void;
  disabled?: boolean;
}

type Status = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * A multi-line note that saves itself AUTOSAVE_MS after typing stops and flushes at once when the
 * page is hidden or unloaded (popup closing). Remote changes replace the text only when the reader has
 * nothing unsaved, so an echo of our own save never moves the caret.
 */
export function NoteEditor({ value, onSave, onDraft, disabled = false }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const [status, setStatus] = useState<Status>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unsaved = useRef<string | null>(null);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;

  const flush = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const pending = unsaved.current;
    if (pending === null) return;
    setStatus('saving');
    void saveRef.current(pending).then((stored) => {
      if (unsaved.current === pending) unsaved.current = null;
      setStatus(stored ? (unsaved.current === null ? 'saved' : 'pending') : 'error');
    });
  };

  useEffect(() => {
    if (unsaved.current === null) setText(value);
  }, [value]);

  // Layout effect: the unload listeners must be in place from the first frame on.
  useLayoutEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, []);

  const onInput = (event: Event) => {
    const next = (event.currentTarget as HTMLTextAreaElement).value;
    setText(next);
    unsaved.current = next;
    setStatus('pending');
    onDraft?.(next);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_MS);
  };

  const statusText =
    status === 'saving' || status === 'pending' ? t('noteSaving') : status === 'saved' ? t('noteSaved') : status === 'error' ? t('noteSaveFailed') : '';
  return (
    <div class="sv-note">
      <label for={id} class="sv-label">
        {t('noteLabel')}
      </label>
      <textarea
        id={id}
        class="sv-textarea"
        rows={4}
        value={text}
        placeholder={t('notePlaceholder')}
        onInput={onInput}
        onBlur={flush}
        disabled={disabled}
        maxLength={100_000}
      />
      <p class={`sv-status${status === 'error' ? ' sv-error' : ''}`} role="status">
        {statusText}
      </p>
    </div>
  );
}
