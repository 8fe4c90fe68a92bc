import { describe, expect, it } from 'vitest';
import { parseRobots, robotsAllows } from '@/lib/crawl/robots';
import { isArticleSitemap, parseSitemap } from '@/lib/crawl/sitemap';
import { looksLikeArticle } from '@/lib/crawl/urls';

describe('robots.txt', () => {
  const text = `# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php
Disallow: /*?s=
Disallow: /private$

Sitemap: http://www.securityvibes.fr/sitemap.xml
sitemap: http://www.securityvibes.fr/news.xml`;

  it('reads Sitemap lines and the * group only', () => {
    const robots = parseRobots(text);
    expect(robots.sitemaps).toEqual(['http://www.securityvibes.fr/sitemap.xml', 'http://www.securityvibes.fr/news.xml']);
    expect(robotsAllows(robots, '/tag/apt/')).toBe(true);
    expect(robotsAllows(robots, '/wp-admin/options.php')).toBe(false);
    expect(robotsAllows(robots, '/wp-admin/admin-ajax.php')).toBe(true);
    expect(robotsAllows(robots, '/?s=virus')).toBe(false);
    expect(robotsAllows(robots, '/private')).toBe(false);
    expect(robotsAllows(robots, '/private/x')).toBe(true);
  });

  it('prefers a group naming our agent and treats an empty Disallow as allow-all', () => {
    const robots = parseRobots('User-agent: sv-companion\nDisallow:\n\nUser-agent: *\nDisallow: /');
    expect(robotsAllows(robots, '/anything')).toBe(true);
    expect(robotsAllows(parseRobots('User-agent: *\nDisallow: /'), '/x')).toBe(false);
  });

  it('never throws on garbage', () => {
    expect(parseRobots('\u0000<html>:::\n:x\nDisallow')).toEqual({ sitemaps: [], rules: [] });
  });
});

describe('sitemaps', () => {
  it('tells an index from a urlset and decodes entities', () => {
    const index = parseSitemap('<?xml version="1.0"?><sitemapindex><sitemap><loc>http://h/sitemap-posts-1.xml</loc></sitemap></sitemapindex>');
    expect(index).toEqual({ kind: 'index', locs: ['http://h/sitemap-posts-1.xml'] });
    const set = parseSitemap('<urlset><url><loc> http://h/a/b/?x=1&amp;y=2 </loc></url><url><loc><![CDATA[http://h/c/d/]]></loc></url></urlset>');
    expect(set).toEqual({ kind: 'urlset', locs: ['http://h/a/b/?x=1&y=2', 'http://h/c/d/'] });
    expect(parseSitemap('<html><body>404</body></html>').kind).toBe('unknown');
  });

  it('skips taxonomy, user and page sitemaps', () => {
    expect(isArticleSitemap('http://h/sitemap-posts-1.xml')).toBe(true);
    expect(isArticleSitemap('http://h/wp-sitemap-posts-post-1.xml')).toBe(true);
    expect(isArticleSitemap('http://h/post-sitemap.xml')).toBe(true);
    expect(isArticleSitemap('http://h/sitemap-taxonomies.xml')).toBe(false);
    expect(isArticleSitemap('http://h/wp-sitemap-taxonomies-post_tag-1.xml')).toBe(false);
    expect(isArticleSitemap('http://h/wp-sitemap-users-1.xml')).toBe(false);
    expect(isArticleSitemap('http://h/page-sitemap.xml')).toBe(false);
  });

  it('counts article-shaped URLs only', () => {
    const yes = ['http://h/virus/un-titre/', 'http://h/2010/03/24/un-titre/', 'http://h/?p=123'];
    const no = ['http://h/', 'http://h/tag/apt/', 'http://h/category/virus/', 'http://h/2010/03/', 'http://h/page/2/', 'http://h/author/x/', 'http://h/?s=x'];
    for (const u of yes) expect(looksLikeArticle(new URL(u)), u).toBe(true);
    for (const u of no) expect(looksLikeArticle(new URL(u)), u).toBe(false);
  });
});
