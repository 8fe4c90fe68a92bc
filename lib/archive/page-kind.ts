/**
 * Small named predicates that say what kind of page this is, from the three things a page offers:
 * WordPress body classes (themes from 2009 on), the URL shape (every permalink style the archive
 * used), and the content (how many posts, a 404 message).
 */
import type { PageKind } from '../model/page-info';
import { fold } from './text';

export type UrlShape =
  | { kind: Exclude<PageKind, 'not-archive' | 'not-found'>; slug: string | null; page: number }
  /** /<x>/ — a rubrique without the /category/ base, a static page or a /%postname%/ permalink. */
  | { kind: 'one-segment'; slug: string; page: number }
  | { kind: 'unknown'; slug: null; page: number };

const YEAR = /^(199\d|20\d\d)$/;
const TWO = /^\d{1,2}$/;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment.toLowerCase();
  }
}

/** Classifies a canonical archive URL by its shape alone. */
export function urlShape(url: string): UrlShape {
  let query: URLSearchParams;
  let path: string;
  try {
    const parsed = new URL(url);
    query = parsed.searchParams;
    path = parsed.pathname;
  } catch {
    return { kind: 'unknown', slug: null, page: 1 };
  }
  const segments = path.split('/').filter(Boolean);
  let page = Math.max(1, Number.parseInt(query.get('paged') ?? '1', 10) || 1);
  const pageAt = segments.lastIndexOf('page');
  if (pageAt >= 0 && pageAt === segments.length - 2 && /^\d{1,5}$/.test(segments[pageAt + 1] ?? '')) {
    page = Number(segments[pageAt + 1]);
    segments.splice(pageAt, 2);
  }
  const s = query.get('s');
  if (s !== null) return { kind: 'search', slug: s.slice(0, 200), page };
  const p = query.get('p');
  if (p && /^\d{1,10}$/.test(p)) return { kind: 'article', slug: p, page: 1 };
  if (query.get('tag')) return { kind: 'tag', slug: decodeSegment(query.get('tag') ?? ''), page };
  if (query.get('cat')) return { kind: 'category', slug: null, page };
  if (query.get('author')) return { kind: 'author', slug: null, page };
  const m = query.get('m');
  if (m && /^\d{4,8}$/.test(m)) return { kind: 'date', slug: m.length >= 6 ? `${m.slice(0, 4)}-${m.slice(4, 6)}` : m.slice(0, 4), page };
  const first = decodeSegment(segments[0] ?? '');
  const last = decodeSegment(segments[segments.length - 1] ?? '');
  // ?attachment_id=12 is an attachment page (an image or file of a post), not an article.
  if (
    query.get('attachment_id') ||
    last === 'feed' ||
    first === 'wp-content' ||
    first === 'wp-admin' ||
    first === 'wp-includes' ||
    /\.(xml|txt|css|js|jpe?g|png|gif|pdf|zip)$/.test(last)
  ) {
    return { kind: 'unknown', slug: null, page };
  }
  if (segments.length === 0) return { kind: 'home', slug: null, page };
  if (first === 'tag' && segments.length >= 2) return { kind: 'tag', slug: last, page };
  if (first === 'category' && segments.length >= 2) return { kind: 'category', slug: last, page };
  if ((first === 'author' || first === 'auteur') && segments.length >= 2) return { kind: 'author', slug: decodeSegment(segments[1] ?? ''), page };
  if (first === 'search' && segments.length >= 2) return { kind: 'search', slug: decodeSegment(segments[1] ?? ''), page };
  if (YEAR.test(first)) {
    const rest = segments.slice(1).map(decodeSegment);
    const numeric = rest.filter((x) => TWO.test(x)).length;
    if (numeric === rest.length && rest.length <= 2) {
      const month = rest[0] ? `-${rest[0].padStart(2, '0')}` : '';
      const day = rest[1] ? `-${rest[1].padStart(2, '0')}` : '';
      return { kind: 'date', slug: `${first}${month}${day}`, page };
    }
    return { kind: 'article', slug: last, page: 1 };
  }
  if ((first === 'archives' || first === 'archive') && segments.length === 2 && /^\d+$/.test(last)) return { kind: 'article', slug: last, page: 1 };
  if (segments.length === 1) return { kind: 'one-segment', slug: first, page };
  return { kind: 'article', slug: last, page: 1 };
}

/** Page kind from WordPress body classes (body_class(), WordPress 2.8+), or null. */
export function bodyClassKind(tokens: readonly string[]): PageKind | null {
  const set = new Set(tokens.map((t) => t.toLowerCase()));
  if (set.has('error404')) return 'not-found';
  if (set.has('search') || set.has('search-results') || set.has('search-no-results')) return 'search';
  if (set.has('single') || set.has('single-post')) return 'article';
  if (set.has('tag')) return 'tag';
  if (set.has('category')) return 'category';
  if (set.has('date')) return 'date';
  if (set.has('author')) return 'author';
  if (set.has('home') || set.has('blog')) return 'home';
  return null;
}

/**
 * True when body classes say "a static page" (À propos, Contact) or "an attachment page" (an image or file
 * of a post, /rubrique/post/image-1/, which also carries `single`): not an article, not a listing.
 */
export function isStaticOrAttachmentBody(tokens: readonly string[]): boolean {
  return (
    tokens.includes('attachment') ||
    (tokens.includes('page') && !tokens.includes('home') && !tokens.includes('blog') && tokens.some((t) => t.startsWith('page-id-')))
  );
}

const NOT_FOUND_WORDS =
  /page non trouvee|page introuvable|erreur 404|error 404|not found|cette page n'existe pas|n'a pu etre trouve|page demandee est introuvable/;

/** True when a heading or the title says "404 / page not found". */
export function looksNotFound(title: string, heading: string): boolean {
  const text = fold(`${title} | ${heading}`);
  return NOT_FOUND_WORDS.test(text) && !/resultats? de (la )?recherche/.test(text);
}
