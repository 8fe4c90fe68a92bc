import { unwrap, type StoreValue } from 'idb';
import { CodedError } from '../model/errors';
import type { CompanionSchema, DbStore, Store } from './schema';

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

/** The slice of an idb transaction `transact` needs (so any store-name typing fits). */
interface Abortable {
  done: Promise<void>;
  abort(): void;
}

/**
 * Runs `body` in a transaction and waits for it to commit. If anything fails — a request, a thrown
 * error, a value that does not validate — the transaction is aborted, so it never half-commits the
 * requests that had already succeeded; the failure is rethrown as a CodedError.
 */
export async function transact<Tx extends Abortable, T>(open: () => Tx, body: (tx: Tx) => Promise<T>): Promise<T> {
  return guarded(async () => {
    const tx = open();
    const done = tx.done;
    done.catch(() => undefined);
    try {
      const result = await body(tx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing left to roll back.
      }
      throw error;
    }
  });
}

/**
 * Promise.all over requests made one by one. If making one throws (a closed or aborted transaction
 * refuses new requests synchronously), the ones already made are observed before rethrowing, so their
 * own AbortErrors do not surface as unhandled rejections.
 */
export function allRequests<I, T>(items: Iterable<I>, make: (item: I) => Promise<T>): Promise<T[]> {
  const made: Promise<T>[] = [];
  try {
    for (const item of items) made.push(make(item));
  } catch (error) {
    for (const pending of made) pending.catch(() => undefined);
    return Promise.reject(error);
  }
  return Promise.all(made);
}

/**
 * Puts every value through the raw IndexedDB store, with no promise and no listeners per request, and
 * returns at once. A put that fails aborts its whole transaction, and callers run inside `transact`,
 * which awaits the transaction's completion and reports that failure: nothing is lost by not watching
 * each request, and in Chromium idb's per-request promise and listeners cost about as much as the put.
 */
export function putAll<Name extends DbStore>(store: Store<Name, 'readwrite'>, values: Iterable<StoreValue<CompanionSchema, Name>>): void {
  const raw = unwrap(store);
  for (const value of values) raw.put(value);
}
