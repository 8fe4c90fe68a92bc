/**
 * What an import must not take from a file at face value. A backup may come from someone else (a shared
 * "index" file) or from a broken clock:
 * - times later than a day from now are set to now — a note dated 9999 would otherwise win every later
 *   merge by date, and a trash entry dated 9999 would never expire;
 * - settings are only compared here; the import applies them only when the reader ticks it (their
 *   archive hosts decide which sites the crawler fetches).
 */
import { SettingKey, type BackupFile, type Settings } from '../model';

/** Clock skew we accept between the machine that wrote the file and this one. */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** The file with every time past `now` + a day set to `now`, and how many were. Pure: a new object. */
export function clampFutureTimes(file: BackupFile, now: number): { file: BackupFile; clamped: number } {
  let clamped = 0;
  const limit = now + FUTURE_SLACK_MS;
  const at = (time: number): number => {
    if (time <= limit) return time;
    clamped += 1;
    return now;
  };
  const articles = file.articles.map((a) =>
    a.firstSeenAt > limit || a.updatedAt > limit ? { ...a, firstSeenAt: at(a.firstSeenAt), updatedAt: at(a.updatedAt) } : a,
  );
  const notes = file.notes.map((n) => (n.createdAt > limit || n.updatedAt > limit ? { ...n, createdAt: at(n.createdAt), updatedAt: at(n.updatedAt) } : n));
  const trash = file.trash.map((t) =>
    t.createdAt > limit || t.updatedAt > limit || t.deletedAt > limit
      ? { ...t, createdAt: at(t.createdAt), updatedAt: at(t.updatedAt), deletedAt: at(t.deletedAt) }
      : t,
  );
  const highlights = file.highlights?.map((h) =>
    h.createdAt > limit || h.updatedAt > limit || (h.deletedAt ?? 0) > limit
      ? { ...h, createdAt: at(h.createdAt), updatedAt: at(h.updatedAt), ...(h.deletedAt === undefined ? {} : { deletedAt: at(h.deletedAt) }) }
      : h,
  );
  return { file: { ...file, articles, notes, trash, ...(highlights ? { highlights } : {}) }, clamped };
}

/** The settings `incoming` would change (host lists compared as sets, written the same way). */
export function settingsChanges(current: Settings, incoming: Settings): SettingKey[] {
  const hosts = (list: readonly string[]) => [...new Set(list.map((h) => h.toLowerCase()))].sort().join(' ');
  return SettingKey.options.filter((key) =>
    key === 'archiveHosts' ? hosts(current.archiveHosts) !== hosts(incoming.archiveHosts) : current[key] !== incoming[key],
  );
}
