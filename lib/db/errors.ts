import { CodedError } from '../protocol/result';

/**
 * Turns an IndexedDB failure into a CodedError the UI can act on. A failed request aborts its whole
 * transaction, so callers never see half-written state.
 */
export function toStoreError(error: unknown): CodedError {
  if (error instanceof CodedError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return new CodedError('quota-exceeded', 'The browser refused to store more data (storage quota exceeded). Nothing was written.');
  }
  if (name === 'AbortError' || name === 'InvalidStateError' || name === 'TransactionInactiveError') {
    return new CodedError('aborted', `The database write was interrupted and rolled back: ${message || name}`);
  }
  if (name === 'VersionError') return new CodedError('db-blocked', `The database version changed: ${message}`);
  return new CodedError('internal', message || 'Unexpected database error');
}

/** Runs a database operation and rethrows any failure as a CodedError. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error);
  }
}
