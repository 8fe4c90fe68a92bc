import type { ArticleMeta, ArticleRecord, PageInfo, Tag, Teaser } from '../model';

/** Something learnt about one article, from its own page or from a listing teaser. */
export interface ArticleFacts {
  url: string;
  detail: 'article' | 'teaser';
  postId: number | null;
  title: string;
  author: string | null;
  category: Tag | null;
  tags: Tag[];
  tagsComplete: boolean;
  publishedAt: string | null;
  excerpt: string;
}

export function factsFromArticle(meta: ArticleMeta): ArticleFacts {
  return { ...meta, detail: 'article', tagsComplete: true, author: meta.author };
}

/**
 * Facts from a listing teaser. On a tag page the subject tag is added even when the teaser markup
 * carries no tags; on a rubrique page the rubrique is learnt the same way.
 */
export function factsFromTeaser(teaser: Teaser, page: Pick<PageInfo, 'kind' | 'subject'>): ArticleFacts {
  const tags = [...teaser.tags];
  const subjectSlug = page.subject?.slug ?? null;
  const subjectTag = subjectSlug && /^[a-z0-9%_-]+$/.test(subjectSlug) ? { slug: subjectSlug, name: page.subject?.name || subjectSlug } : null;
  if (page.kind === 'tag' && subjectTag && !tags.some((tag) => tag.slug === subjectTag.slug)) tags.push(subjectTag);
  const category = teaser.category ?? (page.kind === 'category' && subjectTag ? subjectTag : null);
  return {
    url: teaser.url,
    detail: 'teaser',
    postId: teaser.postId,
    title: teaser.title,
    author: null,
    category,
    tags: tags.slice(0, 100),
    tagsComplete: teaser.tagsKnown,
    publishedAt: teaser.publishedAt,
    excerpt: '',
  };
}

/** Every article a recognised page tells us about. */
export function factsFromPage(page: PageInfo): ArticleFacts[] {
  const facts: ArticleFacts[] = [];
  if (page.kind === 'article' && page.article) facts.push(factsFromArticle(page.article));
  for (const teaser of page.listing) facts.push(factsFromTeaser(teaser, page));
  return facts;
}

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined && value !== '';

/**
 * Merges new facts into a stored record. The richer source (the article page) wins field by field; a
 * teaser only fills gaps, never erases. Tags only accumulate. Merging the same facts twice changes
 * nothing — not even `updatedAt` — so re-indexing is idempotent.
 */
export function mergeArticle(existing: ArticleRecord | undefined, facts: ArticleFacts, now: number): ArticleRecord {
  if (!existing) {
    return {
      url: facts.url,
      postId: facts.postId,
      title: facts.title,
      author: facts.author,
      category: facts.category,
      tags: uniqueTags(facts.tags),
      publishedAt: facts.publishedAt,
      excerpt: facts.excerpt,
      tagsComplete: facts.tagsComplete,
      detail: facts.detail,
      firstSeenAt: now,
      updatedAt: now,
    };
  }
  const incomingWins = facts.detail === 'article' || existing.detail === 'teaser';
  const pick = <T>(mine: T | null, theirs: T | null): T | null => {
    if (incomingWins) return present(theirs) ? theirs : mine;
    return present(mine) ? mine : theirs;
  };
  const tags = incomingWins ? uniqueTags([...facts.tags, ...existing.tags]) : uniqueTags([...existing.tags, ...facts.tags]);
  const merged: ArticleRecord = {
    url: existing.url,
    postId: pick(existing.postId, facts.postId),
    title: pick(existing.title, facts.title) ?? existing.title,
    author: pick(existing.author, facts.author),
    category: pick(existing.category, facts.category),
    tags: tags.slice(0, 100),
    publishedAt: pick(existing.publishedAt, facts.publishedAt),
    excerpt: pick(existing.excerpt, facts.excerpt) ?? '',
    tagsComplete: existing.tagsComplete || facts.tagsComplete,
    detail: existing.detail === 'article' || facts.detail === 'article' ? 'article' : 'teaser',
    firstSeenAt: existing.firstSeenAt,
    updatedAt: existing.updatedAt,
  };
  return sameRecord(existing, merged) ? existing : { ...merged, updatedAt: Math.max(now, existing.updatedAt) };
}

function uniqueTags(tags: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  return tags.filter((tag) => (seen.has(tag.slug) ? false : (seen.add(tag.slug), true)));
}

const sameTag = (a: Tag | null, b: Tag | null) => a === b || (a !== null && b !== null && a.slug === b.slug && a.name === b.name);

function sameRecord(a: ArticleRecord, b: ArticleRecord): boolean {
  const scalars = ['postId', 'title', 'author', 'publishedAt', 'excerpt', 'tagsComplete', 'detail'] as const;
  return (
    scalars.every((field) => a[field] === b[field]) &&
    sameTag(a.category, b.category) &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => sameTag(tag, b.tags[i]!))
  );
}
