/**
 * The addresses of one article on the archive's hosts. magazine.qualys.fr, the successor site, serves
 * the SecurityVibes posts at the same `/<rubrique>/<post-slug>/` paths as www.securityvibes.fr: a reader's
 * highlights made on one copy belong on the other too. The index keeps each address as it is (a record
 * per page read); the highlights store looks an article up under all of its addresses.
 */
import { normaliseHost } from './hosts';

/** Hosts that serve the same posts at the same paths (canonical spellings: see canonicalHost). */
const SAME_POSTS = ['www.securityvibes.fr', 'magazine.qualys.fr'] as const;

/** `url` first, then the same path and query on the other hosts of the same posts; just `url` elsewhere. */
export function articleCopies(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const host = normaliseHost(parsed.host);
  // The home page is no article: only a path below the root, or a query (?p=123), names a post.
  if (!SAME_POSTS.some((h) => h === host) || (parsed.pathname === '/' && !parsed.search) || parsed.username || parsed.password || parsed.hash) return [url];
  const tail = `${parsed.pathname}${parsed.search}`;
  return [url, ...SAME_POSTS.filter((h) => h !== host).map((other) => `${parsed.protocol}//${other}${tail}`)];
}

/** True when `a` and `b` are addresses of the same article (equal, or copies on the hosts of the same posts). */
export function sameArticle(a: string, b: string): boolean {
  return a === b || articleCopies(a).includes(b);
}
