import { createStore, type Store } from '@/lib/db';

let store: Store | null = null;

/**
 * The background's one store. The database is opened lazily on first use, once per worker life (the
 * only place IndexedDB is opened); after another context upgrades it, the next call reopens it.
 */
export function getStore(): Store {
  store ??= createStore(indexedDB);
  return store;
}
