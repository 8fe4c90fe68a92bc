import { DEFAULT_ARCHIVE_HOSTS } from '../model/settings-defaults';

/** Host names the archive has lived on; the content script runs on these only (the default setting). */
export { DEFAULT_ARCHIVE_HOSTS };

/** Lowercase, without a trailing dot or a default port. */
export function normaliseHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/:(80|443)$/, '');
}

/** True when `host` (any case, optional trailing dot) is one of `hosts`. */
export function isArchiveHost(host: string, hosts: readonly string[] = DEFAULT_ARCHIVE_HOSTS): boolean {
  const normal = normaliseHost(host);
  return hosts.some((h) => normaliseHost(h) === normal);
}

/**
 * The one spelling under which an archive host's articles are keyed. The site answered on both
 * securityvibes.fr and www.securityvibes.fr, and links in the archive mix the two: both become
 * www.securityvibes.fr (the spelling of the site's own permalinks). Other hosts keep their name.
 */
const HOST_ALIASES: Readonly<Record<string, string>> = { 'securityvibes.fr': 'www.securityvibes.fr' };

export function canonicalHost(host: string): string {
  const normal = normaliseHost(host);
  return HOST_ALIASES[normal] ?? normal;
}

/** Host of an absolute URL, or null. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
