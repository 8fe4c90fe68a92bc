/**
 * One stable spelling per archive URL, because the store keys articles by it.
 *
 * Decisions (a real archive mixes every spelling of the same page in its links and in saved copies):
 * - only http(s) URLs survive; javascript:, data:, file:, mailto: … give null;
 * - Wayback copies are unwrapped to the original URL;
 * - host lowercased, default port and credentials dropped, `securityvibes.fr` → `www.securityvibes.fr`;
 * - on archive hosts the scheme is always `http:` — the archive was served over http from 2000 to 2014
 *   (its permalinks, the crawler and the fixtures all say http://www.securityvibes.fr/…); an https copy
 *   is the same article and must not become a second record. Other hosts keep their scheme;
 * - fragment, utm_*, fbclid, gclid, replytocom, cpage dropped; other query parameters kept in order (?p=123);
 * - on archive hosts a post's comment pages (`/x/y/comment-page-2/`) and its `<!--nextpage-->` pages
 *   (`/x/y/2/`) are that post: the suffix is dropped (never after /page/, a date or a lone /archives/123/);
 * - a PATH_INFO `/index.php/…` prefix and a final `index.php` / `index.html` segment are dropped
 *   (HTTrack and wget save /x/ as /x/index.html); the trailing slash is kept as WordPress writes it;
 * - %-escapes in the path are lowercased (WordPress stores encoded slugs in lowercase hex).
 */
import { LIMITS } from '../model/limits';
import { DEFAULT_ARCHIVE_HOSTS, canonicalHost, isArchiveHost } from './hosts';
import { unwrapWayback } from './wayback';

const DROPPED_PARAMS = /^(utm_[a-z_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|replytocom|cpage|_ga|xtor)$/i;
// A post's comment page, or a numbered page after a non-numeric segment (not `page`) that is at least the second.
const POST_PAGE = /^(\/(?:[^/]+\/)+)comment-page-\d+\/?$|^(\/[^/]+\/(?:[^/]+\/)*(?!page\/|\d+\/)[^/]+\/)\d{1,4}\/?$/i;

/** Longer than this, an href cannot give a URL we keep (LIMITS.url), whatever whitespace it holds. */
const MAX_RAW = LIMITS.url * 4;

/** Without C0 controls and spaces at both ends, by index (linear whatever the text). */
function trimC0(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * True when an address the page declares for itself (rel=canonical, og:url) is this very article
 * (`url`, its scheme folded to http on the archive hosts) over https: the record then keeps that it is
 * shown and opened with https (ArticleRecord.https), though keyed as one article with its http copy.
 */
export function declaresHttps(declared: readonly (string | null)[], url: string, hosts: readonly string[]): boolean {
  return declared.some((raw) => !!raw && /^\s*https:\/\//i.test(raw) && canonicalUrl(raw, undefined, hosts) === url);
}

/** Resolves `raw` against `base` and returns the canonical http(s) URL, or null. Never throws. */
export function canonicalUrl(raw: string | null | undefined, base?: string, hosts: readonly string[] = DEFAULT_ARCHIVE_HOSTS): string | null {
  // Length first: an href of 50,000 spaces made the trim below quadratic (`[…]+$` is retried at every space).
  if (typeof raw !== 'string' || raw.length > MAX_RAW) return null;
  // Browsers strip ASCII tab/newline anywhere and control characters/spaces at both ends.
  const trimmed = trimC0(raw.replace(/[\t\n\r]/g, ''));
  if (!trimmed || trimmed.length > LIMITS.url * 2) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  for (let depth = 0; depth < 3; depth++) {
    const copy = unwrapWayback(url.href);
    if (!copy) break;
    try {
      url = new URL(copy.original);
    } catch {
      return null;
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return canonicalFromParsed(url, hosts);
}

// Each URL setter re-serialises the whole URL: only the parts that change are set.
function canonicalFromParsed(url: URL, hosts: readonly string[]): string | null {
  if (url.hash) url.hash = '';
  if (url.username) url.username = '';
  if (url.password) url.password = '';
  const host = canonicalHost(url.host);
  const archive = isArchiveHost(host, hosts) || isArchiveHost(url.host, hosts);
  if (archive && url.protocol !== 'http:') url.protocol = 'http:';
  if (url.host !== host) url.host = host;
  const pathname = url.pathname;
  let path = pathname.replace(/\/{2,}/g, '/');
  path = path.replace(/^\/index\.php(?=\/|$)/i, '') || '/';
  path = path.replace(/\/index\.(php|html?)$/i, '/');
  path = path.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
  if (archive) path = path.replace(POST_PAGE, '$1$2');
  if (path !== pathname) url.pathname = path;
  if (url.search) {
    const kept: string[] = [];
    for (const part of url.search.slice(1).split('&')) {
      if (!part) continue;
      const name = part.split('=')[0] ?? '';
      if (!DROPPED_PARAMS.test(name)) kept.push(part);
    }
    url.search = kept.length ? `?${kept.join('&')}` : '';
  }
  const href = url.href;
  return href.length <= LIMITS.url ? href : null;
}
