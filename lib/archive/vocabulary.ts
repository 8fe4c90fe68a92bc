/**
 * The site's vocabulary as one page shows it: every tag and rubrique it names with both slug and display
 * name (tag cloud, Catégories widget, rel="tag" / rel="category tag" links, the listing heading), and
 * WordPress's lossy class form of each slug, through which post_class() `tag-*` classes are resolved.
 * A class is never guessed into a tag: it resolves to the one known slug whose class form it is, or
 * stays pending until the vocabulary learns that term (lib/db/vocabulary.ts).
 */
import type { VocabFact } from '../model/article';
import { LIMITS } from '../model/limits';
import { isPaginationLink, safeSlug, termOfUrl } from './context';
import { linksWhere, relHas } from './query';
import { cleanText, fold } from './text';

/** WordPress sanitize_html_class(): %XX octets dropped, then every character outside A-Za-z0-9_-. */
export function lossyClass(slug: string): string {
  return slug
    .replace(/%[a-fA-F0-9]{2}/g, '')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .toLowerCase();
}

export interface PageVocabulary {
  facts: VocabFact[];
  /** `kind:slug` → fact (first seen wins: links are read in page order). */
  bySlug: Map<string, VocabFact>;
  /** `kind:lossy class form` → the facts whose slug prints that class (more than one: ambiguous). */
  byClass: Map<string, VocabFact[]>;
  /** `kind:folded name` → fact (structured data names a tag; its slug is the site's, not one we make). */
  byName: Map<string, VocabFact>;
}

function evidenceOf(link: Element, kind: 'tag' | 'category'): VocabFact['via'] {
  if (/tag-(?:cloud-)?link/.test(link.getAttribute('class') ?? '')) return 'cloud';
  const item = link.parentElement;
  if (kind === 'category' && item && /(?:^|\s)cat-item(?:\s|$)/.test(item.getAttribute('class') ?? '')) return 'widget';
  return 'link';
}

export function emptyVocabulary(): PageVocabulary {
  return { facts: [], bySlug: new Map(), byClass: new Map(), byName: new Map() };
}

// A term's own listing heading says best; the site's widgets (cloud, Catégories) next; any link last.
const RANK = { link: 0, cloud: 1, widget: 1, heading: 2 } as const;

/** Adds one fact; a known slug takes it only from stronger evidence. Returns whether it was new. */
export function addFact(vocabulary: PageVocabulary, fact: VocabFact): boolean {
  const key = `${fact.kind}:${fact.slug}`;
  const known = vocabulary.bySlug.get(key);
  if (known) {
    if (RANK[fact.via] > RANK[known.via]) {
      known.via = fact.via;
      known.name = fact.name;
      vocabulary.byName.set(`${fact.kind}:${fold(fact.name)}`, known);
    }
    return false;
  }
  if (vocabulary.facts.length >= LIMITS.vocabulary) return false;
  vocabulary.facts.push({ ...fact });
  const stored = vocabulary.facts[vocabulary.facts.length - 1] as VocabFact;
  vocabulary.bySlug.set(key, stored);
  const lossy = `${fact.kind}:${lossyClass(fact.slug)}`;
  vocabulary.byClass.set(lossy, [...(vocabulary.byClass.get(lossy) ?? []), stored]);
  vocabulary.byName.set(`${fact.kind}:${fold(fact.name)}`, stored);
  return true;
}

/**
 * Every tag / rubrique link of the page. Links to a one-segment URL count as rubriques only in the
 * Catégories widget (li.cat-item) or with rel="category" (magazine permalinks have no /category/ base).
 */
export function readVocabulary(doc: Document, resolve: (href: string | null) => string | null): PageVocabulary {
  const vocabulary = emptyVocabulary();
  const links = linksWhere(
    doc,
    (href, link) =>
      href.includes('tag') ||
      href.includes('categor') ||
      relHas(link, 'tag') ||
      relHas(link, 'category') ||
      /cat-item/.test(link.parentElement?.getAttribute('class') ?? ''),
    3000,
  );
  for (const link of links) {
    if (isPaginationLink(link)) continue;
    const widget = /cat-item/.test(link.parentElement?.getAttribute('class') ?? '');
    const term = termOfUrl(resolve(link.getAttribute('href')), widget || relHas(link, 'category'));
    if (!term || term.kind === 'author') continue;
    const slug = safeSlug(term.slug);
    const name = cleanText(link.textContent ?? '', LIMITS.tagName + 1);
    if (slug && name && name.length <= LIMITS.tagName) addFact(vocabulary, { kind: term.kind, slug, name, via: evidenceOf(link, term.kind) });
  }
  return vocabulary;
}

export interface ClassResolution {
  /** Classes that name exactly one known term. */
  resolved: VocabFact[];
  /** Lossy class forms no known term (or more than one) prints. */
  pending: string[];
}

/** Resolves post_class() term slugs (`scurit` from `tag-scurit`) against the vocabulary. */
export function resolveClasses(vocabulary: PageVocabulary, kind: 'tag' | 'category', classSlugs: readonly string[]): ClassResolution {
  const resolved: VocabFact[] = [];
  const pending: string[] = [];
  for (const slug of classSlugs) {
    const exact = vocabulary.bySlug.get(`${kind}:${slug}`);
    const candidates = exact ? [exact] : (vocabulary.byClass.get(`${kind}:${lossyClass(slug)}`) ?? []);
    if (candidates.length === 1) resolved.push(candidates[0] as VocabFact);
    else if (!pending.includes(lossyClass(slug))) pending.push(lossyClass(slug));
  }
  return { resolved, pending };
}
