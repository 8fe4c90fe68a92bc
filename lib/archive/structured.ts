/**
 * Layer 1 — structured data in the head: JSON-LD (also inside @graph), OpenGraph `og:*` and
 * `article:*`, `rel=canonical`, `rel=shortlink`. Later archive pages (SEO plugins) carry these; the
 * oldest carry none, and then the next layers answer.
 */
import { byTagWhere } from './query';
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
  /** The `article:tag` and `article:section` metas alone: the site's own names (JSON-LD keywords are often lower-cased). */
  metaTags: string[];
  metaSection: string | null;
}

const MAX_JSON_CHARS = 200_000;
const MAX_JSON_NODES = 2_000;
// schema.org Article and every subtype named …Article (NewsArticle, ReportageNewsArticle, TechArticle,
// ScholarlyArticle…), BlogPosting and LiveBlogPosting.
const ARTICLE_TYPES = /^\w*(article|blogposting)$/i;

/** Every <meta property/name> and <link rel> of the page, read in one pass (each query is a tree walk). */
interface HeadIndex {
  meta: Map<string, string[]>;
  links: Map<string, string>;
}

function indexHead(doc: Document): HeadIndex {
  const meta = new Map<string, string[]>();
  const links = new Map<string, string>();
  const root = doc.head ?? doc.documentElement;
  const list = root ? root.querySelectorAll('meta[content], link[rel][href]') : [];
  for (let i = 0; i < list.length && i < 500; i++) {
    const el = list[i] as Element;
    if (el.tagName.toLowerCase() === 'link') {
      for (const rel of (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)) if (rel && !links.has(rel)) links.set(rel, el.getAttribute('href') ?? '');
      continue;
    }
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
    if (!key) continue;
    const values = meta.get(key) ?? [];
    if (values.length < 100) values.push((el.getAttribute('content') ?? '').slice(0, 4000));
    meta.set(key, values);
  }
  return { meta, links };
}

function meta(head: HeadIndex, key: string): string | null {
  return head.meta.get(key)?.[0] || null;
}

function metaAll(head: HeadIndex, key: string, max: number): string[] {
  return (head.meta.get(key) ?? [])
    .map((v) => cleanText(v, 200))
    .filter(Boolean)
    .slice(0, max);
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
  const scripts = byTagWhere(doc, 'script', (el) => (el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json', 10);
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
  if (typeof value === 'string')
    return value
      .split(',')
      .map((k) => cleanText(k, 200))
      .filter(Boolean)
      .slice(0, 100);
  if (Array.isArray(value))
    return value
      .map((k) => cleanText(asText(k) ?? '', 200))
      .filter(Boolean)
      .slice(0, 100);
  return [];
}

export function readStructured(doc: Document): StructuredData {
  const head = indexHead(doc);
  const ld = jsonLdArticle(doc);
  const ogTags = metaAll(head, 'article:tag', 100);
  const ldTags = ld ? keywordsOf(ld.keywords) : [];
  const ogAuthor = meta(head, 'article:author');
  const metaSection = meta(head, 'article:section');
  return {
    canonical: head.links.get('canonical') ?? null,
    ogUrl: meta(head, 'og:url'),
    shortlink: head.links.get('shortlink') ?? null,
    ogType: meta(head, 'og:type'),
    siteName: meta(head, 'og:site_name'),
    title: (ld ? asText(ld.headline ?? ld.name) : null) ?? meta(head, 'og:title'),
    description: meta(head, 'og:description') ?? meta(head, 'description'),
    publishedTime: (ld ? asText(ld.datePublished ?? ld.dateCreated) : null) ?? meta(head, 'article:published_time'),
    section: (ld ? asText(ld.articleSection) : null) ?? metaSection,
    tags: ogTags.length ? ogTags : ldTags,
    // article:author is usually a profile URL, which is not a name.
    author: (ld ? asText(ld.author) : null) ?? (ogAuthor && !/^https?:/i.test(ogAuthor) ? ogAuthor : null),
    metaTags: ogTags,
    metaSection,
  };
}
