/** Host names the archive has lived on; the content script runs on these only. */
export const DEFAULT_ARCHIVE_HOSTS = ['www.securityvibes.fr', 'securityvibes.fr', 'magazine.qualys.fr'] as const;

/** True when `host` (any case, optional trailing dot) is one of `hosts`. */
export function isArchiveHost(host: string, hosts: readonly string[] = DEFAULT_ARCHIVE_HOSTS): boolean {
  const normal = host.toLowerCase().replace(/\.$/, '');
  return hosts.some((h) => h.toLowerCase() === normal);
}
