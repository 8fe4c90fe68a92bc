/**
 * Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), JSON-LD that annotation
 * tools read: one Annotation per highlight, its target the article's URL with a TextQuoteSelector and a
 * TextPositionSelector, its body the reader's note (purpose "commenting") and the article's tags
 * (purpose "tagging"). Reading such a file back gives highlights again (other tools' too, when they
 * carry a TextQuoteSelector on an http(s) page).
 */
import { Highlight, HIGHLIGHT_LIMITS, HighlightId, HttpUrl, TextPositionSelector, TextQuoteSelector, type Tag } from '../model';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body: TextualBody[];
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

export function toWebAnnotation(highlight: Highlight, tags: readonly Tag[]): WebAnnotation {
  const body: TextualBody[] = [];
  if (highlight.note) body.push({ type: 'TextualBody', value: highlight.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of tags) body.push({ type: 'TextualBody', value: tag.name, purpose: 'tagging' });
  return {
    id: `urn:uuid:${highlight.id}`,
    type: 'Annotation',
    motivation: highlight.note ? 'commenting' : 'highlighting',
    created: new Date(highlight.createdAt).toISOString(),
    modified: new Date(highlight.updatedAt).toISOString(),
    body,
    target: { source: highlight.url, selector: [highlight.selectors.quote, highlight.selectors.position] },
  };
}

/** Every highlight in one AnnotationCollection (sorted by article, then by place: reproducible output). */
export function highlightsToWebAnnotations(highlights: readonly Highlight[], tagsOf: (url: string) => readonly Tag[], label: string): string {
  const sorted = [...highlights].sort((a, b) => (a.url !== b.url ? (a.url < b.url ? -1 : 1) : a.selectors.position.start - b.selectors.position.start));
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: sorted.length,
    first: { type: 'AnnotationPage', items: sorted.map((h) => toWebAnnotation(h, tagsOf(h.url))) },
  };
  return JSON.stringify(collection, null, 2);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** The annotations of a collection, a page, an array or a single annotation (at most `max`). */
function annotationsIn(document: unknown, max: number): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    for (const item of asArray(value)) {
      if (found.length >= max || !isObject(item)) continue;
      if (item.type === 'Annotation') found.push(item);
      else if (item.type === 'AnnotationCollection') visit(item.first);
      else if (item.type === 'AnnotationPage') visit(item.items);
    }
  };
  visit(document);
  return found;
}

function time(value: unknown, fallback: number): number {
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(parsed) && parsed >= 0 ? Math.min(parsed, fallback) : fallback;
}

function idOf(value: unknown, index: number, now: number): string {
  const raw = typeof value === 'string' ? value.replace(/^urn:uuid:/, '').replace(/^.*[/#]/, '') : '';
  const id = HighlightId.safeParse(raw);
  return id.success ? id.data : `imported-${now.toString(36)}-${index}`;
}

export interface ParsedAnnotations {
  highlights: Highlight[];
  /** Annotations left out (no http(s) target, no usable TextQuoteSelector, too long), with why. */
  skipped: number;
}

/**
 * Highlights from a Web Annotation document. Untrusted input: every field is checked with the store's
 * own schemas; `now` caps times from the future. The position, when a file has none, is the quote's
 * length at 0: anchoring then relies on the quote and its context.
 */
export function parseWebAnnotations(json: string, now: number): ParsedAnnotations {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return { highlights: [], skipped: 0 };
  }
  return annotationsToHighlights(document, now);
}

/** Whether parsed JSON is a Web Annotation document (an annotation, a page, a collection, or a list of them). */
export function isAnnotationDocument(document: unknown): boolean {
  return asArray(document).some(
    (item) => isObject(item) && (item.type === 'Annotation' || item.type === 'AnnotationCollection' || item.type === 'AnnotationPage'),
  );
}

/** parseWebAnnotations for JSON already parsed (the options page's import reads both file formats). */
export function annotationsToHighlights(document: unknown, now: number): ParsedAnnotations {
  const highlights: Highlight[] = [];
  let skipped = 0;
  annotationsIn(document, 100_000).forEach((annotation, index) => {
    const target = asArray(annotation.target).find(isObject);
    const selectors = target ? asArray(target.selector).filter(isObject) : [];
    const quoteSelector = selectors.find((s) => s.type === 'TextQuoteSelector');
    // Other tools may leave out prefix and suffix: an empty context is what they mean.
    const quote = TextQuoteSelector.safeParse(quoteSelector ? { prefix: '', suffix: '', ...quoteSelector } : undefined);
    const url = HttpUrl.safeParse(target?.source);
    if (!quote.success || !url.success) {
      skipped++;
      return;
    }
    const given = TextPositionSelector.safeParse(selectors.find((s) => s.type === 'TextPositionSelector'));
    const position = given.success ? given.data : { type: 'TextPositionSelector' as const, start: 0, end: quote.data.exact.length };
    const note = asArray(annotation.body)
      .filter(isObject)
      .filter((body) => body.purpose !== 'tagging' && typeof body.value === 'string')
      .map((body) => body.value as string)
      .join('\n\n')
      .slice(0, HIGHLIGHT_LIMITS.note);
    const created = time(annotation.created, now);
    const checked = Highlight.safeParse({
      id: idOf(annotation.id, index, now),
      url: url.data,
      selectors: { quote: quote.data, position },
      note,
      createdAt: created,
      updatedAt: Math.max(created, time(annotation.modified, now)),
    });
    if (checked.success) highlights.push(checked.data);
    else skipped++;
  });
  return { highlights, skipped };
}
