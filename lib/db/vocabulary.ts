/**
 * The site vocabulary as the index knows it (issue 11): every tag and rubrique slug with its display
 * name and the best evidence seen for it, merged page after page. Pure: the IndexedDB store keeps it in
 * its `vocabulary` store (store-vocabulary.ts), `sv-companion index` / `crawl` in memory (memory-index.ts),
 * all through this one class. A name rebuilt
 * from a slug is a last resort (`via: 'slug'`), replaced as soon as a page shows the real one;
 * `repairRecord()` then applies the vocabulary to an article record.
 */
import { lossyClass } from '../archive/vocabulary';
import { cleanText, nameFromSlug } from '../archive/text';
import type { ArticleRecord, PageInfo, Tag, VocabTerm } from '../model';
import { LIMITS } from '../model/limits';
import { BACKUP_LIMITS } from '../model/backup';

type Kind = VocabTerm['kind'];

// Rebuilt from a slug < any link < the site's widgets < the term's own listing heading.
const RANK: Record<VocabTerm['via'], number> = { slug: 0, link: 1, cloud: 2, widget: 2, heading: 3 };

/** Cap on terms kept (a hostile page teaches at most LIMITS.vocabulary per page). */
export const MAX_VOCABULARY = BACKUP_LIMITS.vocabulary;

/** True when `name` is only the slug made readable ("vie privee" for vie-privee): no page showed it. */
export function isSlugName(slug: string, name: string): boolean {
  return name === cleanText(nameFromSlug(slug), LIMITS.tagName);
}

/** A term learnt or renamed (`renamed`: it was known under another name, so records carrying it change). */
export interface VocabChange {
  term: VocabTerm;
  renamed: boolean;
}

export class SiteVocabulary {
  private readonly terms = new Map<string, VocabTerm>();
  /** `kind:lossy class form` → slugs printing that class. */
  private readonly classes = new Map<string, Set<string>>();
  private changes: VocabChange[] = [];

  constructor(terms: readonly VocabTerm[] = []) {
    for (const term of terms) this.learn(term);
  }

  get size(): number {
    return this.terms.size;
  }

  /** Every term, but a slug-made one that is only the lossy class form of a real term (an older index's phantom). */
  all(): VocabTerm[] {
    const phantom = (term: VocabTerm) => term.via === 'slug' && isPhantomOf(this, term.kind, term.slug) !== null;
    return [...this.terms.values()]
      .filter((term) => !phantom(term))
      .sort((a, b) => (a.kind === b.kind ? (a.slug < b.slug ? -1 : 1) : a.kind < b.kind ? -1 : 1));
  }

  get(kind: Kind, slug: string): VocabTerm | undefined {
    return this.terms.get(`${kind}:${slug}`);
  }

