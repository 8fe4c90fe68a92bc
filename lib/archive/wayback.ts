/**
 * Wayback Machine copies: https://web.archive.org/web/<timestamp>[flags_]/<original URL>.
 * Every URL inside a Wayback page is rewritten by the Wayback Machine to point back into it; the
 * module unwraps them all so it only ever returns original archive URLs.
 */

const WAYBACK_HOSTS = /^(web\.)?(archive\.org|wayback\.archive\.org|web\.archive\.org|webcache\.archive\.org)$/i;
// /web/20100324102000/, /web/20100324102000id_/, /web/2010*/, /web/20100324102000if_/ …
const WAYBACK_PATH = /^\/web\/(\d{1,14}|\*)(?:[a-z]{2}_)?\*?\/(.+)$/i;

export interface WaybackCopy {
  original: string;
  timestamp: string | null;
}

/** The original URL inside a Wayback URL, or null when `url` is not one. Accepts the
 * path-only form ("/web/2010…/http://…") that appears in hrefs of saved Wayback pages. */
export function unwrapWayback(url: string): WaybackCopy | null {
  let path: string;
  if (url.startsWith('/web/')) {
    path = url;
  } else {
    const match = /^(?:https?:)?\/\/([^/?#]+)(\/[^#]*)?/i.exec(url);
    if (!match || !WAYBACK_HOSTS.test((match[1] ?? '').replace(/:\d+$/, ''))) return null;
    path = match[2] ?? '/';
  }
  const inner = WAYBACK_PATH.exec(path);
  if (!inner) return null;
  let original = inner[2] ?? '';
  // The Wayback Machine sometimes collapses "http://" to "http:/".
  original = original.replace(/^(https?):\/(?!\/)/i, '$1://');
  if (!/^https?:\/\//i.test(original)) original = `http://${original}`;
  return { original, timestamp: inner[1] === '*' ? null : (inner[1] ?? null) };
}

/** The Wayback toolbar and its helpers, injected into every copy: never page content. */
export function isWaybackChrome(id: string | null): boolean {
  return !!id && (id.startsWith('wm-') || id === 'donato' || id.startsWith('wb-'));
}
