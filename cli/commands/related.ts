/** `sv-companion related <url> --index index.json [--limit N]`: the extension's ranking, from an index file. */
import { readFile } from 'node:fs/promises';
import { parseBackup, relatedFromRecords } from '../../lib/db';
import { CodedError } from '../../lib/protocol/result';
import { httpUrlArg, parseArgs, single } from '../args';
import { UsageError, type CliIo, type Command } from '../command';

const HELP = `usage: sv-companion related <url> --index index.json [--limit N]

Prints the articles related to <url> as a JSON array, best first, exactly as the extension ranks them:
  [{"url","title","publishedAt","category":{"slug","name"}|null,"sharedTags":[{"slug","name"}],"score","rating"}]
Shared tags weigh by rarity (inverse document frequency); ties go to the same rubrique, then the nearest
date, then the URL. An article without tags gets its rubrique's articles nearest in date (score 0).

  --index FILE   an index or backup file (written by \`sv-companion index\` or the extension's export)
  --limit N      how many (1–50, default 8)
  -h, --help     this help

Exit codes: 0 printed, 2 bad arguments or unreadable / invalid index file, 3 the URL is not in the index.`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: { '--index': [], '--limit': [] }, booleans: { '--help': ['-h'] } });
  if (args.flags.has('--help')) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('related needs exactly one article URL (see sv-companion related --help)');
  const url = httpUrlArg('<url>', args.positionals[0] as string);
  const indexPath = single(args, '--index');
  if (!indexPath) throw new UsageError('related needs --index FILE');
  const limitText = single(args, '--limit') ?? '8';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new UsageError(`--limit must be a whole number from 1 to 50, got "${limitText.slice(0, 20)}"`);
  let text: string;
  try {
    text = await readFile(indexPath, 'utf8');
  } catch (error) {
    throw new UsageError(`${indexPath}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let file;
  try {
    file = parseBackup(text);
  } catch (error) {
    throw new UsageError(`${indexPath}: ${error instanceof CodedError ? error.message : String(error)}`);
  }
  if (!file.articles.some((article) => article.url === url)) {
    io.stderr.write(`${url} is not in the index\n`);
    return 3;
  }
  const ratings = new Map(file.notes.map((note) => [note.url, note.rating]));
  io.stdout.write(`${JSON.stringify(relatedFromRecords(file.articles, url, limit, ratings), null, 2)}\n`);
  return 0;
}

export const relatedCommand: Command = { name: 'related', summary: 'articles related to one, ranked by shared rare tags (JSON)', help: HELP, run };
