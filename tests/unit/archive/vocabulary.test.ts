/**
 * Issue 11 in lib/archive: the site vocabulary of a page, post_class classes resolved (never guessed),
 * every teaser whatever its markup, the author without its wording, tag case from the site.
 */
import { describe, expect, it } from 'vitest';
import { lossyClass } from '../../../lib/archive/vocabulary';
import { cleanAuthor } from '../../../lib/archive/wordpress';
import { generateArchive } from '../../fixtures/archive/index.ts';
import { teaserMarkup } from '../../fixtures/archive/markup/listing.ts';
import { page, recogniseHtml } from './helpers';

const archive = generateArchive({ seed: 23, articles: 300, quirks: true });
const key = (tags: readonly { slug: string; name: string }[]) => tags.map((t) => `${t.slug}:${t.name}`).join('|');

describe('site vocabulary and teasers (issue 11)', () => {
  it('reads the seed page: the rel=author link is the author, never the wording around it', () => {
    const info = recogniseHtml(page('seed-article.html'), '', { anyHost: true });
    expect(info.kind).toBe('article');
    expect(info.article).toMatchObject({
      title: 'Peer-to-peer : Les majors attaquent',
      author: 'Aurélien Cabezon',
      category: { slug: 'menaces', name: 'Menaces' },
      tags: [],
    });
  });

  it("drops author wording: auteur de l'article, Par, Publié par, Écrit par, by", () => {
    for (const raw of [
      "auteur de l'article Aurélien Cabezon",
      'Par Aurélien Cabezon',
      'Publié par Aurélien Cabezon',
      'Écrit par Aurélien Cabezon',
      'by Aurélien Cabezon',
      'Auteur : Aurélien Cabezon',
    ]) {
      expect(cleanAuthor(raw), raw).toBe('Aurélien Cabezon');
    }
    expect(cleanAuthor("auteur de l'article Aurélien Cabezon, dans la rubrique Menaces")).toBeNull();
  });

  it('computes WordPress sanitize_html_class forms', () => {
    expect(lossyClass('s%c3%a9curit%c3%a9')).toBe('scurit');
    expect(lossyClass('ing%C3%A9nierie-sociale')).toBe('ingnierie-sociale');
    expect(lossyClass('apt')).toBe('apt');
  });

  it('reads every teaser of every listing page in page order, with no tag the article does not carry', () => {
    let pending = 0;
    let resolvedFromClasses = 0;
    for (const path of archive
      .paths()
      .filter((p) => archive.listing(p))
      .slice(0, 120)) {
      const truth = archive.listing(path)!;
      const info = recogniseHtml(archive.render(path).body, `${archive.baseUrl}${path}`);
      expect(
        info.listing.map((t) => t.url),
        path,
      ).toEqual(truth.articles.map((a) => a.url));
      expect(info.unread, path).toBe(0);
      info.listing.forEach((teaser, i) => {
        const a = truth.articles[i]!;
        for (const tag of teaser.tags) expect(a.tags, `${path} ${a.path}`).toContainEqual(tag);
        // Complete teasers carry exactly the article's tags; pending classes are never tags.
        if (teaser.tagsKnown && !teaser.pending) expect(key(teaser.tags), a.path).toBe(key(a.tags));
        if (teaser.pending?.length) {
          pending++;
          expect(teaser.tags.length + teaser.pending.length).toBe(a.tags.length);
        }
        // A class-only teaser (div.hentry, no tag links) whose tags came from post_class through the vocabulary.
        if (teaserMarkup(true, a, 'classic') === 'hentry' && teaser.tags.length) resolvedFromClasses++;
      });
    }
    expect(pending).toBeGreaterThan(0);
    expect(resolvedFromClasses).toBeGreaterThan(0);
  });

  it('teaches the vocabulary: percent-encoded slugs with their names, accented rubriques from the Catégories widget', () => {
    const info = recogniseHtml(archive.render('/').body, `${archive.baseUrl}/`);
    const facts = info.vocabulary ?? [];
    const cloud = facts.filter((f) => f.via === 'cloud');
    expect(cloud.length).toBeGreaterThan(20);
    for (const fact of facts.filter((f) => f.kind === 'tag')) {
      const term = archive.tags.find((t) => t.slug === fact.slug);
      expect(term?.name, fact.slug).toBe(fact.name);
    }
    const widget = facts.filter((f) => f.via === 'widget');
    expect(widget.map((f) => `${f.slug}:${f.name}`).sort()).toEqual(archive.categories.map((c) => `${c.slug}:${c.name}`).sort());
    const encoded = archive.tags.find((t) => t.slug.includes('%') && archive.listing(`/tag/${t.slug}/`))!;
    const tagPage = recogniseHtml(archive.render(`/tag/${encoded.slug}/`).body, `${archive.baseUrl}/tag/${encoded.slug}/`);
    expect(tagPage.subject).toEqual({ slug: encoded.slug, name: encoded.name });
    expect(tagPage.vocabulary).toContainEqual(expect.objectContaining({ kind: 'tag', slug: encoded.slug, name: encoded.name }));
  });

  it('magazine pages: tag case from the site over lower-case keywords, rubrique from a bare /<slug>/ link', () => {
    for (const a of archive.articles.filter((x) => x.family === 'magazine').slice(0, 40)) {
      const info = recogniseHtml(archive.render(a.path).body, a.url);
      expect(key(info.article!.tags), a.path).toBe(key(a.tags));
      expect(info.article!.category, a.path).toEqual(a.category);
      expect(info.article!.author, a.path).toBe(a.author.name);
    }
  });

  it('counts article links of the main column that no teaser was read for', () => {
    const html = archive
      .render('/')
      .body.replace(
        '<div class="popular-posts">',
        '<ul class="liste"><li><a href="/actualites/un-article-sans-teaser/">lien</a></li></ul><div class="popular-posts">',
      );
    expect(recogniseHtml(html, `${archive.baseUrl}/`).unread).toBe(1);
  });

  it('keeps https when the page declares it (rel=canonical / og:url), the identity staying the http address', () => {
    const magazine = archive.articles.filter((a) => a.canonical.startsWith('https://'));
    const plain = archive.articles.filter((a) => a.canonical === a.url);
    expect(magazine.length).toBeGreaterThan(10);
    expect(plain.length).toBeGreaterThan(10);
    for (const a of [...magazine.slice(0, 20), ...plain.slice(0, 20)]) {
      // Loaded from the https copy or the http one: one article, keyed by http, https only when declared.
      for (const loaded of [a.url, a.url.replace(/^http:/, 'https:')]) {
        const info = recogniseHtml(archive.render(a.path).body, loaded);
        expect(info.article?.url, a.path).toBe(a.url);
        expect(info.article?.https, a.path).toBe(a.canonical.startsWith('https://') ? true : undefined);
      }
    }
    // An https canonical naming another article is not this one's scheme.
    const [first, second] = magazine;
    const other = archive.render(first!.path).body.replaceAll(first!.canonical, second!.canonical);
    expect(recogniseHtml(other, first!.url).article?.https).toBeUndefined();
  });

  it('counts article:tag and article:section metas as vocabulary evidence, never lower-cased JSON-LD keywords', () => {
    const url = 'https://www.securityvibes.fr/actualites/heartbleed-mots-de-passe/';
    const info = recogniseHtml(page('structured-article.html'), url);
    const facts = (info.vocabulary ?? []).map((f) => `${f.kind}:${f.slug}:${f.name}:${f.via}`);
    // OpenSSL: the sidebar link gives the real slug; Heartbleed only the meta names (slug made as WordPress does).
    expect(facts).toEqual(expect.arrayContaining(['tag:heartbleed:Heartbleed:link', 'tag:openssl:OpenSSL:link', 'category:actualites:Actualités:link']));
    expect(info.article?.tags).toEqual([
      { slug: 'heartbleed', name: 'Heartbleed' },
      { slug: 'openssl', name: 'OpenSSL' },
    ]);
    // The same page with only lower-case keywords (no article:tag metas): keywords name no term.
    const keywordsOnly = page('structured-article.html')
      .replace(/<meta property="article:(tag|section)"[^>]*>/g, '')
      .replace('"Heartbleed, OpenSSL"', '"heartbleed, openssl"');
    const plain = recogniseHtml(keywordsOnly, url);
    expect((plain.vocabulary ?? []).filter((f) => f.slug === 'heartbleed')).toEqual([]);
    expect(plain.article?.tags.find((t) => t.slug === 'openssl')?.name).toBe('OpenSSL');
  });
});
