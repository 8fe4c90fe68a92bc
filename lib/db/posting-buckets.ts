import { hashOf, readBuckets, type BucketStore } from './buckets';
import type { PostingRecord } from './schema';

/**
 * Schema v5 stores the postings lists (one per tag `t:<slug>` and rubrique `c:<slug>`) packed in 256
 * bucket records keyed by a hash of the list's key: a 20k import writes ~2,000 lists, and in Chromium
 * each request costs ~0.1 ms whatever its size, so 256 puts instead of 2,000 save ~0.2 s. Reading one
 * list (browse) reads its bucket (~8 lists at 2,000 tags). Never change POSTING_BUCKETS without a migration.
 */
export const POSTING_BUCKETS = 256;

export interface PostingBucket {
  bucket: number;
  postings: PostingRecord[];
}

export const postingBucketOf = (key: string): number => hashOf(key) % POSTING_BUCKETS;

export const isTagKey = (key: string): boolean => key.startsWith('t:');

/** One postings list, or undefined. */
export async function readPosting(store: BucketStore<PostingBucket>, key: string): Promise<PostingRecord | undefined> {
  const bucket = await store.get(postingBucketOf(key));
  return bucket?.postings.find((posting) => posting.key === key);
}

/** Every postings list (tag statistics). */
export async function allPostings(store: BucketStore<PostingBucket>): Promise<PostingRecord[]> {
  return (await store.getAll()).flatMap((bucket) => bucket.postings);
}

/** The buckets holding these keys, read for a read-modify-write. */
export function readPostingBuckets(store: BucketStore<PostingBucket>, keys: Iterable<string>): Promise<Map<number, PostingBucket>> {
  return readBuckets(store, [...keys].map(postingBucketOf), POSTING_BUCKETS);
}

/**
 * The buckets after replacing these lists and dropping the emptied keys: only the buckets touched,
 * built from their current contents (`current`, read beforehand; absent for an empty index).
 * A bucket left with no list is returned empty (the caller deletes it).
 */
export function packPostings(lists: Iterable<PostingRecord>, emptied: Iterable<string>, current: ReadonlyMap<number, PostingBucket> = new Map()): PostingBucket[] {
  const touched = new Map<number, Map<string, PostingRecord>>();
  const bucketFor = (key: string) => {
    const number = postingBucketOf(key);
    let byKey = touched.get(number);
    if (!byKey) touched.set(number, (byKey = new Map((current.get(number)?.postings ?? []).map((posting) => [posting.key, posting]))));
    return byKey;
  };
  for (const list of lists) bucketFor(list.key).set(list.key, list);
  for (const key of emptied) bucketFor(key).delete(key);
  return [...touched].map(([bucket, byKey]) => ({ bucket, postings: [...byKey.values()] }));
}
