/**
 * HTML text → Document in Node and in the MV3 service worker (no DOMParser there), with linkedom, after
 * html-guard has bounded its size, node count and depth (linkedom is quadratic in depth).
 * Not imported by the content script, which already has the browser's document.
 */
import { parseHTML } from 'linkedom';
import { lowercaseAttributeNames } from './dom-repair';
import { guardHtml } from './html-guard';

export interface ParsedHtml {
  document: Document;
  /** Why only part of the text was parsed (say it to the reader or the log), or null. */
  cut: string | null;
}

export function parseArchiveHtml(html: string): ParsedHtml {
  const guarded = guardHtml(html);
  const { document } = parseHTML(guarded.html);
  lowercaseAttributeNames(document as unknown as Document);
  return { document: document as unknown as Document, cut: guarded.cut };
}
