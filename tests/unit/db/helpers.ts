import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, type Store } from '../../../lib/db';
import type { ArticleMeta, PageInfo, Teaser } from '../../../lib/model';

/** A store over a fresh, isolated fake IndexedDB, with a controllable clock. */
export function testStore(start = Date.UTC(2026, 0, 1)): { store: Store; factory: IDBFactory; clock: { now: number } } {
  const factory = new IDBFactory();
  const clock = { now: start };
  return { store: createStore(factory, { now: () => clock.now, blockedGraceMs: 200 }), factory, clock };
}

export const url = (slug: string) => `http://www.securityvibes.fr/actualites/${slug}/`;
export const tag = (slug: string) => ({ slug, name: slug.toUpperCase() });

export function articleMeta(slug: string, over: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    url: url(slug),
    postId: null,
    title: `Title ${slug}`,
    author: 'Jérôme',
    category: { slug: 'actualites', name: 'Actualités' },
    tags: [],
    publishedAt: '2010-03-24T10:20:00+01:00',
    excerpt: `Excerpt of ${slug}`,
    sources: {},
    ...over,
  };
}

export function articlePage(meta: ArticleMeta): PageInfo {
  return { kind: 'article', url: meta.url, reason: null, article: meta, listing: [], subject: null, next: null };
}

export function teaser(slug: string, over: Partial<Teaser> = {}): Teaser {
  return { url: url(slug), title: `Title ${slug}`, postId: null, tags: [], tagsKnown: false, category: null, publishedAt: null, ...over };
}

export function listingPage(kind: PageInfo['kind'], subject: string | null, teasers: Teaser[]): PageInfo {
  return {
    kind,
    url: `http://www.securityvibes.fr/${kind}/${subject ?? ''}/`,
    reason: null,
    article: null,
    listing: teasers,
    subject: subject ? { slug: subject, name: subject.toUpperCase() } : null,
    next: null,
  };
}
