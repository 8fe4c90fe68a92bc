import type { PageInfo } from '../model/page-info';
import { canonicalUrl } from './canonical-url';
import { DEFAULT_ARCHIVE_HOSTS, isArchiveHost } from './hosts';
import { unwrapWayback } from './wayback';

/** The Wayback Machine's host: its copies of the archive run our content script when the reader enables them. */
export const WAYBACK_HOST = 'web.archive.org';

export interface ArchiveTabPolicy {
  /** Hosts our content script is declared on (the manifest's matches). */
  hosts?: readonly string[];
  /** Settings.waybackEnabled: Wayback copies count only while the reader has them switched on. */
  waybackEnabled: boolean;
}

function parse(url: string): URL | null {
  if (url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Where a tab's address puts it: 'archive' for an http(s) page on an archive host, 'wayback' for an https
 * Wayback copy of an archive page (only when enabled), null for anything else. Decides from the address
 * the browser reports for the sender's frame, never from what a page says about itself. Never throws.
 */
export function archiveTabPlace(tabUrl: string | null | undefined, policy: ArchiveTabPolicy): 'archive' | 'wayback' | null {
  if (typeof tabUrl !== 'string') return null;
  const url = parse(tabUrl);
  if (!url || url.username || url.password) return null;
  const hosts = policy.hosts ?? DEFAULT_ARCHIVE_HOSTS;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && isArchiveHost(url.host, hosts)) return 'archive';
  if (!policy.waybackEnabled || url.protocol !== 'https:' || url.host.toLowerCase() !== WAYBACK_HOST) return null;
  const copy = unwrapWayback(url.href);
  const original = copy ? parse(copy.original) : null;
  return original && isArchiveHost(original.host, hosts) ? 'wayback' : null;
}

/** True when `url` canonicalises to an http(s) URL on an archive host: a page that belongs to the archive. */
export function belongsToArchive(url: string | null | undefined, hosts: readonly string[] = DEFAULT_ARCHIVE_HOSTS): boolean {
  const canonical = typeof url === 'string' ? canonicalUrl(url, undefined, hosts) : null;
  const parsed = canonical ? parse(canonical) : null;
  return parsed !== null && isArchiveHost(parsed.host, hosts);
}

/**
 * A page a content script reported, kept to what belongs to the archive: null unless its canonical URL
 * (and its article's) is on the archive; listing entries and a next-page link elsewhere are dropped. What
 * a content script says about its page is only a claim: this bounds what the claim can put in the index.
 */
export function archiveFactsOnly(page: PageInfo, hosts: readonly string[] = DEFAULT_ARCHIVE_HOSTS): PageInfo | null {
  if (!belongsToArchive(page.url, hosts)) return null;
  if (page.article && !belongsToArchive(page.article.url, hosts)) return null;
  const listing = page.listing.filter((teaser) => belongsToArchive(teaser.url, hosts));
  const next = page.next !== null && belongsToArchive(page.next, hosts) ? page.next : null;
  return listing.length === page.listing.length && next === page.next ? page : { ...page, listing, next };
}
