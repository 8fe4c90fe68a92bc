/**
 * The whole generated fixture archive through recognise(): every article page yields exactly its
 * truth fields; every listing page yields its teasers (in order, with tags when the markup has them),
 * its kind and its next page.
 */
import { describe, expect, it } from 'vitest';
import { generateArchive, type Archive } from '../../fixtures/archive/index';
import { recognise } from '../../../lib/archive/recognise';
import { linkedomDoc } from './helpers';

const day = (iso: string | null | undefined) => (iso ?? '').slice(0, 10);
const KIND: Record<string, string> = { month: 'date' };

function checkArticles(archive: Archive) {
  for (const truth of archive.articles) {
    const info = recognise(linkedomDoc(archive.render(truth.path).body), truth.url);
    expect(info.kind, truth.path).toBe('article');
    const article = info.article;
    expect(article, truth.path).not.toBeNull();
    expect(
      {
        url: article?.url,
        postId: article?.postId,
        title: article?.title,
        author: article?.author,
        category: article?.category,
        tags: article?.tags,
      },
      `${truth.family} ${truth.path}`,
    ).toEqual({
      url: truth.url,
      postId: truth.postId,
      title: truth.title,
      author: truth.author.name,
      category: truth.category,
      tags: truth.tags,
    });
    // Legacy pages show the date only; the others the full time.
    if (truth.family === 'legacy') expect(day(article?.publishedAt), truth.path).toBe(day(truth.publishedAt));
    else expect(article?.publishedAt, truth.path).toBe(truth.publishedAt);
    // The excerpt starts with the article's first paragraph.
    expect(article?.excerpt.startsWith(truth.excerpt.slice(0, 100)), truth.path).toBe(true);
  }
}

function checkListings(archive: Archive, teaserTags: boolean) {
  let listings = 0;
  for (const path of archive.paths()) {
    const truth = archive.listing(path);
    if (!truth) continue;
    listings++;
    const info = recognise(linkedomDoc(archive.render(path).body), archive.baseUrl + path);
    expect(info.kind, path).toBe(KIND[truth.kind] ?? truth.kind);
    expect(
      info.listing.map((t) => t.url),
      path,
    ).toEqual(truth.articles.map((a) => a.url));
    truth.articles.forEach((a, i) => {
      const teaser = info.listing[i];
      expect(teaser?.title, path).toBe(a.title);
      expect(teaser?.category, path).toEqual(a.category);
      expect(day(teaser?.publishedAt), path).toBe(day(a.publishedAt));
      expect(teaser?.tagsKnown, path).toBe(teaserTags);
      if (teaserTags) expect(teaser?.tags, path).toEqual(a.tags);
      else expect(teaser?.tags, path).toEqual([]);
    });
    expect(info.next, path).toBe(truth.next ? new URL(truth.next, archive.baseUrl).href : null);
  }
  expect(listings).toBeGreaterThan(50);
}

describe('the generated fixture archive', () => {
  const tagged = generateArchive({ seed: 31, articles: 100 });
  const untagged = generateArchive({ seed: 32, articles: 60, teaserTags: false });

  it('article pages of every family give exactly their truth', () => {
    expect(new Set(tagged.articles.map((a) => a.family)).size).toBe(3);
    checkArticles(tagged);
  }, 180_000);

  it('listing pages with post_class teasers: every teaser matches, tags known', () => checkListings(tagged, true), 180_000);

  it('listing pages without tag markup: teasers match, tagsKnown false', () => checkListings(untagged, false), 180_000);

  it("the archive's 404 page is not-found", () => {
    const info = recognise(linkedomDoc(tagged.render('/no/such/page/').body), `${tagged.baseUrl}/no/such/page/`);
    expect(info.kind).toBe('not-found');
  });
});
