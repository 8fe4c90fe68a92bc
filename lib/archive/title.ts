/** Page titles without the site name: "SecurityVibes » Blog Archive » Titre" → "Titre". */
import { LIMITS } from '../model/limits';
import { cleanText, fold } from './text';

const SEPARATORS = /\s+(?:[|»«\-–—:~·•]|::|&raquo;)\s+/;
const SITE_SEGMENT = /^(security\s?vibes(\.fr)?|qualys community|communaute qualys|magazine qualys|blog archive|archives?|le blog)$/;

/** True when the whole text is the site's name (a logo heading, not an article's title). */
export function isSiteName(text: string): boolean {
  // Every site name above is short: longer text is never folded (a title is read on every page).
  return text.length < 30 && SITE_SEGMENT.test(fold(text));
}

/** Removes site-name segments at either end of a title, never the whole title. */
export function stripSiteName(raw: string, extraSiteName: string | null = null): string {
  const title = cleanText(raw, LIMITS.title * 2);
  const segments = title.split(SEPARATORS);
  const site = extraSiteName ? fold(cleanText(extraSiteName, 200)) : null;
  const isSite = (segment: string) => {
    const trimmed = segment.trim();
    return isSiteName(trimmed) || (!!site && fold(trimmed) === site);
  };
  while (segments.length > 1 && isSite(segments[0] ?? '')) segments.shift();
  while (segments.length > 1 && isSite(segments[segments.length - 1] ?? '')) segments.pop();
  // Rebuild with the original separators by cutting the original string.
  const first = segments[0] ?? '';
  const last = segments[segments.length - 1] ?? '';
  const start = title.indexOf(first);
  const end = title.lastIndexOf(last) + last.length;
  const kept = start >= 0 && end > start ? title.slice(start, end) : segments.join(' - ');
  return cleanText(kept, LIMITS.title);
}
