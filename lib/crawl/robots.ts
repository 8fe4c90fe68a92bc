/**
 * robots.txt (RFC 9309): the `Sitemap:` lines (cheapest discovery) and the Allow/Disallow rules that
 * apply to us (group `*` or a group naming our agent). A crawler that reads robots.txt and then ignores
 * it is not polite.
 *
 * Rules are matched without regular expressions: a rule built into a backtracking regex made
 * `Disallow: /*a*a*a*a*a*a*a*a*a*a*b` exponential in the path length, on every enqueue (the crawl never
 * finished). A pattern is its literal segments between `*`s; the first is a prefix, the others are
 * found left to right with indexOf (the leftmost place of each segment leaves the most room for the
 * rest, so greedy is exact), and a final `$` pins the last segment to the end. Linear in the path for
 * each rule, whatever the rule.
 */

export interface RobotsRules {
  sitemaps: string[];
  /** Paths (may contain `*` and a final `$`) with their verdict; the longest matching pattern wins. */
  rules: { pattern: string; allow: boolean }[];
}

const MAX_RULES = 500;
const MAX_SITEMAPS = 50;
/** RFC 9309 asks parsers to read at least 500 KiB. */
const MAX_TEXT = 512 * 1024;
/** No URL the crawler keeps is longer (LIMITS.url); a longer pattern could match none of them. */
const MAX_PATTERN = 2048;

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * RFC 9309 §2.2.2: compare paths with non-ASCII characters percent-encoded, escapes of unreserved
 * characters decoded and hex digits in upper case — so `/café`, `/caf%c3%a9` and `/caf%C3%A9` are one path.
 * `*` and `$` stay as they are (they are the pattern's own syntax).
 */
export function normaliseRobotsPath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) {
      const decoded = String.fromCharCode(parseInt(path.slice(i + 1, i + 3), 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${path.slice(i + 1, i + 3).toUpperCase()}`;
      i += 2;
    } else if (c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x21) {
      const code = path.codePointAt(i) ?? 0;
      if (code > 0xffff) i++;
      try {
        out += encodeURIComponent(String.fromCodePoint(code));
      } catch {
        out += '%EF%BF%BD'; // a lone surrogate: U+FFFD, as URL parsing does
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** Parses robots.txt text; never throws, bounded output. `agent` is matched case-insensitively. */
export function parseRobots(text: string, agent = 'sv-companion'): RobotsRules {
  const sitemaps: string[] = [];
  const mine: RobotsRules['rules'] = [];
  const star: RobotsRules['rules'] = [];
  const me = agent.toLowerCase();
  let groupAgents: string[] = [];
  let inRules = false;
  let ourGroup = false;
  for (const raw of text.slice(0, MAX_TEXT).split(/\r\n|\r|\n/)) {
    const hash = raw.indexOf('#');
    const line = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'sitemap') {
      if (value && sitemaps.length < MAX_SITEMAPS) sitemaps.push(value);
    } else if (field === 'user-agent') {
      if (inRules) groupAgents = [];
      inRules = false;
      groupAgents.push(value.toLowerCase());
    } else if (field === 'allow' || field === 'disallow') {
      inRules = true;
      const ours = groupAgents.some((a) => a !== '*' && a !== '' && me.includes(a));
      ourGroup ||= ours;
      if (value === '' || value.length > MAX_PATTERN) continue; // "Disallow:" alone allows everything
      const rule = { pattern: normaliseRobotsPath(value), allow: field === 'allow' };
      if (ours) {
        if (mine.length < MAX_RULES) mine.push(rule);
      } else if (groupAgents.includes('*') && star.length < MAX_RULES) star.push(rule);
    }
  }
  return { sitemaps, rules: ourGroup ? mine : star };
}

/** True when `pattern` (RFC 9309: `*` any run of characters, a final `$` the end) matches `path` from its start. */
export function robotsPatternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const segments = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  const first = segments[0] as string;
  if (segments.length === 1) return anchored ? path === first : path.startsWith(first);
  if (!path.startsWith(first)) return false;
  // With `$` the last segment ends the path, and every other segment must fit before it.
  const last = segments[segments.length - 1] as string;
  const limit = anchored ? path.length - last.length : path.length;
  if (limit < first.length || (anchored && !path.endsWith(last))) return false;
  let at = first.length;
  for (let i = 1; i < segments.length - (anchored ? 1 : 0); i++) {
    const segment = segments[i] as string;
    if (!segment) continue;
    const found = path.indexOf(segment, at);
    if (found < 0 || found + segment.length > limit) return false;
    at = found + segment.length;
  }
  return true;
}

/** True when robots.txt lets us fetch `pathAndQuery` (longest matching rule wins; Allow wins ties). */
export function robotsAllows(robots: RobotsRules, pathAndQuery: string): boolean {
  const path = normaliseRobotsPath(pathAndQuery);
  let best: { length: number; allow: boolean } | null = null;
  for (const rule of robots.rules) {
    const length = rule.pattern.length;
    if (best && (length < best.length || (length === best.length && best.allow))) continue;
    if (!robotsPatternMatches(rule.pattern, path)) continue;
    best = { length, allow: rule.allow };
  }
  return best?.allow ?? true;
}
