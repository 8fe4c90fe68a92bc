import { DEFAULT_SETTINGS, Settings } from '../model';
import { guarded, transact } from './errors';
import { SETTINGS_KEY, STORES, type Db } from './schema';
import { CodedError } from '../model/errors';

/** Stored settings over the defaults; a stored value that no longer validates falls back to defaults. */
export function storedSettings(stored: unknown): Settings {
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) });
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export function getSettings(db: Db): Promise<Settings> {
  return guarded(async () => storedSettings(await db.get(STORES.settings, SETTINGS_KEY)));
}

/** Merges a partial update and stores the result (validated) in one transaction. */
export function saveSettings(db: Db, patch: Partial<Settings>): Promise<Settings> {
  return transact(
    () => db.transaction([STORES.settings], 'readwrite'),
    async (tx) => {
      const store = tx.objectStore(STORES.settings);
      const stored = await store.get(SETTINGS_KEY);
      const current = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) });
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const next = Settings.safeParse({ ...(current.success ? current.data : DEFAULT_SETTINGS), ...defined });
      if (!next.success) throw new CodedError('invalid-message', 'These settings are not valid.');
      await store.put(next.data, SETTINGS_KEY);
      return next.data;
    },
  );
}
