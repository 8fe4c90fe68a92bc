import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { BackupFile } from '../../../lib/model/backup';
import { generateArchive, writeMirror } from '../../fixtures/archive/index';
import { PAGES_DIR } from '../archive/helpers';

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  (stderr as unknown as PassThrough).on('data', (chunk) => (err += String(chunk)));
  const code = await main(argv, { stdout, stderr });
  return { code, out, err };
}

describe('sv-companion parse', () => {
  it("prints the issue's JSON shape", async () => {
    const { code, out } = await run(['parse', join(PAGES_DIR, 'classic-article.html'), '--url', 'http://www.securityvibes.fr/menaces/stuxnet-iran-confirme/']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['kind', 'url', 'article', 'listing', 'next']);
    expect(Object.keys(json.article)).toEqual(['url', 'title', 'author', 'category', 'tags', 'publishedAt', 'postId', 'excerpt']);
    expect(json.article.tags.map((t: { slug: string }) => t.slug)).toEqual(['iran', 'scada', 'stuxnet']);
  });

  it('recognises a saved page by content without --url', async () => {
    const { code, out } = await run(['parse', join(PAGES_DIR, 'saved-httrack-article.html')]);
    expect(code).toBe(0);
    expect(JSON.parse(out).url).toBe('http://www.securityvibes.fr/juridique/hadopi-premiers-courriels/');
  });

  it.each([
    [['parse', '--bogus'], /unknown option --bogus/],
    [['parse'], /needs a file/],
    [['parse', '/nonexistent/x.html'], /unreadable/],
    [['parse', join(PAGES_DIR, 'classic-article.html'), '--url', 'javascript:alert(1)'], /absolute http\(s\) URL/],
    [['nope'], /unknown command/],
  ])('%j → one line on stderr, exit 2', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('answers not-archive (exit 0) for readable files that are no HTML page: binary, plain text, empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sv-cli-'));
    await writeFile(join(dir, 'x.bin'), Buffer.from([0, 1, 2, 3, 0, 255]));
    await writeFile(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /wp-admin/\nSitemap: http://www.securityvibes.fr/sitemap.xml\n');
    await writeFile(join(dir, 'empty.html'), '');
    for (const [name, reason] of [
      ['x.bin', /not HTML \(binary\)/],
      ['robots.txt', /^not HTML$/],
      ['empty.html', /not HTML \(empty file\)/],
    ] as const) {
      const { code, out, err } = await run(['parse', join(dir, name)]);
      expect(code, name).toBe(0);
      expect(err, name).toBe('');
      const json = JSON.parse(out) as { kind: string; reason: string; article: unknown };
      expect(json.kind, name).toBe('not-archive');
      expect(json.reason, name).toMatch(reason);
      expect(json.article, name).toBeNull();
    }
  });

  it('--help for every command', async () => {
    for (const argv of [['--help'], ['parse', '--help'], ['index', '--help'], ['help', 'index']]) {
      const { code, out } = await run(argv);
      expect(code).toBe(0);
      expect(out).toMatch(/usage: sv-companion/);
    }
  });
});

describe('sv-companion index', () => {
  const archive = generateArchive({ seed: 44, articles: 40 });
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sv-mirror-'));
    await writeMirror(archive, dir);
    await writeFile(join(dir, 'notes.txt'), 'not a page');
    // What a real mirror also holds: a post's second comment page and its attachment (image) page.
    const post = archive.articles[0]!;
    const html = archive.render(post.path).body.replace(/<link rel="canonical"[^>]*>/i, '');
    await mkdir(join(dir, archive.host, post.path, 'comment-page-2'), { recursive: true });
    await writeFile(join(dir, archive.host, post.path, 'comment-page-2', 'index.html'), html);
    await mkdir(join(dir, archive.host, post.path, 'schema-1'), { recursive: true });
    const attachment = html.replace(/<body( class="[^"]*")?/i, '<body class="attachment single single-attachment postid-90001 attachmentid-90001"');
    await writeFile(join(dir, archive.host, post.path, 'schema-1', 'index.html'), attachment);
  }, 120_000);

  it('walks a wget mirror and writes a valid backup-format index with every article, merged', async () => {
    const out = join(dir, 'index.json');
    const { code, err } = await run(['index', dir, '-o', out, '--quiet']);
    expect(code).toBe(0);
    const file = BackupFile.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(file.generator).toBe('sv-companion index');
    expect(file.articles.map((a) => a.url).sort()).toEqual(archive.articles.map((a) => a.url).sort());
    for (const truth of archive.articles) {
      const record = file.articles.find((a) => a.url === truth.url);
      expect(record).toMatchObject({
        title: truth.title,
        tags: truth.tags,
        category: truth.category,
        detail: 'article',
        tagsComplete: true,
        postId: truth.postId,
      });
    }
    expect(err).toMatch(/Pages read: \d+/);
    expect(err).toMatch(/Articles: 40 \(40 from their own page/);
    expect(err).toMatch(/Skipped: \d+ — .*not a page/);
    expect(err).toMatch(/attachment/);
  }, 180_000);

  it('listing teasers alone give teaser records with the tags the markup carries', async () => {
    const tagPath = `/tag/${archive.tags[0]?.slug}/`;
    const file = join(dir, 'tag-only.html');
    await writeFile(file, archive.render(tagPath).body);
    const out = join(dir, 'teasers.json');
    const { code } = await run(['index', file, '-o', out, '--quiet', '--base-url', `http://www.securityvibes.fr${tagPath}`]);
    expect(code).toBe(0);
    const records = BackupFile.parse(JSON.parse(await readFile(out, 'utf8'))).articles;
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const truth = archive.articles.find((a) => a.url === record.url);
      expect(record.detail).toBe('teaser');
      expect(record.tags).toEqual(truth?.tags);
      expect(record.tagsComplete).toBe(true);
    }
  }, 60_000);
});
