/**
 * An article page's fields, each from the best layer that has it: structured data → WordPress markup →
 * the archive's text patterns (→ the URL). `sources` records which layer answered each field.
 */
import type { ArticleField, ArticleMeta, ExtractionLayer, Tag } from '../model/article';
import { LIMITS } from '../model/limits';
import { categoryFromPermalink, nameFor, safeSlug, type PageContext } from './context';
import { excerptIn } from './excerpt';
import { parseAnyDate, toParisIso, type DateParts } from './french-date';
import type { StructuredData } from './structured';
import { cleanText, slugify, fold } from './text';
import type { TextFacts } from './text-patterns';
import { stripSiteName } from './title';
import { authorIn, classTerms, cleanAuthor, dateIn, postIdOf, termLinks, titleIn } from './wordpress';

export interface ArticleInput {
  context: PageContext;
  /** The post element, or the main area when the theme has no post markup. */
  container: Element | null;
  postLevel: boolean;
  structured: StructuredData;
  text: TextFacts;
  bodyClasses: string[];
}

type Sources = ArticleMeta['sources'];

function first<T>(sources: Sources, field: ArticleField, options: [ExtractionLayer, T | null | undefined][]): T | null {
  for (const [layer, value] of options) {
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      sources[field] = layer;
      return value;
    }
  }
  return null;
}

/** Names only (structured data, text): slugs from the page's own links when a link has that name. */
function named(context: PageContext, kind: 'tag' | 'category', names: string[]): Tag[] {
  const byName = new Map<string, string>();
  for (const [key, name] of context.names) if (key.startsWith(`${kind}:`)) byName.set(fold(name), key.slice(kind.length + 1));
  const out: Tag[] = [];
  for (const raw of names) {
    const name = cleanText(raw, LIMITS.tagName);
    const slug = byName.get(fold(name)) ?? safeSlug(slugify(name));
    if (name && slug && !out.some((t) => t.slug === slug) && out.length < LIMITS.tagsPerArticle) out.push({ slug, name });
  }
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

function iso(parts: DateParts | null): string | null {
  return parts ? toParisIso(parts) : null;
}

export function extractArticle(input: ArticleInput): Omit<ArticleMeta, 'url'> & { url: string | null } {
  const { context, container, postLevel, structured, text } = input;
  const sources: Sources = {};
  const links = container ? termLinks(container, postLevel, context) : { tags: [], categories: [], tagLinks: 0 };
  const classTermsOf = container && postLevel ? classTerms(container) : { tags: [], categories: [], isPostClass: false };
  const classTags = classTermsOf.tags.map((slug) => ({ slug, name: text.tags.find((t) => t.slug === slug)?.name ?? nameFor(context, 'tag', slug) }));
  const markupTags = classTags.length > links.tags.length ? classTags : links.tags;
  const classCategory = classTermsOf.categories[0];

  const postId = first<number>(sources, 'postId', [
    ['structured', postIdFromUrl(context.resolve(structured.shortlink))],
    ['wordpress', postIdOf(container) ?? bodyPostId(input.bodyClasses) ?? postIdOf(context.doc.querySelector('[id^="post-"]'))],
    ['url', postIdFromUrl(context.url)],
  ]);
  const headline = container ? titleIn(container, postLevel) : null;
  const title = first<string>(sources, 'title', [
    ['structured', structured.title ? stripSiteName(structured.title, structured.siteName) || null : null],
    ['wordpress', headline ? stripSiteName(headline.text, structured.siteName) || null : null],
    ['text', stripSiteName(context.doc.title ?? '', structured.siteName) || null],
  ]);
  const author = first<string>(sources, 'author', [
    ['structured', structured.author ? cleanAuthor(structured.author) : null],
    ['wordpress', container ? authorIn(container, postLevel) : null],
    ['text', text.author],
  ]);
  const category = first<Tag>(sources, 'category', [
    ['structured', structured.section ? (named(context, 'category', [structured.section])[0] ?? null) : null],
    ['wordpress', links.categories[0] ?? (classCategory ? { slug: classCategory, name: nameFor(context, 'category', classCategory) } : null)],
    ['text', text.category],
    ['url', categoryFromPermalink(context.url, context)],
  ]);
  // Tags: WordPress links carry both slug and name, so they beat names-only structured data.
  const tags =
    first<Tag[]>(sources, 'tags', [
      ['wordpress', markupTags],
      ['structured', named(context, 'tag', structured.tags)],
      ['text', text.tags],
    ]) ?? [];
  const publishedAt = first<string>(sources, 'publishedAt', [
    ['structured', iso(structured.publishedTime ? parseAnyDate(structured.publishedTime) : null)],
    ['wordpress', iso(container ? dateIn(container, postLevel) : null)],
    ['text', iso(text.date)],
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
