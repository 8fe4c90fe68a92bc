/** `sv-companion parse <file.html> [--url URL] [--hosts h1,h2]`: one saved page → JSON on stdout. */
import { notArchive } from '../../lib/archive/extract';
import { recognise } from '../../lib/archive/recognise';
import { parseArchiveHtml } from '../../lib/archive/parse-html';
import type { PageInfo } from '../../lib/model/page-info';
import { httpUrlArg, parseArgs, single } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { readHtmlFile } from '../read-html';

const HELP = `usage: sv-companion parse <file.html> [--url URL] [--hosts HOST,HOST…]

Recognises one saved page and prints what it is as JSON on stdout:
  {"kind", "url", "article": {"url","title","author","category":{"slug","name"},"tags":[{"slug","name"}],
   "publishedAt","postId","excerpt"} | null,
   "listing": [{"url","title","tags":[…],"category","publishedAt"}], "next": url | null}
kind is one of article, tag, category, date, author, home, search, not-found, not-archive.

The page is recognised by its content (archive footer, SecurityVibes / Qualys Community chrome, or a
canonical / "saved from" URL on an archive host), whatever host it was saved from.

  --url URL      the address the page was saved from (resolves relative links; Wayback URLs are unwrapped).
                 Without it, the page's own canonical / "saved from" URL is used.
  --hosts LIST   archive host names, comma-separated (default www.securityvibes.fr,securityvibes.fr,magazine.qualys.fr)
  -h, --help     this help

A readable file that is no HTML page (plain text such as robots.txt, an image, an empty file) is answered
{"kind":"not-archive","reason":"not HTML …"}.

Exit codes: 0 answered (not-archive included), 2 bad arguments or an unreadable file.`;

export function hostsArg(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const hosts = value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (!hosts.length || hosts.some((h) => !/^[a-z0-9.-]+(:\d{1,5})?$/.test(h)))
    throw new UsageError(`--hosts needs host names separated by commas, got "${value.slice(0, 200)}"`);
  return hosts;
}

/** The JSON shape the issue specifies for `parse` (PageInfo without the internal fields). */
function toParseOutput(info: PageInfo) {
  const article = info.article;
  return {
    kind: info.kind,
    url: info.url,
    ...(info.kind === 'not-archive' ? { reason: info.reason } : {}),
    article: article
      ? {
          url: article.url,
          title: article.title,
          author: article.author,
          category: article.category,
          tags: article.tags,
          publishedAt: article.publishedAt,
          postId: article.postId,
          excerpt: article.excerpt,
        }
      : null,
    listing: info.listing.map((t) => ({ url: t.url, title: t.title, tags: t.tags, category: t.category, publishedAt: t.publishedAt })),
    next: info.next,
  };
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: { '--url': [], '--hosts': [] }, booleans: { '--help': ['-h'] } });
  if (args.flags.has('--help')) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.positionals.length !== 1)
    throw new UsageError(args.positionals.length ? 'parse takes exactly one file' : 'parse needs a file (see sv-companion parse --help)');
  const file = args.positionals[0] as string;
  const rawUrl = single(args, '--url');
  const url = rawUrl === undefined ? '' : httpUrlArg('--url', rawUrl);
  const hosts = hostsArg(single(args, '--hosts'));
  const read = await readHtmlFile(file);
  if (!read.ok && !read.readable) throw new UsageError(`${file}: ${read.reason}`);
  // A readable file that is no HTML page (robots.txt, an image, an empty file) is answered, not refused.
  let info;
  if (read.ok) {
    const parsed = parseArchiveHtml(read.html);
    if (parsed.cut) io.stderr.write(`sv-companion parse: ${file}: ${parsed.cut}\n`);
    info = recognise(parsed.document, url, { anyHost: true, ...(hosts ? { hosts } : {}) });
  } else info = notArchive(read.reason, url || null);
  io.stdout.write(`${JSON.stringify(toParseOutput(info), null, 2)}\n`);
  return 0;
}

export const parseCommand: Command = { name: 'parse', summary: 'recognise one saved page and print it as JSON', help: HELP, run };
