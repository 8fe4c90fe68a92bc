/**
 * HTML text → Document in Node and in the MV3 service worker (no DOMParser there), with linkedom.
 * Not imported by the content script, which already has the browser's document.
 */
import { parseHTML } from 'linkedom';
import { lowercaseAttributeNames } from './dom-repair';

export function parseArchiveHtml(html: string): Document {
  const { document } = parseHTML(html);
  lowercaseAttributeNames(document as unknown as Document);
  return document as unknown as Document;
}
