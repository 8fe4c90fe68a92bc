/**
 * An article page's fields, each from the best layer that has it: structured data → WordPress markup →
 * the archive's text patterns (→ the URL). `sources` records which layer answered each field.
 */
import type { ArticleField, ArticleMeta, ExtractionLayer, Tag, VocabFact } from '../model/article';
import { LIMITS } from '../model/limits';
import { categoryFromPermalink, nameFor, safeSlug, type PageContext } from './context';
import { excerptIn } from './excerpt';
import { parseAnyDate, toParisIso, type DateParts } from './french-date';
import type { StructuredData } from './structured';
import { cleanText, fold, slugify } from './text';
import type { TextFacts } from './text-patterns';
import { stripSiteName } from './title';
import { resolveClasses } from './vocabulary';
import { authorIn, classTerms, cleanAuthor, dateIn, postIdOf, termLinks, titleIn } from './wordpress';

export interface ArticleInput {
  context: PageContext;
  /** The post element, or the main area when the theme has no post markup. */
  container: Element | null;
  postLevel: boolean;
  structured: StructuredData;
  /** The text-pattern layer, read only when an earlier layer left a field empty. */
  text: () => TextFacts;
  bodyClasses: string[];
}

type Sources = ArticleMeta['sources'];

/** The first layer with a value; layers are thunks so later ones cost nothing when an earlier answers. */
function first<T>(sources: Sources, field: ArticleField, options: [ExtractionLayer, () => T | null | undefined][]): T | null {
  for (const [layer, read] of options) {
    const value = read();
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      sources[field] = layer;
      return value;
    }
  }
  return null;
}

/**
 * Names only (structured data): the page's own term of that name gives slug and case ("siemens" in
 * lower-case keywords is the site's "Siemens"), else a slug made the way WordPress makes them.
 */
function named(names: string[], context: PageContext, kind: 'tag' | 'category'): Tag[] {
  const out: Tag[] = [];
  const vocabulary = context.vocabulary();
  for (const raw of names) {
    const known = vocabulary.byName.get(`${kind}:${fold(cleanText(raw, LIMITS.tagName))}`);
    const name = known?.name ?? cleanText(raw, LIMITS.tagName);
    const slug = known?.slug ?? safeSlug(slugify(name));
    if (name && slug && !out.some((t) => t.slug === slug) && out.length < LIMITS.tagsPerArticle) out.push({ slug, name });
  }
  return out;
}

/**
 * What the `article:tag` / `article:section` metas teach the site vocabulary (issue 11): each name with
 * the slug the page's own term of that name has, else the slug WordPress makes of it (the same term the
 * article's record then carries). A name a link already gave adds nothing: links carry the real slug.
 */
export function metaTerms(structured: StructuredData, context: PageContext): VocabFact[] {
  const tags = named(structured.metaTags, context, 'tag').map((tag): VocabFact => ({ kind: 'tag', ...tag, via: 'link' }));
  const section = structured.metaSection ? named([structured.metaSection], context, 'category') : [];
  return [...tags, ...section.map((term): VocabFact => ({ kind: 'category', ...term, via: 'link' }))];
}

function withClassTags(tags: Tag[], resolved: readonly Tag[]): Tag[] {
  const out = [...tags];
  for (const { slug, name } of resolved) if (!out.some((t) => t.slug === slug) && out.length < LIMITS.tagsPerArticle) out.push({ slug, name });
  return out;
}

function postIdFromUrl(url: string | null): number | null {
  const match = url ? /[?&]p=(\d{1,10})(?:&|$)/.exec(url) : null;
  return match ? Number(match[1]) || null : null;
}

function bodyPostId(bodyClasses: string[]): number | null {
  for (const token of bodyClasses) {
    const match = /^postid-(\d{1,10})$/.exec(token);
    if (match) return Number(match[1]) || null;
  }
  return null;
}

