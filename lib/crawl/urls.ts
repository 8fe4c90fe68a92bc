/** URL checks for the crawler: only the archive host(s) being indexed, canonical keys, article shapes. */

/** Hosts as `URL.host` spells them (lower case, port only when not the default). */
export function normaliseHosts(hosts: readonly string[]): string[] {
  return hosts.map((h) =>
    h
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/:(80|443)$/, ''),
  );
}

/** Parses an http(s) URL; null for anything else. */
export function httpUrl(raw: string, base?: string): URL | null {
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The key the frontier knows a URL by: no fragment. */
export function urlKey(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** True when the URL is on one of the hosts being indexed. */
export function onHosts(url: URL, hosts: readonly string[]): boolean {
  return hosts.includes(url.host.toLowerCase());
}

const NOT_ARTICLE_FIRST = new Set(['tag', 'category', 'author', 'page', 'feed', 'wp-content', 'wp-admin', 'wp-includes', 'comments', 'search']);

/**
 * Whether a sitemap URL looks like an article (/rubrique/slug/ or /YYYY/MM/DD/slug/ or ?p=N) rather
 * than a listing or a static page. Sitemaps from plugins mix them; articles are what we count.
 */
export function looksLikeArticle(url: URL): boolean {
  if (/^\?p=\d+$/.test(url.search)) return true;
  if (url.search) return false;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0 || NOT_ARTICLE_FIRST.has(parts[0] ?? '')) return false;
  if (parts.includes('page') || parts.includes('feed')) return false;
  if (/^\d{4}$/.test(parts[0] ?? '')) return parts.length >= 4 && !/^\d+$/.test(parts[parts.length - 1] ?? '');
  return parts.length === 2;
}

/** Path + query, what robots.txt rules are written against. */
export function robotsPath(url: URL): string {
  return `${url.pathname}${url.search}`;
}
