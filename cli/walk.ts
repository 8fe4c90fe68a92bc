/**
 * Saved mirrors on disk → (file, URL) pairs. wget and HTTrack write `host/path/index.html`; wget keeps
 * query strings in file names (`index.html?p=123`). With --base-url the path below the root becomes
 * the URL path (a leading directory named like the base host is dropped); without it a first
 * directory that looks like a host name gives the host. Otherwise the page must say where it came
 * from (canonical link, "saved from" or HTTrack note).
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const MAX_FILES = 500_000;
const HTML_FILE = /\.(html?|php|asp)(\?.*)?$|\/[^./]+$|^[^./]+$/i;

export interface PageFile {
  path: string;
  /** Path below the root it was found in, with '/' separators. */
  relativePath: string;
}

/** Every file under `dir` (iterative, symlinks not followed, capped). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length && out.length < MAX_FILES) {
    const current = stack.pop() as string;
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) out.push(full);
    }
  }
  return out.sort();
}

export function isProbablyPage(relativePath: string): boolean {
  return HTML_FILE.test(relativePath);
}

export function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

const HOST_DIR = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i;

/** The URL a saved file stood for, or null when the layout does not say. */
export function urlForFile(relativePath: string, baseUrl: string | null): string | null {
  let path = relativePath.replace(/^\.\/+/, '');
  let query = '';
  const q = path.indexOf('?');
  if (q >= 0) {
    query = path.slice(q).replace(/\.html?$/i, '');
    path = path.slice(0, q);
  }
  const segments = path.split('/').filter(Boolean);
  let origin: string | null = null;
  let prefix = '';
  if (baseUrl) {
    const base = new URL(baseUrl);
    origin = base.origin;
    prefix = base.pathname.replace(/\/$/, '');
    if (segments[0] && segments[0].toLowerCase() === base.host.toLowerCase()) segments.shift();
  } else if (segments.length > 1 && HOST_DIR.test(segments[0] ?? '')) {
    origin = `http://${(segments.shift() as string).toLowerCase()}`;
  }
  if (!origin) return null;
  const last = segments[segments.length - 1] ?? '';
  if (/^index\.(html?|php)$/i.test(last)) segments.pop();
  const trailing = segments.length === 0 || /^index\.(html?|php)$/i.test(last) || !/\.[a-z0-9]{2,5}$/i.test(last) ? '/' : '';
  const pathPart = segments.map((s) => encodeURI(s)).join('/');
  try {
    return new URL(`${origin}${prefix}/${pathPart}${pathPart && trailing ? '/' : ''}${query}`).href;
  } catch {
    return null;
  }
}
