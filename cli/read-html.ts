/** Reads a saved page: size cap, "is this HTML at all?" sniffing, and the charset of old pages. */
import { readFile, stat } from 'node:fs/promises';

const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/** `readable`: the file was read but is no HTML page (plain text, an image, empty) — an answer, not an error. */
export type ReadResult = { ok: true; html: string } | { ok: false; reason: string; readable?: true };

/** Old archive pages and Windows-saved copies are often ISO-8859-1 / windows-1252. */
function charsetOf(head: string): string {
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head);
  const charset = (match?.[1] ?? 'utf-8').toLowerCase();
  if (/^(iso-?8859-1|iso-?8859-15|latin-?1|windows-1252|cp1252)$/.test(charset)) return 'windows-1252';
  return 'utf-8';
}

// Sticky: tested where the page's first tag starts, after whitespace and comments.
const HTML_START = /<(!doctype\s+html|html|head|body|meta|title|div|table|p|link|script|style|base|center|font|!--)[\s>]/iy;

/**
 * True when the first 4 KB start like HTML (after a BOM, whitespace and comments) or hold `<html`.
 * Comments are stepped over with indexOf: the regex `^\s*(?:<!--[\s\S]*?-->\s*)*<…` it replaces
 * backtracked exponentially over a run of `<!---->` (22 of them: 0.16 s, each one more doubling it).
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.replace(/^\ufeff/, '').slice(0, 4096);
  let at = 0;
  for (;;) {
    while (at < head.length && /\s/.test(head[at] as string)) at++;
    HTML_START.lastIndex = at;
    if (HTML_START.test(head)) return true;
    const end = head.startsWith('<!--', at) ? head.indexOf('-->', at + 4) : -1;
    if (end < 0) break;
    at = end + 3;
  }
  return /<html[\s>]/i.test(head);
}

export async function readHtmlFile(path: string): Promise<ReadResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: 'not a file' };
    size = info.size;
  } catch (error) {
    return { ok: false, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (size > MAX_PAGE_BYTES) return { ok: false, reason: `larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB` };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'not HTML (empty file)', readable: true };
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, reason: 'not HTML (binary)', readable: true };
  const head = bytes.subarray(0, 4096).toString('latin1');
  const html = new TextDecoder(charsetOf(head)).decode(bytes);
  if (!looksLikeHtml(html)) return { ok: false, reason: 'not HTML', readable: true };
  return { ok: true, html };
}
