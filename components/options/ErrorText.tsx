import type { ProtocolError } from '@/lib/protocol';
import { t } from '../i18n';

const CODE_KEYS: Record<ProtocolError['code'], string> = {
  'invalid-message': 'optionsErrorInvalidMessage',
  forbidden: 'optionsErrorForbidden',
  'not-found': 'optionsErrorNotFound',
  'quota-exceeded': 'optionsErrorQuota',
  'db-blocked': 'optionsErrorDbBlocked',
  aborted: 'optionsErrorAborted',
  'invalid-file': 'optionsErrorInvalidFile',
  unavailable: 'optionsErrorUnavailable',
  internal: 'optionsErrorInternal',
};

/** A failed call shown where it happened: a translated headline for the code plus the background's
 * own detail (text only), announced to screen readers. */
export function ErrorText({ error, context }: { error: ProtocolError | null; context?: string }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      <strong>
        {context ? `${context} ` : ''}
        {t(CODE_KEYS[error.code])}
      </strong>
      {error.message && <span class="error-detail"> {error.message}</span>}
    </p>
  );
}
