import { readFileSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFile } from '@/lib/model';
import { readStateFile } from '@/cli/commands/crawl-state-file';
import { parseConnectTo } from '@/cli/commands/crawl-http';
import { generateArchive, type Archive } from '@/tests/fixtures/archive/index';
import { startArchiveServer, type ArchiveServer } from '@/tests/fixtures/server';

const CLI = join(process.cwd(), 'cli/sv-companion.mjs');

function run(args: string[], killAfter?: (stderr: string) => boolean): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const maybeKill = () => {
      if (killAfter?.(stderr)) child.kill('SIGKILL');
    };
    // Checked on output and on a timer: the condition may come true (a file written) while nothing is printed.
    const timer = killAfter ? setInterval(maybeKill, 10) : null;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      maybeKill();
    });
    child.on('close', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/** Pages the CLI's state file marks done (fetched and no longer queued); 0 while there is no file yet. */
function savedProgress(path: string): number {
  let text: string;
  try {
    if (statSync(path).mtimeMs === lastSeen.mtime) return lastSeen.done;
    lastSeen.mtime = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch {
    return 0;
  }
  try {
    const { checkpoint } = JSON.parse(text) as { checkpoint: { seen: string[]; queue: { url: string }[] } | null };
    const queued = new Set(checkpoint?.queue.map((job) => job.url) ?? []);
    lastSeen.done = (checkpoint?.seen ?? []).filter((url) => !queued.has(url)).length;
  } catch {
    lastSeen.done = 0;
  }
  return lastSeen.done;
}
const lastSeen = { mtime: -1, done: 0 };

describe('sv-companion crawl (through the CLI, 2,000 articles, all markup families)', () => {
  let archive: Archive;
  let server: ArchiveServer;
  let dir: string;
  beforeAll(async () => {
    archive = generateArchive({ seed: 41, articles: 2000 });
    server = await startArchiveServer({ archive });
    dir = await mkdtemp(join(tmpdir(), 'sv-crawl-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('parses curl-style --connect-to', () => {
    expect(parseConnectTo('www.securityvibes.fr:80:127.0.0.1:8080')).toEqual({ host: 'www.securityvibes.fr', port: 80, addr: '127.0.0.1', addrPort: 8080 });
    expect(parseConnectTo('::[::1]:')).toEqual({ host: '', port: null, addr: '::1', addrPort: null });
    expect(parseConnectTo('nonsense')).toBeNull();
  });

  it('killed with SIGKILL mid-crawl, resumes to the full index without fetching again what its state file marked done', async () => {
    const out = join(dir, 'index.json');
    const args = ['crawl', 'http://www.securityvibes.fr/', '-o', out, '--delay', '0', '--connect-to', `www.securityvibes.fr:80:127.0.0.1:${server.port}`];
    server.requests.length = 0;
    // Killed once the state file (written about once a second, and first at the very start) holds real
    // progress: a request count or the file's mere existence raced those writes on fast and slow machines.
    const killed = await run(args, () => savedProgress(`${out}.crawl-state.json`) > 5);
    expect(killed.signal).toBe('SIGKILL');
    const saved = await readStateFile(`${out}.crawl-state.json`);
    expect(saved?.checkpoint.state).toBe('running');
    const queued = new Set(saved!.checkpoint.queue.map((job) => job.url));
    const done = new Set(saved!.checkpoint.seen.filter((url) => !queued.has(url)).map((url) => new URL(url).pathname + new URL(url).search));
    expect(done.size).toBeGreaterThan(5);
    const firstRun = server.requests.length;

    const resumed = await run(args);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming the crawl saved in/);
    expect(resumed.stderr).toMatch(/Indexed 2000 articles \(2000 with their full tags\)/);
    const again = server.requests
      .slice(firstRun)
      .map((r) => r.path)
      .filter((path) => done.has(path));
    expect(again).toEqual([]);

    const index = BackupFile.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(index.generator).toBe('sv-companion crawl');
    const byUrl = new Map(index.articles.map((a) => [a.url, a.tags.map((t) => `${t.slug}:${t.name}`).join('|')]));
    expect(byUrl.size).toBe(2000);
    expect(archive.articles.filter((a) => byUrl.get(a.url) !== a.tags.map((t) => `${t.slug}:${t.name}`).join('|'))).toEqual([]);
    await expect(readFile(`${out}.crawl-state.json`)).rejects.toThrow();
  }, 180_000);

  it('reports errors on one line with exit code 2', async () => {
    const bad = await run(['crawl', 'ftp://x/', '-o', join(dir, 'x.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const down = await run([
      'crawl',
      'http://www.securityvibes.fr/',
      '-o',
      join(dir, 'y.json'),
      '--delay',
      '0',
      '--quiet',
      '--connect-to',
      'www.securityvibes.fr:80:127.0.0.1:1',
    ]);
    expect(down.code).toBe(2);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/sv-companion crawl: Paused: 12 requests in a row failed/);
  }, 180_000);
});
