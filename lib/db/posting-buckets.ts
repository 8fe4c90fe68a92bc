import { hashOf } from './buckets';
import type { PostingRecord } from './schema';

/**
 * Schema v5 stored the postings lists (one per tag `t:<slug>` and rubrique `c:<slug>`) packed in 256
 * bucket records keyed by a hash of the list's key (in Chromium each request costs ~0.1 ms whatever its
 * size, so 256 puts instead of ~2,000). v6 dropped them; what is left here is what the frozen v5 step
 * and the v5 fixture need.
 */
export const POSTING_BUCKETS = 256;

export interface PostingBucket {
  bucket: number;
  postings: PostingRecord[];
}

export const postingBucketOf = (key: string): number => hashOf(key) % POSTING_BUCKETS;

export const isTagKey = (key: string): boolean => key.startsWith('t:');

/** The lists grouped into their buckets (each key once). */
export function packPostings(lists: Iterable<PostingRecord>): PostingBucket[] {
  const buckets = new Map<number, Map<string, PostingRecord>>();
  for (const list of lists) {
    const number = postingBucketOf(list.key);
    let byKey = buckets.get(number);
    if (!byKey) buckets.set(number, (byKey = new Map()));
    byKey.set(list.key, list);
  }
  return [...buckets].map(([bucket, byKey]) => ({ bucket, postings: [...byKey.values()] }));
}