/** A value computed on first use only. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

function iso(parts: DateParts | null): string | null {
  return parts ? toParisIso(parts) : null;
}

export function extractArticle(input: ArticleInput): Omit<ArticleMeta, 'url'> & { url: string | null } {
  const { context, container, postLevel, structured } = input;
  const sources: Sources = {};
  const links = container ? termLinks(container, postLevel, context) : { tags: [], categories: [], tagLinks: 0, marked: false };
  const classTermsOf = container && postLevel ? classTerms(container) : { tags: [], categories: [], isPostClass: false };
  const classCategory = classTermsOf.categories[0];
  // Markup author, date and headline are looked for only when structured data does not give them.
  const wpAuthor = once(() => (container ? authorIn(container, postLevel) : null));
  const wpDate = once(() => (container ? dateIn(container, postLevel) : null));
  const useClassTags = classTermsOf.tags.length > links.tags.length;
  // Plain /tag/x/ links found page-wide (no post container, no rel="tag") may be an unmarked sidebar's:
  // the article's own "Étiquettes :" line, when there is one, says better.
  const looseTags = !postLevel && !links.marked && links.tags.length > 0;
  const structuredDate = structured.publishedTime ? parseAnyDate(structured.publishedTime) : null;
  const needText =
    useClassTags ||
    looseTags ||
    (!structured.author && !wpAuthor()) ||
    (!structuredDate && !wpDate()) ||
    (!structured.section && !links.categories.length && !classCategory) ||
    (!structured.tags.length && !links.tags.length && !classTermsOf.tags.length);
  const text: TextFacts = needText ? input.text() : { author: null, date: null, category: null, tags: [] };
  // Names for class-only tags are looked up only when those tags are used (each lookup may scan the page).
  // post_class() classes add only the terms the page's vocabulary resolves them to (never a lossy guess).
  const markupTags = useClassTags ? withClassTags(links.tags, resolveClasses(context.vocabulary(), 'tag', classTermsOf.tags).resolved) : links.tags;

  const postId = first<number>(sources, 'postId', [
    ['structured', () => postIdFromUrl(context.resolve(structured.shortlink))],
    ['wordpress', () => postIdOf(container) ?? bodyPostId(input.bodyClasses) ?? postIdOf(context.doc.querySelector('[id^="post-"]'))],
    ['url', () => postIdFromUrl(context.url)],
  ]);
  const headline = once(() => (container ? titleIn(container, postLevel) : null));
  const title = first<string>(sources, 'title', [
    ['structured', () => (structured.title ? stripSiteName(structured.title, structured.siteName) || null : null)],
    [
      'wordpress',
      () => {
        const heading = headline();
        return heading ? stripSiteName(heading.text, structured.siteName) || null : null;
      },
    ],
    ['text', () => stripSiteName(context.doc.title ?? '', structured.siteName) || null],
  ]);
  const author = first<string>(sources, 'author', [
    ['structured', () => (structured.author ? cleanAuthor(structured.author) : null)],
    ['wordpress', wpAuthor],
    ['text', () => text.author],
  ]);
  const category = first<Tag>(sources, 'category', [
    ['structured', () => (structured.section ? (named([structured.section], context, 'category')[0] ?? null) : null)],
    ['wordpress', () => links.categories[0] ?? (classCategory ? { slug: classCategory, name: nameFor(context, 'category', classCategory) } : null)],
    ['text', () => text.category],
    ['url', () => categoryFromPermalink(context.url, context)],
  ]);
  // Tags: WordPress links carry both slug and name, so they beat names-only structured data.
  const tags =
    first<Tag[]>(sources, 'tags', [
      ['wordpress', () => (looseTags && text.tags.length ? null : markupTags)],
      ['structured', () => named(structured.tags, context, 'tag')],
      ['text', () => text.tags],
    ]) ?? [];
  const publishedAt = first<string>(sources, 'publishedAt', [
    ['structured', () => iso(structuredDate)],
    ['wordpress', () => iso(wpDate())],
    ['text', () => iso(text.date)],
  ]);
  const excerpt = excerptIn(container, postLevel, structured.description ? cleanText(structured.description, LIMITS.excerpt * 2) : null);
  if (excerpt) sources.excerpt = container ? 'wordpress' : 'structured';
  if (context.url) sources.url = 'url';
  return {
    url: context.url,
    postId,
    title: title ?? '',
    author,
    category,
    tags: tags.slice(0, LIMITS.tagsPerArticle),
    publishedAt,
    excerpt,
    sources,
  };
}
