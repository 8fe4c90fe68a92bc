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
  /** Teasers: post_class classes the page's vocabulary could not resolve (lossy form), never shown. */
  pending?: string[];
  /** Teasers on a tag's own listing page: that tag (the site's own list of its articles). */
  membership?: Tag;
  /** The article page declared its address with https (ArticleRecord.https). */
  https?: true;
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
  const membership = page.kind === 'tag' && subjectTag ? { membership: subjectTag } : {};
  return {
    ...membership,
    ...(teaser.pending?.length ? { pending: [...teaser.pending] } : {}),
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

/** Every tag known: the record's tag list is complete and no post_class class waits on the vocabulary. */
export function isComplete(record: ArticleRecord | null | undefined): boolean {
  return !!record && record.tagsComplete && !record.pending?.length;
}

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined && value !== '';

/**
 * Merges new facts into a stored record. The richer source (the article page) wins field by field; a
 * teaser only fills gaps, never erases. Tags follow the evidence order (issue 11): an article's own page
 * gives its tags (replacing what teasers said), to which only the tags whose own listing page lists the
 * article are added; teasers of an article already read add nothing but that listing membership.
 * Merging the same facts twice changes nothing — not even `updatedAt` — so re-indexing is idempotent.
 */
export function mergeArticle(existing: ArticleRecord | undefined, facts: ArticleFacts, now: number): ArticleRecord {
  const listedNow = facts.membership ? [facts.membership.slug] : [];
  if (!existing) {
    const record: ArticleRecord = {
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
    return withLists(record, facts.detail === 'teaser' ? (facts.pending ?? []) : [], listedNow, facts.detail === 'article' && facts.https === true);
  }
  const incomingWins = facts.detail === 'article' || existing.detail === 'teaser';
  const pick = <T>(mine: T | null, theirs: T | null): T | null => {
    if (incomingWins) return present(theirs) ? theirs : mine;
    return present(mine) ? mine : theirs;
  };
  // Membership is worth keeping only where the record lacks the tag or knows only teasers (an article
  // page read later may not show every tag its own listing page gave).
  const known = facts.membership && existing.detail === 'article' && existing.tags.some((tag) => tag.slug === facts.membership!.slug);
  const listed = unique([...(existing.listed ?? []), ...(known ? [] : listedNow)]);
  let tags: Tag[];
  if (facts.detail === 'article') tags = uniqueTags([...facts.tags, ...existing.tags.filter((tag) => listed.includes(tag.slug))]);
  else if (existing.detail === 'article') tags = uniqueTags([...existing.tags, ...(facts.membership ? [facts.membership] : [])]);
  else tags = uniqueTags([...facts.tags, ...existing.tags]);
  const detail = existing.detail === 'article' || facts.detail === 'article' ? 'article' : 'teaser';
  const pending = detail === 'teaser' ? unique([...(existing.pending ?? []), ...(facts.pending ?? [])]) : [];
  const merged = withLists(
    {
      url: existing.url,
      postId: pick(existing.postId, facts.postId),
      title: pick(existing.title, facts.title) ?? existing.title,
      author: pick(existing.author, facts.author),
      category: pick(existing.category, facts.category),
      tags: tags.slice(0, 100),
      publishedAt: pick(existing.publishedAt, facts.publishedAt),
      excerpt: pick(existing.excerpt, facts.excerpt) ?? '',
      tagsComplete: existing.tagsComplete || facts.tagsComplete,
      detail,
      firstSeenAt: existing.firstSeenAt,
      updatedAt: existing.updatedAt,
    },
    pending,
    listed,
    facts.detail === 'article' ? facts.https === true : existing.https === true,
  );
  return sameRecord(existing, merged) ? existing : { ...merged, updatedAt: Math.max(now, existing.updatedAt) };
}

const unique = (values: readonly string[]): string[] => [...new Set(values)].slice(0, 100);

/**
 * The optional fields, present only when they say something (records without them stay as they were).
 * `https`: what the article's own page declared last; a teaser never says.
 */
function withLists(record: ArticleRecord, pending: readonly string[], listed: readonly string[], https: boolean): ArticleRecord {
  const { pending: _pending, listed: _listed, https: _https, ...rest } = record;
  return {
    ...rest,
    ...(pending.length ? { pending: unique(pending) } : {}),
    ...(listed.length ? { listed: unique(listed) } : {}),
    ...(https ? { https: true as const } : {}),
  };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join(' ') === (b ?? []).join(' ');

function uniqueTags(tags: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  return tags.filter((tag) => (seen.has(tag.slug) ? false : (seen.add(tag.slug), true)));
}

const sameTag = (a: Tag | null, b: Tag | null) => a === b || (a !== null && b !== null && a.slug === b.slug && a.name === b.name);

/** Same content (timestamps aside). */
export function sameRecord(a: ArticleRecord, b: ArticleRecord): boolean {
  const scalars = ['postId', 'title', 'author', 'publishedAt', 'excerpt', 'tagsComplete', 'detail'] as const;
  return (
    scalars.every((field) => a[field] === b[field]) &&
    a.https === b.https &&
    sameList(a.pending, b.pending) &&
    sameList(a.listed, b.listed) &&
    sameTag(a.category, b.category) &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => sameTag(tag, b.tags[i]!))
  );
}
