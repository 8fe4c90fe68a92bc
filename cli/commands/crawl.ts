/**
 * `sv-companion crawl <base-url> -o index.json [--delay ms] [--concurrency n]
 *   [--connect-to HOST:PORT:ADDR:PORT]… [--refresh] [--fresh] [--timeout ms] [--quiet]`
 * Builds the index of a whole archive with lib/crawl and writes it in the backup/index file format.
 * A killed run resumes from `<index>.crawl-state.json` when started again with the same arguments.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { recognise } from '../../lib/archive';
import { Crawler, systemClock } from '../../lib/crawl';
import { MemoryCrawlStore } from '../crawl-store';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupFile, type ArticleRecord, type CrawlStatus, type VocabTerm } from '../../lib/model';
import { httpUrlArg, parseArgs, single } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { nodeFetch, parseConnectTo, type ConnectTo } from './crawl-http';
import { formatDuration, progressReporter } from './crawl-progress';
import { readStateFile, removeStateFile, stateFileFor, writeStateFile } from './crawl-state-file';

const CRAWL_USAGE =
  'sv-companion crawl <base-url> -o index.json [--delay ms] [--concurrency 1-4] [--connect-to HOST:PORT:ADDR:PORT] [--refresh] [--fresh] [--timeout ms] [--quiet]';

export interface CrawlArgs {
  baseUrl: string;
  out: string;
  delayMs: number;
  concurrency: number;
  connectTo: ConnectTo[];
  mode: 'full' | 'refresh';
  fresh: boolean;
  timeoutMs: number;
  quiet: boolean;
}

const int = (flag: string, value: string | undefined, dflt: number, min: number, max: number): number => {
  if (value === undefined) return dflt;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${flag} needs a whole number from ${min} to ${max}`);
  return n;
};

export function parseCrawlArgs(argv: readonly string[]): CrawlArgs {
  const args = parseArgs(argv, {
    values: { '--output': ['-o'], '--delay': [], '--concurrency': [], '--connect-to': [], '--timeout': [] },
    booleans: { '--refresh': [], '--fresh': [], '--quiet': ['-q'] },
  });
  const [base, ...extra] = args.positionals;
  if (!base) throw new UsageError('missing <base-url>');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const out = single(args, '--output');
  if (!out) throw new UsageError('missing -o <index.json>');
  const connectTo = (args.values.get('--connect-to') ?? []).map((raw) => {
    const rule = parseConnectTo(raw);
    if (!rule) throw new UsageError(`--connect-to needs HOST:PORT:ADDR:PORT, got "${raw.slice(0, 100)}"`);
    return rule;
  });
  return {
    baseUrl: httpUrlArg('<base-url>', base),
    out,
    delayMs: int('--delay', single(args, '--delay'), 1000, 0, 60_000),
    concurrency: int('--concurrency', single(args, '--concurrency'), 1, 1, 4),
    timeoutMs: int('--timeout', single(args, '--timeout'), 20_000, 100, 600_000),
    connectTo,
    mode: args.flags.has('--refresh') ? 'refresh' : 'full',
    fresh: args.flags.has('--fresh'),
    quiet: args.flags.has('--quiet'),
  };
}

async function readIndexArticles(path: string): Promise<{ articles: ArticleRecord[]; vocabulary: VocabTerm[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { articles: [], vocabulary: [] };
  }
  const parsed = BackupFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path} is not an index file; refusing to overwrite it`);
  return { articles: parsed.data.articles, vocabulary: parsed.data.vocabulary ?? [] };
}

/** Runs the command; returns the exit code (0 done, 2 error, 130 interrupted — resumable). */
export async function runCrawl(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCrawlArgs(argv);
  const statePath = stateFileFor(args.out);
  const fetch = nodeFetch(args.connectTo);
  try {
    const saved = args.fresh ? null : await readStateFile(statePath);
    const resumable =
      saved &&
      saved.checkpoint.baseUrl === new URL(args.baseUrl).href &&
      saved.checkpoint.mode === args.mode &&
      ['running', 'paused'].includes(saved.checkpoint.state);
    const initial = resumable
      ? saved
      : { checkpoint: null, ...(args.mode === 'refresh' ? await readIndexArticles(args.out) : { articles: [], vocabulary: [] }) };
    let lastWrite = 0;
    const store = new MemoryCrawlStore(Date.now, initial, async (s) => {
      if (Date.now() - lastWrite < 1000 && s.checkpoint?.state === 'running') return;
      lastWrite = Date.now();
      await writeStateFile(statePath, { checkpoint: s.checkpoint, articles: s.articles.values(), vocabulary: s.index.vocabulary.all() });
    });
    const progress = progressReporter(io.stderr, args.quiet);
    const crawler = new Crawler(
      {
        fetch,
        parseHtml: (html) => parseHTML(html).document as unknown as Document,
        recognise,
        clock: systemClock,
        store,
        onProgress: (s) => progress.update(s),
      },
      { baseUrl: args.baseUrl, delayMs: args.delayMs, concurrency: args.concurrency, limits: { timeoutMs: args.timeoutMs } },
    );
    if (resumable && !args.quiet)
      io.stderr.write(`Resuming the crawl saved in ${statePath} (${saved.checkpoint.counts.pagesFetched} pages already fetched).\n`);
    const started = Date.now();
    await (resumable ? crawler.resume() : crawler.start(args.mode));
    let interrupted = false;
    const interrupt = io.interrupted ?? new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    void interrupt.then(() => {
      interrupted = true;
      void crawler.pause();
    });
    const status = await crawler.settled();
    progress.end();
    await writeStateFile(statePath, { checkpoint: store.checkpoint, articles: store.articles.values(), vocabulary: store.index.vocabulary.all() });
    if (interrupted) {
      io.stderr.write(`Interrupted: the crawl is saved in ${statePath}; run the same command again to resume.\n`);
      return 130;
    }
    if (status.state !== 'done') {
      io.stderr.write(`sv-companion crawl: ${status.message ?? `crawl ended ${status.state}`} (progress saved in ${statePath})\n`);
      return 2;
    }
    await writeIndex(args.out, [...store.articles.values()], store.index.vocabulary.all());
    await removeStateFile(statePath);
    io.stderr.write(summary(status, store, Date.now() - started, args.out));
    const skipped = (await crawler.log(1000)).filter((entry) => !/retrying in/.test(entry.reason));
    for (const entry of skipped.slice(0, 10)) io.stderr.write(`  skipped ${entry.url}: ${entry.reason}\n`);
    if (skipped.length > 10) io.stderr.write(`  … and ${skipped.length - 10} more\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`sv-companion crawl: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    fetch.close();
  }
}

async function writeIndex(path: string, articles: ArticleRecord[], vocabulary: VocabTerm[]): Promise<void> {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    generator: 'sv-companion crawl',
    articles: articles.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
    vocabulary,
    notes: [],
    trash: [],
    settings: null,
  };
  const checked = BackupFile.safeParse(file);
  if (!checked.success) throw new Error('the index does not match the backup file format');
  await writeFile(path, `${JSON.stringify(checked.data)}\n`);
}

