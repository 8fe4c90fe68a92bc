/** What a listing page lists: the tag, rubrique, month, author or search words (slug and name). */
import type { ListingSubject, PageKind } from '../model/page-info';
import { LIMITS } from '../model/limits';
import { nameFor, safeSlug, type PageContext } from './context';
import { parseFrenchMonth } from './french-date';
import { urlShape } from './page-kind';
import { boundedText, classes, cleanText } from './text';
import { isSiteName } from './title';

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const HEADING = '.page-title, .archive-title, h1.title, .pagetitle, #content h1, #content h2.pagetitle, main h1, h1';

// "Articles marqués avec X", "Archives de l'étiquette X", "Articles de X", "Archives pour la catégorie X".
const LABEL =
  /^(?:articles|archives|billets)(?: \S+)? (?:avec|de|par|pour|dans|du) (?:(?:la |le |l['’])?(?:[ée]tiquette|tag|mots?[- ]cl\S+|cat[ée]gorie|rubrique|auteur)\s*:?\s+)?/i;

/** The listing heading ("Archives pour le tag « APT »") reduced to the quoted or trailing name. */
function headingName(doc: Document): string | null {
  // In order of the list (the site title is often an earlier <h1>): the first that is not the site's name.
  let text = '';
  for (const selector of HEADING.split(', ')) {
    const heading = doc.querySelector(selector);
    text = heading ? boundedText(heading, 300) : '';
    if (text && !isSiteName(text)) break;
    text = '';
  }
  if (!text) return null;
  // Not the apostrophe: "l'étiquette « APT »" elides, it does not quote.
  const quoted = /[«“"]\s*([^»”"]{1,120}?)\s*[»”"]/.exec(text);
  if (quoted?.[1]) return cleanText(quoted[1], LIMITS.title);
  const afterColon = /:\s*(.{1,120})$/.exec(text);
  return cleanText((afterColon?.[1] ?? text).replace(LABEL, ''), LIMITS.title) || null;
}

function bodySlug(bodyClasses: string[], prefix: 'tag' | 'category' | 'author'): string | null {
  for (const token of bodyClasses) {
    if (!token.startsWith(`${prefix}-`)) continue;
    const slug = token.slice(prefix.length + 1);
    if (!/^\d+$/.test(slug)) return safeSlug(slug);
  }
  return null;
}

/** `heading`: the name is the page's heading (or a link's text), not one made from the slug. */
export function listingSubject(kind: PageKind, context: PageContext, bodyClasses: string[]): (ListingSubject & { heading?: boolean }) | null {
  if (!context.url || kind === 'home') return null;
  const shape = urlShape(context.url);
  const urlSlug = shape.slug;
  if (kind === 'search') return { slug: null, name: cleanText(urlSlug ?? headingName(context.doc) ?? '', LIMITS.title) || null };
  if (kind === 'date') {
    const month =
      urlSlug && /^\d{4}-\d{2}/.test(urlSlug)
        ? { y: Number(urlSlug.slice(0, 4)), mo: Number(urlSlug.slice(5, 7)) }
        : parseFrenchMonth(headingName(context.doc) ?? '');
    const slug = urlSlug ?? (month ? `${month.y}-${String(month.mo).padStart(2, '0')}` : null);
    const name = month && month.mo >= 1 && month.mo <= 12 ? `${MONTH_NAMES[month.mo - 1]} ${month.y}` : slug;
    return { slug, name };
  }
  if (kind === 'tag' || kind === 'category' || kind === 'author') {
    const slug = (urlSlug ? safeSlug(urlSlug) : null) ?? bodySlug(bodyClasses, kind);
    if (kind === 'author') {
      const vcard = context.doc.querySelector('.vcard .fn, .author-name, .page-title .vcard');
      return { slug, name: (vcard ? cleanText(boundedText(vcard, 200), LIMITS.title) : null) || headingName(context.doc) };
    }
    const known = (slug ? context.termName(kind, slug) : null) ?? headingName(context.doc);
    return { slug, name: known ?? (slug ? nameFor(context, kind, slug) : null), heading: !!known };
  }
  return null;
}

export function bodyClassesOf(doc: Document): string[] {
  return doc.body
    ? classes(doc.body)
        .map((t) => t.toLowerCase())
        .slice(0, 200)
    : [];
}
