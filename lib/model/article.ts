import * as z from 'zod/mini';
import { LIMITS } from './limits';
import { HttpUrl, IsoDateTime, Slug, nonEmptyText, text } from './primitives';

export const Tag = z.object({ slug: Slug, name: nonEmptyText(LIMITS.tagName) });
export type Tag = z.infer<typeof Tag>;

/** A rubrique (WordPress category). */
export const Category = Tag;
export type Category = Tag;

/** Where a field's value came from, best first. */
export const ExtractionLayer = z.enum(['structured', 'wordpress', 'text', 'url']);
export type ExtractionLayer = z.infer<typeof ExtractionLayer>;

export const ArticleField = z.enum(['url', 'postId', 'title', 'author', 'category', 'tags', 'publishedAt', 'excerpt']);
export type ArticleField = z.infer<typeof ArticleField>;

export const PostId = z.nullable(z.number().check(z.int(), z.positive()));
export const TagList = z.array(Tag).check(z.maxLength(LIMITS.tagsPerArticle));

/**
 * The site declared the article's address with https (rel=canonical / og:url): it is shown and opened
 * so (shown-url.ts), while the record stays keyed by the scheme-folded `url` (an http and an https copy are
 * one article). Absent when the site declared nothing, or http.
 */
export const DeclaredHttps = z.optional(z.literal(true));

/** What an article page says about itself (lib/archive output). */
export const ArticleMeta = z.object({
  url: HttpUrl,
  postId: PostId,
  title: nonEmptyText(LIMITS.title),
  author: z.nullable(nonEmptyText(LIMITS.author)),
  category: z.nullable(Category),
  tags: TagList,
  publishedAt: z.nullable(IsoDateTime),
  excerpt: text(LIMITS.excerpt),
  sources: z.partialRecord(ArticleField, ExtractionLayer),
  https: DeclaredHttps,
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

/**
 * One term of the site's vocabulary as a page names it (lib/archive/vocabulary.ts), with the evidence:
 * the tag cloud, the Catégories widget, a tag / rubrique link (rel="tag", rel="category tag", plain
 * /tag/x/), or the heading of the term's own listing page.
 */
export const VocabFact = z.object({
  kind: z.enum(['tag', 'category']),
  slug: Slug,
  name: nonEmptyText(LIMITS.tagName),
  via: z.enum(['cloud', 'widget', 'link', 'heading']),
});
export type VocabFact = z.infer<typeof VocabFact>;

/** A term of the vocabulary as the index keeps it; `slug`: a name rebuilt from the slug, no page showed one yet. */
export const VocabTerm = z.object({
  kind: z.enum(['tag', 'category']),
  slug: Slug,
  name: nonEmptyText(LIMITS.tagName),
  via: z.enum(['cloud', 'widget', 'link', 'heading', 'slug']),
});
export type VocabTerm = z.infer<typeof VocabTerm>;

/** One article teaser on a listing page. `tagsKnown` is true when the teaser markup carries tag
 * information (post_class or tag links), so an empty `tags` then really means "no tags" — complete once
 * its `pending` classes, if any, are resolved. */
export const Teaser = z.object({
  url: HttpUrl,
  title: nonEmptyText(LIMITS.title),
  postId: PostId,
  tags: TagList,
  tagsKnown: z.boolean(),
  /**
   * post_class() `tag-*` classes the page's vocabulary could not resolve, in WordPress's lossy class form
   * (`scurit`): evidence only, never a tag shown to the reader, until the vocabulary learns their term.
   */
  pending: z.optional(z.array(Slug).check(z.maxLength(LIMITS.tagsPerArticle))),
  category: z.nullable(Category),
  publishedAt: z.nullable(IsoDateTime),
});
export type Teaser = z.infer<typeof Teaser>;
