import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { recognise, type RecogniseOptions } from '../../../lib/archive/recognise';
import type { PageInfo } from '../../../lib/model/page-info';

export const PAGES_DIR = join(import.meta.dirname, '../../fixtures/pages');

export function page(name: string): string {
  return readFileSync(join(PAGES_DIR, name), 'utf8');
}

/** A linkedom document exactly as the CLI and the service worker get it (no attribute-case repair). */
export function linkedomDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A happy-dom document, for checking that another standards DOM gives the same answer. */
export function happyDoc(html: string, url = 'http://localhost/'): Document {
  const window = new Window({ url });
  const parser = new window.DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

export function recogniseHtml(html: string, url: string, options?: RecogniseOptions): PageInfo {
  return recognise(linkedomDoc(html), url, options);
}

/** Every URL anywhere in a PageInfo (to prove none is non-http(s)). */
export function urlsOf(info: PageInfo): string[] {
  const out: string[] = [];
  if (info.url) out.push(info.url);
  if (info.next) out.push(info.next);
  if (info.article) out.push(info.article.url);
  for (const teaser of info.listing) out.push(teaser.url);
  return out;
}
