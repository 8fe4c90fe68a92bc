import * as z from 'zod/mini';
import { LIMITS } from './limits';

// zod/mini (tree-shakable) rather than classic zod: the same schemas run in the content script and the
// popup, whose bundle budgets (48 KB / 80 KB) classic zod alone would exceed.

/** An absolute http(s) URL; everything else (javascript:, data:, file:, relative) is refused. */
export const HttpUrl = z.string().check(
  z.maxLength(LIMITS.url),
  z.refine((value) => {
    if (!/^https?:\/\//i.test(value)) return false;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL'),
);

/** A WordPress-style slug: lowercase ASCII letters, digits, dashes (and %xx for legacy encoded slugs). */
export const Slug = z.string().check(z.minLength(1), z.maxLength(LIMITS.slug), z.regex(/^[a-z0-9%_-]+$/, 'must be a lowercase slug'));

/** ISO 8601 date-time with an offset or Z, e.g. 2010-03-24T10:20:00+01:00. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Epoch milliseconds used for record timestamps. */
export const EpochMs = z.number().check(z.int(), z.nonnegative());

export const Rating = z.number().check(z.int(), z.minimum(1), z.maximum(5));

/** Bounded text helpers. */
export const text = (max: number) => z.string().check(z.maxLength(max));
export const nonEmptyText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
export const count = () => z.number().check(z.int(), z.nonnegative());
