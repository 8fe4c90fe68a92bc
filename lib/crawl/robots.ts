/**
 * robots.txt: the `Sitemap:` lines (cheapest discovery) and the Disallow/Allow rules that apply to us
 * (group `*` or a group naming our agent). A crawler that reads robots.txt and then ignores it is not polite.
 */

export interface RobotsRules {
  sitemaps: string[];
  /** Path prefixes (may contain `*` and a trailing `$`) with their verdict, longest match wins. */
  rules: { pattern: string; allow: boolean }[];
}

export const EMPTY_ROBOTS: RobotsRules = { sitemaps: [], rules: [] };

const MAX_RULES = 500;
const MAX_SITEMAPS = 50;

/** Parses robots.txt text; never throws, bounded output. `agent` is matched case-insensitively. */
export function parseRobots(text: string, agent = 'sv-companion'): RobotsRules {
  const sitemaps: string[] = [];
  const mine: RobotsRules['rules'] = [];
  const star: RobotsRules['rules'] = [];
  let groupAgents: string[] = [];
  let inRules = false;
  let ourGroup = false;
  for (const raw of text.slice(0, 512 * 1024).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
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
      const ours = groupAgents.some((a) => a !== '*' && agent.toLowerCase().includes(a));
      ourGroup ||= ours;
      if (field === 'disallow' && value === '') continue; // "Disallow:" alone allows everything
      const rule = { pattern: value, allow: field === 'allow' };
      if (ours) {
        if (mine.length < MAX_RULES) mine.push(rule);
      } else if (groupAgents.includes('*') && star.length < MAX_RULES) star.push(rule);
    }
  }
  return { sitemaps, rules: ourGroup ? mine : star };
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const regex = body.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${regex}${anchored ? '$' : ''}`).test(path);
}

/** True when robots.txt lets us fetch `pathAndQuery` (longest matching rule wins; Allow wins ties). */
export function robotsAllows(robots: RobotsRules, pathAndQuery: string): boolean {
  let best: { length: number; allow: boolean } | null = null;
  for (const rule of robots.rules) {
    if (!matches(rule.pattern, pathAndQuery)) continue;
    const length = rule.pattern.length;
    if (!best || length > best.length || (length === best.length && rule.allow)) best = { length, allow: rule.allow };
  }
  return best?.allow ?? true;
}
