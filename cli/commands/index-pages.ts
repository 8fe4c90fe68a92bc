/**
 * `sv-companion index <dir|files…> [--base-url URL] -o index.json`: parses every page of a saved
 * mirror, merges what listing teasers and article pages say about each article (lib/db/merge.ts, the
 * same merge the extension's store uses: the article page wins for its fields, teasers fill gaps), and
 * writes the extension's backup/index file format.
 */
import { stat, writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { recognise } from '../../lib/archive/recognise';
import { parseArchiveHtml } from '../../lib/archive/parse-html';
import { MemoryIndex } from '../../lib/db/memory-index';
import { BACKUP_FORMAT, BACKUP_LIMITS, BACKUP_VERSION, BackupFile } from '../../lib/model/backup';
import { httpUrlArg, parseArgs, single } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { progressBar } from '../progress';
import { readHtmlFile } from '../read-html';
import { hostsArg } from './parse';
import { isProbablyPage, listFiles, relativeTo, urlForFile, type PageFile } from '../walk';

const HELP = `usage: sv-companion index <dir|file.html…> -o index.json [--base-url URL] [--hosts HOST,HOST…] [--quiet]

Walks saved copies of the archive (a wget / HTTrack mirror: host/path/index.html, or single saved
pages), recognises every page, merges what listing pages and article pages say about each article,
and writes an index in the extension's backup file format (importable from the options page).

  -o, --output FILE  where to write the index (required; "-" for stdout)
  --base-url URL     the address the mirror root stood for (e.g. http://www.securityvibes.fr/). Without it,
                     a first directory named like a host gives the host, else each page's canonical /
                     "saved from" URL is used.
  --hosts LIST       archive host names, comma-separated (default www.securityvibes.fr,securityvibes.fr,magazine.qualys.fr)
  -q, --quiet        no progress bar
  -h, --help         this help

A progress bar and a summary (pages read, articles, tags, pages read only in part or skipped, and why)
go to stderr.
Exit codes: 0 written, 2 bad arguments, unreadable input or nothing to index.`;

async function collectInputs(inputs: string[]): Promise<PageFile[]> {
  const files: PageFile[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      throw new UsageError(`${input}: unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (info.isDirectory()) {
      const root = resolvePath(input);
      for (const path of await listFiles(root)) files.push({ path, relativePath: relativeTo(root, path) });
    } else {
      files.push({ path: input, relativePath: relativeTo(process.cwd(), resolvePath(input)) });
    }
  }
  return files;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: { '--output': ['-o'], '--base-url': [], '--hosts': [] },
    booleans: { '--help': ['-h'], '--quiet': ['-q'] },
  });
  if (args.flags.has('--help')) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!args.positionals.length) throw new UsageError('index needs a directory or files (see sv-companion index --help)');
  const out = single(args, '--output');
  if (!out) throw new UsageError('index needs -o <index.json>');
  const rawBase = single(args, '--base-url');
  const baseUrl = rawBase === undefined ? null : httpUrlArg('--base-url', rawBase);
  const hosts = hostsArg(single(args, '--hosts'));
  const explicit = new Set(args.positionals.map((p) => resolvePath(p)));

  const files = await collectInputs(args.positionals);
  const progress = progressBar(io.stderr, files.length, args.flags.has('--quiet') || out === '-');
  const index = new MemoryIndex();
  const skipped = new Map<string, number>();
  const kinds = new Map<string, number>();
  const partial = new Map<string, number>();
  const now = Date.now();
  let read = 0;
  for (const file of files) {
    progress.tick();
    const isExplicit = explicit.has(resolvePath(file.path));
    if (!isExplicit && !isProbablyPage(file.relativePath)) {
      count(skipped, 'not a page (file type)');
      continue;
    }
    const page = await readHtmlFile(file.path);
    if (!page.ok) {
      if (isExplicit) throw new UsageError(`${file.path}: ${page.reason}`);
      count(skipped, page.reason);
      continue;
    }
    read++;
    const url = urlForFile(file.relativePath, baseUrl) ?? '';
    const parsed = parseArchiveHtml(page.html);
    // "page nested deeper than 512 elements: read the first …": counted by limit, not by file.
    if (parsed.cut) count(partial, parsed.cut.split(':')[0] ?? parsed.cut);
    const info = recognise(parsed.document, url, { anyHost: true, ...(hosts ? { hosts } : {}) });
    count(kinds, info.kind);
    if (info.kind === 'not-archive' || info.kind === 'not-found') {
      count(skipped, info.kind === 'not-found' ? "the archive's 404 page" : `not an archive page (${(info.reason ?? '').slice(0, 80)})`);
      continue;
    }
    index.addPage(info, now, BACKUP_LIMITS.articles);
  }
  progress.done();
  index.settle();

  const articles = [...index.records.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    generator: 'sv-companion index',
    articles,
    vocabulary: index.vocabulary.all(),
    notes: [],
    trash: [],
    settings: null,
  };
  const checked = BackupFile.safeParse(backup);
  if (!checked.success) throw new UsageError(`internal error: the index does not match the backup format (${checked.error.issues[0]?.message ?? 'invalid'})`);
  const json = `${JSON.stringify(checked.data)}\n`;
  if (out === '-') io.stdout.write(json);
  else await writeFile(out, json);

  const tags = new Set(articles.flatMap((a) => a.tags.map((t) => t.slug)));
  const full = articles.filter((a) => a.detail === 'article').length;
  const lines = [
    `Pages read: ${read} of ${files.length} files (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'})`,
    `Articles: ${articles.length} (${full} from their own page, ${articles.length - full} from listing teasers only)`,
    `Tags: ${tags.size}`,
    partial.size ? `Read in part: ${[...partial].map(([why, n]) => `${n} ${why}`).join('; ')}` : '',
    `Skipped: ${[...skipped.values()].reduce((a, b) => a + b, 0)}${skipped.size ? ` — ${[...skipped].map(([why, n]) => `${n} ${why}`).join('; ')}` : ''}`,
    out === '-' ? '' : `Index written to ${out}`,
  ];
  io.stderr.write(`${lines.filter(Boolean).join('\n')}\n`);
  if (!articles.length) {
    io.stderr.write('sv-companion index: no archive article found\n');
    return 2;
  }
  return 0;
}

export const indexCommand: Command = { name: 'index', summary: 'index a saved mirror of the archive into an importable file', help: HELP, run };
