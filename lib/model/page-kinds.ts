/** Page kinds as plain data, free of zod: the content script imports this without pulling in schemas. */
export const PAGE_KINDS = ['article', 'tag', 'category', 'date', 'author', 'home', 'search', 'not-found', 'not-archive'] as const;

export const LISTING_KINDS = ['tag', 'category', 'date', 'author', 'home', 'search'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export function isListingKind(kind: string): kind is ListingKind {
  return (LISTING_KINDS as readonly string[]).includes(kind);
}