  /**
   * The terms learnt or renamed since the last call (the store decides from them whether records it
   * already holds need repairing, without reading them all).
   */
  drainChanges(): VocabChange[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  /** Learns one term; true when it is new or its name changed (stronger evidence). */
  learn(term: VocabTerm): boolean {
    const key = `${term.kind}:${term.slug}`;
    const known = this.terms.get(key);
    if (known) {
      if (RANK[term.via] <= RANK[known.via] || (known.name === term.name && known.via !== 'slug')) return false;
      this.terms.set(key, { ...term });
      // Stronger evidence for the same name changes no record: only a new name is news.
      if (known.name === term.name) return false;
      this.changes.push({ term: { ...term }, renamed: true });
      return true;
    }
    if (this.terms.size >= MAX_VOCABULARY) return false;
    this.terms.set(key, { ...term });
    this.changes.push({ term: { ...term }, renamed: false });
    const lossy = `${term.kind}:${lossyClass(term.slug)}`;
    const slugs = this.classes.get(lossy) ?? new Set<string>();
    slugs.add(term.slug);
    this.classes.set(lossy, slugs);
    return true;
  }

  /** Everything a recognised page teaches; returns how many terms changed. */
  learnPage(page: PageInfo): number {
    let changed = 0;
    for (const fact of page.vocabulary ?? []) if (this.learn(fact)) changed++;
    return changed;
  }

  /**
   * A name a record carries with no evidence behind it yet: kept, marked `slug` when it is only the
   * slug made readable, so that the first page showing the real name replaces it everywhere.
   */
  noteRecordTerm(kind: Kind, term: Tag): boolean {
    if (this.terms.has(`${kind}:${term.slug}`) || isPhantomOf(this, kind, term.slug)) return false;
    return this.learn({ kind, slug: term.slug, name: term.name, via: isSlugName(term.slug, term.name) ? 'slug' : 'link' });
  }

  /** The one known term whose WordPress class form is `lossy` (null when none, or ambiguous). */
  resolveClass(kind: Kind, lossy: string): VocabTerm | null {
    const slugs = this.classes.get(`${kind}:${lossyClass(lossy)}`);
    if (!slugs) return null;
    const terms = [...slugs].map((slug) => this.terms.get(`${kind}:${slug}`) as VocabTerm);
    // A name some page showed beats one rebuilt from a slug (that slug may itself be a lossy class form).
    const real = terms.filter((term) => term.via !== 'slug');
    const candidates = real.length ? real : terms;
    return candidates.length === 1 ? (candidates[0] as VocabTerm) : null;
  }
}

export interface RecordRepair {
  record: ArticleRecord;
  /** Tags removed or replaced because they were a lossy class form of a known term. */
  phantoms: number;
  /** Tag and rubrique names replaced by the vocabulary's. */
  renamed: number;
  /** Pending classes resolved into tags. */
  resolved: number;
}

/** The term a stored tag stands for: itself, or the real term its lossy slug is the class form of. */
/**
 * The other known term whose lossy class form this slug is (`scurit` → s%c3%a9curit%c3%a9), or null. Only
 * a slug that is its own class form can be one: a slug with %XX octets or capitals came from a link.
 */
function isPhantomOf(vocabulary: SiteVocabulary, kind: Kind, slug: string): VocabTerm | null {
  if (lossyClass(slug) !== slug) return null;
  const real = vocabulary.resolveClass(kind, slug);
  return real && real.slug !== slug ? real : null;
}

function termFor(vocabulary: SiteVocabulary, kind: Kind, tag: Tag): { term: Tag; phantom: boolean } {
  const known = vocabulary.get(kind, tag.slug);
  if (known && known.via !== 'slug') return { term: { slug: tag.slug, name: known.name }, phantom: false };
  const real = isPhantomOf(vocabulary, kind, tag.slug);
  if (real) return { term: { slug: real.slug, name: real.name }, phantom: true };
  return { term: tag, phantom: false };
}

/**
 * Applies the vocabulary to one record: names from the vocabulary; a tag that is only the lossy class
 * form of a known term (`scurit`) becomes that term (or goes, when the record has it already); pending
 * classes resolve into tags for a record known from teasers only — an article's own page gave its tags,
 * so its pending classes are simply dropped. Returns the same record object when nothing changes.
 */
export function repairRecord(record: ArticleRecord, vocabulary: SiteVocabulary): RecordRepair {
  let phantoms = 0;
  let renamed = 0;
  let resolved = 0;
  const tags: Tag[] = [];
  for (const tag of record.tags) {
    const { term, phantom } = termFor(vocabulary, 'tag', tag);
    if (phantom) phantoms++;
    else if (term.name !== tag.name) renamed++;
    if (!tags.some((t) => t.slug === term.slug)) tags.push(term);
  }
  const pending: string[] = [];
  for (const lossy of record.pending ?? []) {
    const term = vocabulary.resolveClass('tag', lossy);
    if (!term) pending.push(lossy);
    else if (record.detail === 'teaser' && !tags.some((t) => t.slug === term.slug) && tags.length < LIMITS.tagsPerArticle) {
      tags.push({ slug: term.slug, name: term.name });
      resolved++;
    }
  }
  let category = record.category;
  if (category) {
    const { term, phantom } = termFor(vocabulary, 'category', category);
    if (phantom || term.name !== category.name) {
      renamed++;
      category = term;
    }
  }
  const keepPending = record.detail === 'teaser' && pending.length > 0;
  const samePending = keepPending ? pending.length === (record.pending?.length ?? 0) : !record.pending;
  const sameTags = tags.length === record.tags.length && tags.every((t, i) => t.slug === record.tags[i]!.slug && t.name === record.tags[i]!.name);
  if (sameTags && samePending && category === record.category) return { record, phantoms, renamed, resolved };
  const { pending: _old, ...rest } = record;
  return { record: { ...rest, tags, category, ...(keepPending ? { pending } : {}) }, phantoms, renamed, resolved };
}

/**
 * What records already in an index teach (a store or file from before the vocabulary existed): an
 * article page's own tags and rubrique came from its links, so their names are real. Every other term
 * (teaser records', names that only spell their slug — like the `scurit` tags older crawls read from
 * post_class classes) is noted afterwards, and only when it is not the lossy class form of a term
 * already known: those are the phantoms repairRecord() replaces.
 */
export function vocabularyFromRecords(records: Iterable<ArticleRecord>, into = new SiteVocabulary()): SiteVocabulary {
  const list = [...records];
  for (const record of list) {
    if (record.detail !== 'article') continue;
    for (const tag of record.tags) if (fromLink(tag)) into.learn({ kind: 'tag', slug: tag.slug, name: tag.name, via: 'link' });
    if (record.category && fromLink(record.category)) into.learn({ kind: 'category', slug: record.category.slug, name: record.category.name, via: 'link' });
  }
  for (const record of list) noteRecordTerms(into, record);
  return into;
}

/**
 * An article page's term with a name some link showed: not merely its slug made readable — though a
 * percent-encoded slug decodes to its real name often enough, and is never a lossy class form.
 */
const fromLink = (term: Tag): boolean => term.slug.includes('%') || !isSlugName(term.slug, term.name);

/** Notes the terms one record or set of facts carries (noteRecordTerm); true when the vocabulary changed. */
export function noteRecordTerms(vocabulary: SiteVocabulary, record: Pick<ArticleRecord, 'tags' | 'category'>): boolean {
  let changed = false;
  for (const tag of record.tags) if (vocabulary.noteRecordTerm('tag', tag)) changed = true;
  if (record.category && vocabulary.noteRecordTerm('category', record.category)) changed = true;
  return changed;
}
