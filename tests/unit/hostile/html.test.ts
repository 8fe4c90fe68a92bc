/**
 * HTML on hostile input: html-guard bounds size, nodes and depth before linkedom parses (it is quadratic
 * in depth), changes nothing on real pages, and recognition still gives the right answers on what is kept.
 * Answers only: timing lives in bench/hostile.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { main } from '@/cli/main';
import { looksLikeHtml } from '@/cli/read-html';
import { canonicalUrl } from '@/lib/archive/canonical-url';
import { HTML_LIMITS, guardHtml } from '@/lib/archive/html-guard';
import { parseArchiveHtml } from '@/lib/archive/parse-html';
import { recognise } from '@/lib/archive/recognise';
import { generateArchive } from '@/tests/fixtures/archive/index';
import { ARTICLE_URL, articleWith, hostileFiles, hostileHtml } from '@/tests/fixtures/hostile';
import { PAGES_DIR } from '../archive/helpers';

const serialise = (html: string) => parseHTML(html).document.toString();

/** What the crawler and the CLI learn from a hostile page: still the article, its title and its tags. */
function expectArticle(html: string, cut: RegExp | null) {
  const parsed = parseArchiveHtml(html);
  if (cut) expect(parsed.cut).toMatch(cut);
  else expect(parsed.cut).toBeNull();
  const info = recognise(parsed.document, ARTICLE_URL);
  expect(info.kind).toBe('article');
  expect(info.article?.title).toBe('Un article');
  expect(info.article?.tags.map((t) => t.slug)).toEqual(['apt', 'scada']);
  expect(info.article?.category?.slug).toBe('menaces');
  return parsed;
}

describe('html-guard on real pages', () => {
  it('leaves every fixture page and 60 generated archive pages exactly as linkedom parses them', () => {
    const pages = readdirSync(PAGES_DIR).map((name) => readFileSync(join(PAGES_DIR, name), 'utf8'));
    const archive = generateArchive({ seed: 3, articles: 40 });
    for (const article of archive.articles.slice(0, 40)) pages.push(archive.render(new URL(article.url).pathname).body);
    for (const path of ['/', '/page/2/', '/tag/apt/', '/category/menaces/']) pages.push(archive.render(path).body);
    for (const path of archive.articles.slice(0, 16).map((a) => `${new URL(a.url).pathname}comment-page-1/`)) pages.push(archive.render(path).body);
    for (const html of pages) {
      const guarded = guardHtml(html);
      expect(guarded.cut).toBeNull();
      expect(serialise(guarded.html)).toBe(serialise(html));
    }
  });

  it('mirrors htmlparser2: implied closes, void elements, SVG self-closing and stray end tags', () => {
    const samples = [
      '<ul><li>a<li>b</ul><p>x<p>y<div>z</div></p></p><table><tr><td>1<td>2<tr><td>3</table>',
      '<svg><path d="x"/><g><circle/></g></svg><p>after</p></title></svg><math><mi/></math>',
      '<select><option>a<option>b<optgroup><option>c</select><dl><dt>a<dd>b<dt>c</dl>',
      '<div>a</span>b</em></p></br><img></img>c</div><script>"</div><b>"</script><!-- </div> --><b>d</b>',
      '<a href="x>y"><b title=\'</b>\'>t</b></a><textarea></div><i></textarea><xmp><p></xmp>',
    ];
    for (const body of samples) {
      const html = `<html><body>${body}</body></html>`;
      expect(serialise(guardHtml(html).html)).toBe(serialise(html));
    }
    // The depth it measures is the depth linkedom builds: 512 nested SVG groups are fine, 513 are cut.
    const nested = (n: number) => `<html><body><svg>${'<g>'.repeat(n)}</svg></body></html>`;
    expect(guardHtml(nested(HTML_LIMITS.maxDepth - 3)).cut).toBeNull(); // html, body, svg + 509
    expect(guardHtml(nested(HTML_LIMITS.maxDepth - 2)).cut).toMatch(/nested deeper than 512/);
    // 5,000 self-closed SVG paths are 5,000 siblings, not 5,000 levels.
    expect(guardHtml(`<html><body><svg>${'<path d="x"/>'.repeat(5000)}</svg></body></html>`).cut).toBeNull();
  });
});

