/**
 * What every extractor needs to know about the page: its canonical URL, how to turn an href into a
 * canonical original archive URL (relative links, <base>, Wayback rewriting, saved mirrors), and the
 * name of a term known only by its slug (a post_class class), looked up in the page's links.
 */
import { canonicalUrl } from './canonical-url';
import { canonicalHost, isArchiveHost } from './hosts';
import { urlShape } from './page-kind';
import { linksWhere, relHas } from './query';
import { cleanText, nameFromSlug } from './text';
import { LIMITS } from '../model/limits';
import type { PageVocabulary } from './vocabulary';

export interface PageContext {
  doc: Document;
  /** Canonical original URL of the page (null when the given URL was not http(s)). */
  url: string | null;
  hosts: readonly string[];
  /** href → canonical original archive URL (http(s) only), or null. */
  resolve(href: string | null): string | null;
  /** The text of a link on the page (sidebar included) to this tag / rubrique, or null. */
  termName(kind: 'tag' | 'category', slug: string): string | null;
  /** The tags and rubriques the page names (read once, on first use). */
  vocabulary(): PageVocabulary;
}

export interface ResolverInput {
  /** The URL the document was loaded from (may be a Wayback or mirror URL). */
  loadedFrom: string | null;
  /** The original archive URL when it differs from where the copy was loaded (mirror, saved page). */
  original: string | null;
  hosts: readonly string[];
  doc: Document;
}

function baseHref(doc: Document, loadedFrom: string | null): string | undefined {
  const base = linksWhere(doc, () => true, 1, 'base')[0]?.getAttribute('href') ?? null;
  const resolved = base ? canonicalUrlRaw(base, loadedFrom ?? undefined) : null;
  return resolved ?? loadedFrom ?? undefined;
}

/** new URL without canonicalisation (the base must keep Wayback prefixes so relative links resolve into them). */
function canonicalUrlRaw(href: string, base: string | undefined): string | null {
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Builds the href resolver. A copy loaded from somewhere else (a local mirror, a file server) has links
 * to itself; when the original archive origin is known, those are moved back onto it.
 */
export function makeResolver(input: ResolverInput): (href: string | null) => string | null {
  // A page read from a file has no http(s) address: its relative links resolve against its original URL.
  const base = baseHref(input.doc, input.loadedFrom ?? input.original);
  let mirrorOrigin: string | null = null;
  let originalOrigin: string | null = null;
  if (input.original && input.loadedFrom) {
    try {
      const loaded = new URL(input.loadedFrom);
      const original = new URL(input.original);
      if (canonicalHost(loaded.host) !== canonicalHost(original.host) && !isArchiveHost(loaded.host, input.hosts)) {
        mirrorOrigin = loaded.origin;
        originalOrigin = original.origin;
      }
    } catch {
      mirrorOrigin = null;
    }
  }
  return (href) => {
    if (!href) return null;
    const url = canonicalUrl(href, base, input.hosts);
    if (!url || !mirrorOrigin || !originalOrigin || !url.startsWith(`${mirrorOrigin}/`)) return url;
    return canonicalUrl(originalOrigin + url.slice(mirrorOrigin.length), undefined, input.hosts);
  };
}

export type TermKind = 'tag' | 'category' | 'author';

/** The tag / rubrique / author a link points to, by URL shape (null for anything else). */
export function termOfUrl(url: string | null, oneSegmentIsCategory: boolean): { kind: TermKind; slug: string } | null {
  if (!url) return null;
  const shape = urlShape(url);
  if (shape.page !== 1) return null;
  if ((shape.kind === 'tag' || shape.kind === 'category' || shape.kind === 'author') && shape.slug) return { kind: shape.kind, slug: shape.slug };
  if (shape.kind === 'one-segment' && oneSegmentIsCategory) return { kind: 'category', slug: shape.slug };
  return null;
}

const SLUG = /^[a-z0-9%_-]{1,200}$/;

/** Pagination links to a term page's first page read "1" or "« Précédent": never the term's name. */
export function isPaginationLink(link: Element): boolean {
  return !!link.closest('.pagination, .navigation, .wp-pagenavi, .page-numbers');
}

/** A slug the model accepts (lowercase, %-escapes kept), or null. */
export function safeSlug(raw: string): string | null {
  let slug = raw.toLowerCase();
  if (!SLUG.test(slug)) {
    slug = encodeURIComponent(slug).toLowerCase();
    if (!SLUG.test(slug)) return null;
  }
  return slug;
}

/**
 * Looks up the name of one term in the page's links: only links whose href contains the slug are
 * resolved (a page-wide dictionary would resolve every link of the tag cloud on every page).
 */
export function makeTermNames(doc: Document, resolve: (href: string | null) => string | null): PageContext['termName'] {
  const memo = new Map<string, string | null>();
  let lookups = 0;
  let dictionary: Map<string, string> | null = null;
  return (kind, slug) => {
    const key = `${kind}:${slug}`;
    if (dictionary) return dictionary.get(key) ?? null;
    if (memo.has(key)) return memo.get(key) ?? null;
    // Listings ask for dozens of names: past a few lookups, one pass over the page's term links is cheaper.
    if (++lookups > 4) {
      dictionary = collectTermNames(doc, resolve);
      return dictionary.get(key) ?? null;
    }
    let found: string | null = null;
    if (SLUG.test(slug)) {
      const links = linksWhere(doc, (href) => href.includes(slug), 100);
      for (let i = 0; i < links.length && i < 100 && !found; i++) {
        const link = links[i] as Element;
        const term = termOfUrl(resolve(link.getAttribute('href')), relHas(link, 'category'));
        if (!term || term.kind !== kind || term.slug !== slug || isPaginationLink(link)) continue;
        const name = cleanText(link.textContent ?? '', LIMITS.tagName + 1);
        if (name && name.length <= LIMITS.tagName) found = name;
      }
    }
    memo.set(key, found);
    return found;
  };
}

/** "kind:slug" → link text for every tag/rubrique link on the page (sidebar included: names only). */
function collectTermNames(doc: Document, resolve: (href: string | null) => string | null, max = 3000): Map<string, string> {
  const names = new Map<string, string>();
  const links = linksWhere(doc, (href, link) => href.includes('tag') || href.includes('categor') || relHas(link, 'tag'), max);
  const limit = links.length;
  for (let i = 0; i < limit; i++) {
    const link = links[i] as Element;
    const term = termOfUrl(resolve(link.getAttribute('href')), relHas(link, 'category'));
    if (!term || term.kind === 'author' || isPaginationLink(link)) continue;
    const name = cleanText(link.textContent ?? '', LIMITS.tagName + 1);
    const key = `${term.kind}:${term.slug}`;
    if (name && name.length <= LIMITS.tagName && !names.has(key)) names.set(key, name);
  }
  return names;
}

/** Name for a term known by slug only: from the page's links, else made from the slug. */
export function nameFor(context: PageContext, kind: 'tag' | 'category', slug: string): string {
  return context.termName(kind, slug) ?? cleanText(nameFromSlug(slug), LIMITS.tagName);
}

/**
 * Rubrique named by a /%category%/%postname%/ permalink: the first path segment, when the page lists
 * a rubrique with that slug (menu, sidebar). The URL layer, used when the markup names no rubrique.
 */
export function categoryFromPermalink(url: string | null, context: PageContext): { slug: string; name: string } | null {
  if (!url) return null;
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return null;
  }
  if (segments.length !== 2) return null;
  const slug = safeSlug(segments[0] ?? '');
  const name = slug ? context.termName('category', slug) : null;
  return slug && name ? { slug, name } : null;
}
