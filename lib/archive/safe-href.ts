/**
 * The only way a URL becomes a link anywhere in the UI: it must be an absolute http(s) URL on one of
 * the archive hosts (any case, optional trailing dot, no credentials). Returns the normalised href, or
 * null when the value must stay plain text (javascript:, data:, other hosts, garbage).
 */
export function safeArchiveHref(url: string | null | undefined, hosts: readonly string[]): string | null {
  if (typeof url !== 'string' || url.length > 2048 || !/^https?:\/\//i.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  const host = parsed.host.toLowerCase().replace(/\.$/, '');
  const hostname = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const allowed = hosts.some((h) => {
    const wanted = h.toLowerCase().replace(/\.$/, '');
    return wanted === host || wanted === hostname;
  });
  return allowed ? parsed.href : null;
}
