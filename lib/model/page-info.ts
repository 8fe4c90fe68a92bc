import * as z from 'zod/mini';
import { LIMITS } from './limits';
import { ArticleMeta, Teaser, VocabFact } from './article';
import { HttpUrl, count, text } from './primitives';
import { PAGE_KINDS } from './page-kinds';

export { LISTING_KINDS, isListingKind } from './page-kinds';

export const PageKind = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKind>;

/** What a listing page lists: the tag, rubrique, month (slug 2010-03), author or search words. */
export const ListingSubject = z.object({
  slug: z.nullable(text(LIMITS.slug)),
  name: z.nullable(text(LIMITS.title)),
});
export type ListingSubject = z.infer<typeof ListingSubject>;

/** The one output of lib/archive's recognise(): what a page is and what it says. */
export const PageInfo = z.object({
  kind: PageKind,
  /** Canonical original archive URL (Wayback unwrapped); null when the input URL was not http(s). */
  url: z.nullable(HttpUrl),
  /** Why the page is not-archive (or any other short diagnostic). */
  reason: z.nullable(text(LIMITS.reason)),
  article: z.nullable(ArticleMeta),
  listing: z.array(Teaser).check(z.maxLength(LIMITS.listingItems)),
  subject: z.nullable(ListingSubject),
  next: z.nullable(HttpUrl),
  /** The tags and rubriques the page names with slug and display name (issue 11's site vocabulary). */
  vocabulary: z.optional(z.array(VocabFact).check(z.maxLength(LIMITS.vocabulary))),
  /** Listing pages: article URLs linked from the main column that no teaser was read for (logged by the crawl). */
  unread: z.optional(count()),
});
export type PageInfo = z.infer<typeof PageInfo>;
