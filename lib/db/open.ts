import { wrap } from 'idb';
import { CodedError } from '../model/errors';
import { runMigrations } from './migrations';
import { DB_NAME, DB_VERSION, type Db, type UpgradeDb, type UpgradeTx } from './schema';

export interface OpenOptions {
  name?: string;
  /** Only for fixtures and tests: open (and create) the schema of an earlier version. */
  version?: number;
  /** How long to wait for other connections to close before refusing with `db-blocked`. */
  blockedGraceMs?: number;
  /** Called after this connection closed itself because another context wants to upgrade. */
  onVersionChange?: () => void;
}

/**
 * Opens (creating or upgrading) the database through the given factory: fake-indexeddb in Node, the
 * real one in the browser. This connection closes itself on `versionchange` so that a newer version
 * opened elsewhere is never blocked by us; if *we* are blocked by an older connection that does not
 * close, the open is refused with `db-blocked` after a grace period (and closed if it succeeds later).
 */
export function openDatabase(factory: IDBFactory, options: OpenOptions = {}): Promise<Db> {
  const version = options.version ?? DB_VERSION;
  const grace = options.blockedGraceMs ?? 3000;
  return new Promise<Db>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(options.name ?? DB_NAME, version);
    } catch (error) {
      reject(new CodedError('internal', `Cannot open the database: ${String(error)}`));
      return;
    }
    let migration: Promise<void> = Promise.resolve();
    request.onupgradeneeded = (event) => {
      // The one place the raw upgrade connection gets its schema (idb's openDB does the same cast, but
      // opens only the global indexedDB; we take any factory). The steps see every store any version had;
      // idb's wrap() types every transaction read-only, hence the detour through unknown for this one.
      const db = wrap(request.result) as UpgradeDb;
      const tx = wrap(request.transaction!) as unknown as UpgradeTx;
      migration = runMigrations(db, tx, event.oldVersion, event.newVersion ?? version).catch((error: unknown) => {
        tx.abort();
        throw error;
      });
      migration.catch(() => undefined);
    };
    request.onblocked = () => {
      timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        reject(
          new CodedError('db-blocked', 'The database is busy: another open tab or window of the extension is using an older version. Close it and try again.'),
        );
      }, grace);
    };
    request.onerror = () => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      const cause = request.error;
      migration
        .catch((error: unknown) => error)
        .then((migrationError) => {
          const detail = migrationError instanceof Error ? migrationError.message : (cause?.message ?? 'unknown error');
          if (cause?.name === 'VersionError') reject(new CodedError('internal', `The database was created by a newer version of the extension (${detail}).`));
          else if (cause?.name === 'QuotaExceededError') reject(new CodedError('quota-exceeded', 'Not enough storage space to open the database.'));
          else reject(new CodedError('aborted', `Opening or upgrading the database failed: ${detail}`));
        });
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const raw = request.result;
      if (settled) {
        raw.close();
        return;
      }
      settled = true;
      raw.onversionchange = () => {
        raw.close();
        options.onVersionChange?.();
      };
      // As above: the connection, once at the current version, typed with the current schema.
      resolve(wrap(raw) as Db);
    };
  });
}
