import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { relatedCommand } from '../../../cli/commands/related';
import { articleMeta, articlePage, tag, testStore, url } from './helpers';

async function runCli(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await relatedCommand.run(argv, { stdout, stderr: stderr as unknown as NodeJS.WriteStream }).catch((error: Error) => ((err += error.message), 2));
  return { code, out, err };
}

describe('sv-companion related', () => {
  it('prints the same ranking as the extension store, from an index file', async () => {
    const { store } = testStore();
    await store.indexPages([
      articlePage(articleMeta('a', { tags: [tag('common'), tag('rare')] })),
      articlePage(articleMeta('b', { tags: [tag('common')] })),
      articlePage(articleMeta('c', { tags: [tag('rare')] })),
      articlePage(articleMeta('d', { tags: [tag('common')] })),
    ]);
    await store.saveNote({ url: url('c'), rating: 2 });
    const file = join(mkdtempSync(join(tmpdir(), 'svc-')), 'index.json');
    writeFileSync(file, JSON.stringify(await store.exportBackup('test')));
    const { code, out } = await runCli([url('a'), '--index', file, '--limit', '2']);
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    expect(printed).toEqual(await store.related(url('a'), 2));
    expect(printed.map((item: { url: string }) => item.url)).toEqual([url('c'), url('b')]);
    expect(printed[0].rating).toBe(2);
    expect((await runCli([url('zzz'), '--index', file])).code).toBe(3);
    expect((await runCli([url('a'), '--index', file, '--limit', '0'])).code).toBe(2);
    const bad = join(mkdtempSync(join(tmpdir(), 'svc-')), 'bad.json');
    writeFileSync(bad, '{"format":"securityvibes-companion","version":99}');
    expect(await runCli([url('a'), '--index', bad])).toMatchObject({ code: 2, err: expect.stringMatching(/newer version/) });
  });
});
