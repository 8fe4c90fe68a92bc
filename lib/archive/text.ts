/**
 * Bounded text helpers shared by every extraction layer. Pages are hostile: every read is capped and
 * tree walks are iterative (a 3 MB page can nest 100,000 elements, which would overflow a recursive walk).
 */

/** Collapses whitespace (incl. no-break spaces) and trims. */
export function collapse(value: string): string {
  return value.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

/** Drops control characters and bidi overrides that could disguise text, then collapses whitespace. */
export function cleanText(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point here
  const cleaned = collapse(value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' '));
  return clip(cleaned, max);
}

/** Cuts at `max` code units without splitting a surrogate pair; prefers a word boundary near the end. */
export function clip(value: string, max: number, ellipsis = false): string {
  if (value.length <= max) return value;
  const room = ellipsis ? max - 1 : max;
  let cut = room;
  const space = value.lastIndexOf(' ', room);
  if (ellipsis && space > room * 0.6) cut = space;
  const code = value.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return value.slice(0, cut).trimEnd() + (ellipsis ? '…' : '');
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

/**
 * Text of `node`, read iteratively and stopped after `max` characters. Skips script/style content
 * (textContent would include it) and returns collapsed whitespace.
 */
export function boundedText(node: Node | null | undefined, max: number, maxNodes = 20_000): string {
  if (!node) return '';
  let out = '';
  let visited = 0;
  let current: Node | null = node.firstChild;
  while (current && out.length < max * 2 && visited < maxNodes) {
    visited++;
    // A text node may be megabytes: take what the budget allows, so collapse() below runs on ≤ 2 × max.
    if (current.nodeType === 3) out += (current.nodeValue ?? '').slice(0, max * 2 - out.length);
    const name = current.nodeType === 1 ? (current as Element).tagName.toUpperCase() : '';
    if (name === 'BR' || name === 'P' || name === 'DIV' || name === 'LI') out += ' ';
    if (current.nodeType === 1 && !SKIP_TEXT.has(name) && current.firstChild) {
      current = current.firstChild;
      continue;
    }
    while (current && current !== node && !current.nextSibling) current = current.parentNode;
    if (!current || current === node) break;
    current = current.nextSibling;
  }
  return clip(collapse(out), max);
}

/** Lowercase, accents removed: the form text patterns are matched in. */
export function fold(value: string): string {
  return value
    .toLowerCase()
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'");
}

/** WordPress sanitize_title() for names found only as text ("Étiquettes : vie privée" → vie-privee). */
export function slugify(name: string): string {
  return fold(name)
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
}

/** A readable name for a slug seen only in a class or URL ("vie-privee" → "vie privee"). */
export function nameFromSlug(slug: string): string {
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // a malformed %-sequence stays as written
  }
  return collapse(decoded.replace(/[-_]+/g, ' '));
}

/** Class tokens of an element (getAttribute works on every DOM, classList does not on all). */
export function classes(el: Element): string[] {
  const raw = el.getAttribute('class');
  if (!raw) return [];
  return raw.length > 4000 ? raw.slice(0, 4000).split(/\s+/).filter(Boolean) : raw.split(/\s+/).filter(Boolean);
}

export function lowerTag(el: Element): string {
  return el.tagName.toLowerCase();
}
