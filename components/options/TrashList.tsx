import { useState } from 'preact/hooks';
import { TRASH_RETENTION_MS } from '@/lib/model';
import type { ProtocolError, TrashedNoteView } from '@/lib/protocol';
import { t } from '../i18n';
import { useServices } from '../services';
import { useBackgroundEvent, useCall } from '../use-background';
import { ErrorText } from './ErrorText';
import { formatDateTime, formatDay } from './format';

interface Props {
  /** Bumped by the owner when a note was moved to the trash. */
  version: number;
  onRestored: () => void;
}

/** Deleted notes, restorable for 30 days. Titles and texts are shown as text only. */
export function TrashList({ version, onRestored }: Props) {
  const { call } = useServices();
  const trash = useCall(
    async (ask) => {
      const result = await ask('ui.listTrash', {});
      return result.ok ? { ok: true as const, value: [...result.value].sort((a, b) => b.deletedAt - a.deletedAt) } : result;
    },
    [version],
  );
  const [restoreError, setRestoreError] = useState<ProtocolError | null>(null);
  const [busyUrl, setBusyUrl] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  useBackgroundEvent('bg.noteChanged', trash.reload);
  const items = trash.value;
  const error = restoreError ?? trash.error;

  const restore = async (note: TrashedNoteView) => {
    setBusyUrl(note.url);
    setRestoreError(null);
    const result = await call('ui.restoreNote', { url: note.url });
    setBusyUrl(null);
    if (!result.ok) return setRestoreError(result.error);
    setRestored(note.title ?? note.url);
    trash.setValue((current) => current?.filter((item) => item.url !== note.url) ?? null);
    onRestored();
  };

  return (
    <div class="trash">
      <h3 id="trash-title">{t('optionsTrashTitle')}</h3>
      <p class="hint">{t('optionsTrashNotice')}</p>
      <ErrorText error={error} />
      {restored !== null && <p role="status">{t('optionsRestored', restored)}</p>}
      {items && items.length === 0 && <p class="hint">{t('optionsTrashEmpty')}</p>}
      {items && items.length > 0 && (
        <ul class="trash-items">
          {items.map((note) => {
            const title = note.title ?? note.url;
            return (
              <li key={note.url}>
                <div class="trash-text">
                  <strong>{title}</strong>
                  <span class="hint">{t('optionsTrashDeletedOn', formatDateTime(note.deletedAt), formatDay(note.deletedAt + TRASH_RETENTION_MS))}</span>
                  {note.text && <span class="trash-excerpt">{note.text.length > 200 ? `${note.text.slice(0, 200)}…` : note.text}</span>}
                </div>
                <button type="button" disabled={busyUrl !== null} onClick={() => restore(note)} aria-label={t('optionsRestoreNamed', title)}>
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
