import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProtocolError } from '@/lib/protocol';
import { t, tCount } from '../i18n';
import { useServices } from '../services';
import { ErrorText } from './ErrorText';

/** "Clear index" with a confirmation step; notes, ratings and trash are kept, and the text says so. */
export function ClearIndex({ disabled, onCleared }: { disabled: boolean; onCleared: () => void }) {
  const { call } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [removed, setRemoved] = useState<number | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Keyboard users land on the harmless choice (Cancel), and back on the opener when it closes.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (wasConfirming.current) openButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const clear = async () => {
    setBusy(true);
    setError(null);
    const result = await call('ui.clearIndex', {});
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setRemoved(result.value.removed);
    setConfirming(false);
    onCleared();
  };

  return (
    <div class="clear-index">
      <h3>{t('optionsClearIndexTitle')}</h3>
      <p class="hint">{t('optionsClearIndexKeepsNotes')}</p>
      {!confirming && (
        <button
          type="button"
          class="danger"
          ref={openButton}
          disabled={disabled}
          onClick={() => {
            setRemoved(null);
            setConfirming(true);
          }}
        >
          {t('optionsClearIndex')}
        </button>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-label={t('optionsClearIndexConfirmLabel')}>
          <p>{t('optionsClearIndexQuestion')}</p>
          <button type="button" class="danger" disabled={busy} onClick={clear}>
            {t('optionsClearIndexConfirm')}
          </button>
          <button type="button" ref={cancelButton} disabled={busy} onClick={() => setConfirming(false)}>
            {t('optionsCancel')}
          </button>
        </div>
      )}
      {removed !== null && <p role="status">{tCount('optionsClearIndexDone', removed)}</p>}
      <ErrorText error={error} />
    </div>
  );
}