function summary(status: CrawlStatus, store: MemoryCrawlStore, ms: number, out: string): string {
  const requests = store.checkpoint?.counts.requests ?? 0;
  const complete = [...store.articles.values()].filter((a) => a.tagsComplete).length;
  const perArticle = status.articlesIndexed > 0 ? (requests / status.articlesIndexed).toFixed(3) : '–';
  return `Indexed ${store.articles.size} articles (${complete} with their full tags) from ${status.pagesFetched} pages in ${formatDuration(ms)}: ${requests} requests (${perArticle} per article), ${status.errors} skipped. Wrote ${out}.\n`;
}

export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'build the whole index from the archive site, politely (resumable)',
  help: `usage: ${CRAWL_USAGE}

Crawls the archive at <base-url> (robots.txt and sitemaps, the paginated home, rubrique and tag
listings, article pages only when a teaser does not show the tags) and writes the index file.
  -o, --output FILE    the index to write (backup/index file format)
  --delay MS           pause between requests (default 1000)
  --concurrency N      requests at once, 1 to 4 (default 1)
  --connect-to H:P:A:Q send requests for host H port P to address A port Q (like curl); URLs, the
                       Host header and the index keep the archive's real name
  --timeout MS         per-request timeout (default 20000)
  --refresh            read the listing pages only, stopping at articles FILE already has
  --fresh              ignore a saved crawl and start again
  -q, --quiet          no progress bar
A crawl interrupted (Ctrl-C, a kill) is saved in FILE.crawl-state.json and resumed by running the
same command again. Exit codes: 0 done, 2 error, 130 interrupted.`,
  run: runCrawl,
};