describe('hostile pages', () => {
  it('100,000 nested <div>s: cut before the 513th level, the article still read', () => {
    const parsed = expectArticle(hostileHtml.deepNesting(), /^page nested deeper than 512 elements: read the first [\d,]+ characters of 1,1\d\d,\d{3}$/);
    expect(parsed.document.querySelector('a[href="/tag/deep/"]')).toBeNull();
  });

  it('100,000 unclosed <b>: cut the same way', () => {
    expectArticle(hostileHtml.unclosedInline(), /^page nested deeper than 512 elements/);
  });

  it('1,000,000 unclosed <p> (flat, a million nodes): cut after 100,000 nodes', () => {
    const parsed = expectArticle(hostileHtml.unclosedBlocks(), /^page has more than 100,000 nodes/);
    expect(parsed.document.querySelectorAll('p').length).toBeLessThan(HTML_LIMITS.maxNodes / 2);
  });

  it('1,200,000 end tags that close nothing are left out, and the page is otherwise the same', () => {
    expectArticle(hostileHtml.strayEndTags(), null);
    const small = hostileHtml.strayEndTags(3000);
    const guarded = guardHtml(small);
    expect(guarded.html.length).toBe(small.length - 3000 * '</em>'.length);
    expect(serialise(guarded.html)).toBe(serialise(small));
  });

  it('1,000,000 entities (each its own text node): cut after 100,000 nodes', () => {
    expectArticle(hostileHtml.entityFlood(), /^page has more than 100,000 nodes/);
  });

  it('hrefs holding 50,000 spaces resolve to nothing, an href with a few spaces around it to its URL', () => {
    expectArticle(hostileHtml.spacedHrefs(), null);
    expect(canonicalUrl(`/tag/x/${' '.repeat(50_000)}x`, ARTICLE_URL)).toBeNull();
    expect(canonicalUrl(`${' '.repeat(25_000)}/tag/x/${' '.repeat(25_000)}`, ARTICLE_URL)).toBeNull();
    expect(canonicalUrl(`\n   /tag/x/ \t\u0000`, ARTICLE_URL)).toBe('http://www.securityvibes.fr/tag/x/');
    expect(canonicalUrl(`${' '.repeat(8000)}/tag/x/`, ARTICLE_URL)).toBe('http://www.securityvibes.fr/tag/x/');
  });

  it('300 nested meta-line candidates around 4 MB of text: the article and its byline still read', () => {
    const info = recognise(parseArchiveHtml(hostileHtml.nestedText()).document, ARTICLE_URL);
    expect(info.article?.tags.map((t) => t.slug)).toEqual(['apt', 'scada']);
    expect(info.article?.author).toBe('Jérôme Vasseur');
  });

  it('a page longer than 20 MB is read up to 20 MB', () => {
    const html = articleWith(`<p>${'x'.repeat(HTML_LIMITS.maxChars)}</p>`);
    const guarded = guardHtml(html);
    expect(guarded.cut).toMatch(/^page longer than 20,971,520 characters/);
    expect(guarded.html.length).toBe(HTML_LIMITS.maxChars);
  });
});

describe('the CLI on hostile files', () => {
  it('"is this HTML?" steps over a run of 1,000 empty comments (a regex backtracked exponentially on it)', () => {
    expect(looksLikeHtml(hostileFiles.commentRun())).toBe(false);
    expect(looksLikeHtml(`${'<!---->'.repeat(500)}\n<html><body>x`)).toBe(true);
    expect(looksLikeHtml(`\ufeff <!-- saved --> <!DOCTYPE html><p>x`)).toBe(true);
    expect(looksLikeHtml('<!-- a --> plain text')).toBe(true); // a comment start is HTML, as before
    expect(looksLikeHtml('plain text <b>')).toBe(false);
  });

  it('`parse` of a 100,000-deep page says it read only part of it, and prints the article', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sv-hostile-'));
    const file = join(dir, 'deep.html');
    await writeFile(file, hostileHtml.deepNesting());
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk) => (out += String(chunk)));
    stderr.on('data', (chunk) => (err += String(chunk)));
    const code = await main(['parse', file, '--url', ARTICLE_URL], { stdout, stderr: stderr as unknown as NodeJS.WriteStream });
    expect(code).toBe(0);
    expect(err).toMatch(/deep\.html: page nested deeper than 512 elements/);
    expect(JSON.parse(out).article.tags.map((t: { slug: string }) => t.slug)).toEqual(['apt', 'scada']);
  });
});
