import { createStore, type Store } from '@/lib/db';

let store: Store | null = null;

/**
 * The background's one store. The database is opened lazily on first use, once per worker life (the
 * only place IndexedDB is opened); after another context upgrades it, the next call reopens it.
 */
export function getStore(): Store {
  if (!store) {
    store = createStore(indexedDB);
    // Start loading the related/search catalog now (one read of the digest), so the popup's first
    // search or related list after the worker wakes rarely waits for it. A failure here is retried
    // by the first query that needs the catalog.
    store.catalog().catch(() => undefined);
  }
  return store;
}
