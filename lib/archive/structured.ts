/**
 * Layer 1 — structured data in the head: JSON-LD (also inside @graph), OpenGraph `og:*` and
 * `article:*`, `rel=canonical`, `rel=shortlink`. Later archive pages (SEO plugins) carry these; the
 * oldest carry none, and then the next layers answer.
 */
import { cleanText } from './text';

export interface StructuredData {
  canonical: string | null;
  ogUrl: string | null;
  shortlink: string | null;
  ogType: string | null;
  siteName: string | null;
  title: string | null;
  description: string | null;
  publishedTime: string | null;
  section: string | null;
  tags: string[];
  author: string | null;
}

const MAX_JSON_CHARS = 200_000;
const MAX_JSON_NODES = 2_000;
const ARTICLE_TYPES = /^(article|newsarticle|blogposting|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|techarticle|scholarlyarticle)$/i;

function meta(doc: Document, attr: 'property' | 'name', key: string): string | null {
  const el = doc.querySelector(`meta[${attr}="${key}"]`);
  const value = el?.getAttribute('content');
  return value ? value.slice(0, 4000) : null;
}

function metaAll(doc: Document, key: string, max: number): string[] {
  const out: string[] = [];
  const list = doc.querySelectorAll(`meta[property="${key}"]`);
  for (let i = 0; i < list.length && out.length < max; i++) {
    const value = cleanText((list[i] as Element).getAttribute('content') ?? '', 200);
    if (value) out.push(value);
  }
  return out;
}

function linkRel(doc: Document, rel: string): string | null {
  const list = doc.querySelectorAll('link[rel]');
  for (let i = 0; i < list.length && i < 200; i++) {
    const el = list[i] as Element;
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.includes(rel)) return el.getAttribute('href');
  }
  return null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function asText(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object') return asText(value.name ?? value['@value'] ?? null);
  return null;
}

function typesOf(node: { [key: string]: Json }): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/** The first Article-like node in the JSON-LD scripts, walked iteratively with a node budget. */
function jsonLdArticle(doc: Document): { [key: string]: Json } | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < 10; i++) {
    const raw = (scripts[i] as Element).textContent ?? '';
    if (raw.length > MAX_JSON_CHARS) continue;
    let data: Json;
    try {
      data = JSON.parse(raw) as Json;
    } catch {
      continue;
    }
    const stack: Json[] = [data];
    for (let seen = 0; stack.length && seen < MAX_JSON_NODES; seen++) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        for (const child of node.slice(0, 200)) stack.push(child);
      } else if (node && typeof node === 'object') {
        if (typesOf(node).some((t) => ARTICLE_TYPES.test(t))) return node;
        if (Array.isArray(node['@graph'])) stack.push(node['@graph']);
      }
    }
  }
  return null;
}

function keywordsOf(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.split(',').map((k) => cleanText(k, 200)).filter(Boolean).slice(0, 100);
  if (Array.isArray(value)) return value.map((k) => cleanText(asText(k) ?? '', 200)).filter(Boolean).slice(0, 100);
  return [];
}

export function readStructured(doc: Document): StructuredData {
  const ld = jsonLdArticle(doc);
  const ogTags = metaAll(doc, 'article:tag', 100);
  const ldTags = ld ? keywordsOf(ld.keywords) : [];
  const ogAuthor = meta(doc, 'property', 'article:author');
  return {
    canonical: linkRel(doc, 'canonical'),
    ogUrl: meta(doc, 'property', 'og:url'),
    shortlink: linkRel(doc, 'shortlink'),
    ogType: meta(doc, 'property', 'og:type'),
    siteName: meta(doc, 'property', 'og:site_name'),
    title: (ld ? asText(ld.headline ?? ld.name) : null) ?? meta(doc, 'property', 'og:title'),
    description: meta(doc, 'property', 'og:description') ?? meta(doc, 'name', 'description'),
    publishedTime: (ld ? asText(ld.datePublished ?? ld.dateCreated) : null) ?? meta(doc, 'property', 'article:published_time'),
    section: (ld ? asText(ld.articleSection) : null) ?? meta(doc, 'property', 'article:section'),
    tags: ogTags.length ? ogTags : ldTags,
    // article:author is usually a profile URL, which is not a name.
    author: (ld ? asText(ld.author) : null) ?? (ogAuthor && !/^https?:/i.test(ogAuthor) ? ogAuthor : null),
  };
}
