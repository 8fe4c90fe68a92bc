/**
 * Is this page from the SecurityVibes archive, judging by content alone? Used when the user asks about
 * a page on another host (popup "Check this page" on a mirror, the CLI on saved files). Strong signals:
 * the archive's footer sentence, SecurityVibes / Qualys Community chrome (site name, logo, feed title),
 * and a canonical / og:url / "saved from" / HTTrack note pointing to an archive host. Being WordPress or
 * French is never enough: the meta-line wording alone ("auteur de l'article …") is shared by other blogs.
 */
import { canonicalUrl } from './canonical-url';
import { isArchiveHost, hostOf } from './hosts';
import type { StructuredData } from './structured';
import { MAX_LINE, metaLineCandidates } from './text-patterns';
import { boundedText, fold } from './text';

const FOOTER_SENTENCE = /ce site est une archive des (messages|articles)|archive des messages (a|de) securityvibes/;
const SITE_NAMES = /security\s?vibes|qualys community|communaute qualys/;

export interface Identity {
  archive: boolean;
  /** Why a page is not the archive (empty when it is). */
  reason: string;
  /** The original URL a saved copy says it came from (canonical, og:url, "saved from", HTTrack). */
  original: string | null;
  signals: string[];
}

/** "<!-- saved from url=(0052)http://… -->" (browsers) and "<!-- Mirrored from host/path by HTTrack …" */
function savedFromComment(doc: Document): string | null {
  const roots: (Node | null)[] = [doc, doc.documentElement, doc.head, doc.body];
  for (const root of roots) {
    let seen = 0;
    for (let node = root?.firstChild ?? null; node && seen < 40; node = node.nextSibling, seen++) {
      if (node.nodeType !== 8) continue;
      const value = (node.nodeValue ?? '').slice(0, 3000);
      const saved = /saved from url=\(\d+\)\s*(\S+)/i.exec(value);
      if (saved?.[1]) return saved[1];
      const mirrored = /Mirrored from\s+(\S+)\s+by HTTrack/i.exec(value);
      if (mirrored?.[1]) return /^https?:\/\//i.test(mirrored[1]) ? mirrored[1] : `http://${mirrored[1]}`;
    }
  }
  return null;
}

function firstOnArchive(candidates: (string | null)[], hosts: readonly string[]): string | null {
  for (const candidate of candidates) {
    const url = canonicalUrl(candidate, undefined, hosts);
    const host = url ? hostOf(url) : null;
    if (url && host && isArchiveHost(host, hosts)) return url;
  }
  return null;
}

const HEADER_SELECTOR =
  '#header, #masthead, .site-header, #logo, .logo, .site-title, #site-title, #blog-title, .blog-title, #branding, #title, #bandeau, #entete';
const FOOTER_SELECTOR = '#footer, footer, .footer, #colophon, .site-info, .credits, #bottom, #pied, #copyright, #pied-de-page';
/** A title segment that is exactly the site name ("… | SecurityVibes"), not an article about it. */
const TITLE_SITE = /^(security\s?vibes|qualys community|communaute qualys)(\s*[-:|»].{0,60})?$/;

function textOf(doc: Document, selector: string, max: number): string {
  const parts: string[] = [];
  const list = doc.querySelectorAll(selector);
  for (let i = 0; i < list.length && i < max; i++) parts.push(boundedText(list[i] as Element, 800));
  return fold(parts.join(' | '));
}

/** Text of the body's first and last few blocks, for a notice outside any footer markup. */
function edgesOfBody(doc: Document): string {
  const children = doc.body?.children;
  if (!children) return '';
  const parts: string[] = [];
  const n = children.length;
  for (let i = 0; i < n; i++) {
    if (i < 3 || i >= n - 5) parts.push(boundedText(children[i] as Element, 1500));
  }
  return fold(parts.join(' | '));
}

/** Site name in the header, the logo, the feed titles or as the site segment of <title>. */
function hasSiteChrome(doc: Document, siteName: string | null): boolean {
  if (SITE_NAMES.test(fold(siteName ?? ''))) return true;
  const segments = fold(doc.title.slice(0, 400)).split(/\s+[|»\-–—:]+\s+|\s*::\s*/);
  if (segments.length > 1 && segments.some((segment) => TITLE_SITE.test(segment.trim()))) return true;
  if (segments.length === 1 && TITLE_SITE.test((segments[0] ?? '').trim())) return true;
  if (SITE_NAMES.test(textOf(doc, HEADER_SELECTOR, 8))) return true;
  const labels = doc.querySelectorAll('link[rel="alternate"][title], img[alt][src*="logo"], #logo img[alt], .logo img[alt]');
  for (let i = 0; i < labels.length && i < 10; i++) {
    const el = labels[i] as Element;
    if (SITE_NAMES.test(fold(`${el.getAttribute('title') ?? ''} ${el.getAttribute('alt') ?? ''}`.slice(0, 300)))) return true;
  }
  return false;
}

/** The original archive URL a copy names (canonical, og:url, "saved from", HTTrack note), or null. */
export function originalUrlOf(doc: Document, structured: StructuredData, hosts: readonly string[]): string | null {
  return firstOnArchive([structured.canonical, structured.ogUrl, savedFromComment(doc)], hosts);
}

/** True when a meta line in scope uses the archive's wording ("auteur de l'article", "dans la rubrique"). */
function hasArchiveWording(scope: Element | null, postLevel: boolean): boolean {
  if (!scope) return false;
  for (const el of metaLineCandidates(scope, postLevel, 300)) {
    const line = boundedText(el, MAX_LINE + 1);
    if (line.length < 6 || line.length > MAX_LINE) continue;
    const folded = fold(line);
    if (folded.includes('dans la rubrique') || folded.includes("auteur de l'article")) return true;
  }
  return false;
}

const NO_SIGNAL = 'no archive signal: no archive footer, SecurityVibes chrome or archive URL (a French WordPress page alone is not the archive)';

/** Judges a page on another host by content alone (only needed off the archive hosts). */
export function readIdentity(doc: Document, structured: StructuredData, hosts: readonly string[], wordingScope: Element | null, postLevel: boolean): Identity {
  const signals: string[] = [];
  const original = originalUrlOf(doc, structured, hosts);
  if (original) signals.push('original-url');
  if (FOOTER_SENTENCE.test(textOf(doc, FOOTER_SELECTOR, 6)) || FOOTER_SENTENCE.test(edgesOfBody(doc))) signals.push('footer-sentence');
  if (hasSiteChrome(doc, structured.siteName)) signals.push('site-chrome');
  if (!signals.length && hasArchiveWording(wordingScope, postLevel)) {
    // The wording counts only alongside the archive's links: a page that talks like the archive and
    // links to its rubriques and tags on an archive host.
    const links = doc.querySelectorAll('a[href*="securityvibes.fr"], a[href*="magazine.qualys.fr"]');
    if (links.length >= 3) signals.push('wording-and-links');
  }
  return { archive: signals.length > 0, reason: signals.length ? '' : NO_SIGNAL, original, signals };
}
