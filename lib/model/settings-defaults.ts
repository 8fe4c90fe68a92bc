import type { Settings } from './records';

/**
 * Host names the archive has lived on: the default of `Settings.archiveHosts` (and where the content
 * script runs). Kept here, below lib/archive (whose host rules default to it) and lib/db (whose stored
 * settings fall back to it), so that neither imports the other.
 */
export const DEFAULT_ARCHIVE_HOSTS = ['www.securityvibes.fr', 'securityvibes.fr', 'magazine.qualys.fr'] as const;

/** Settings before the reader changed any, and what a stored value that no longer validates falls back to. */
export const DEFAULT_SETTINGS: Settings = {
  archiveHosts: [...DEFAULT_ARCHIVE_HOSTS],
  panelEnabled: true,
  // Off until the reader switches it on: that click is what requests the optional web.archive.org permission.
  waybackEnabled: false,
  crawlDelayMs: 1000,
  crawlConcurrency: 1,
};
