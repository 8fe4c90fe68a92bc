/**
 * Draws an article's highlights with the CSS Custom Highlight API: Ranges registered in CSS.highlights
 * and styled with ::highlight(), so the page's text nodes are never wrapped or changed (the page's own
 * scripts and styles see the same DOM as before). Mark/MarkText are the system colours of <mark>:
 * readable on light and dark pages alike.
 */
import { anchorSelectors } from '@/lib/anchoring/anchor';
import { pointsOf, type DomPoint } from '@/lib/anchoring/boundaries';
import { buildTextModel, type TextModel } from '@/lib/anchoring/text-model';
import { articleBody } from '@/lib/archive/article-body';
import type { HighlightPlace } from '@/lib/model/highlight';

export const HIGHLIGHT_NAME = 'sv-highlight';
export const FLASH_NAME = 'sv-highlight-flash';
const STYLE = `::highlight(${HIGHLIGHT_NAME}){background-color:Mark;color:MarkText}::highlight(${FLASH_NAME}){background-color:Highlight;color:HighlightText}`;

/** The parts of the browser the painter uses (a real window, or a test's stand-in). */
export interface PaintHost {
  document: Document;
  highlights: { set(name: string, value: unknown): unknown; delete(name: string): unknown };
  makeHighlight(ranges: Range[]): unknown;
  makeRange(start: DomPoint, end: DomPoint): Range;
}

/** The host of a live page: its document, CSS.highlights, Highlight and Range. */
export function pageHost(doc: Document): PaintHost {
  return {
    document: doc,
    highlights: CSS.highlights,
    makeHighlight: (ranges) => new Highlight(...ranges),
    makeRange: (start, end) => {
      const range = doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      return range;
    },
  };
}

export interface Painted {
  model: TextModel | null;
  ranges: Map<string, Range>;
  /** Highlights whose words are not on this page (listed in the panel, never drawn elsewhere). */
  orphans: string[];
}

const styled = new WeakSet<Document>();
/** The ::highlight() rules, once per page, as a constructed sheet of the page's own window (no element added). */
function addStyle(doc: Document): void {
  const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
  if (styled.has(doc) || !Sheet) return;
  const sheet = new Sheet();
  sheet.replaceSync(STYLE);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  styled.add(doc);
}

/** Anchors every place in the article body and registers the found ones as one highlight. */
export function paint(host: PaintHost, places: readonly HighlightPlace[]): Painted {
  const body = articleBody(host.document);
  const painted: Painted = { model: null, ranges: new Map(), orphans: [] };
  if (!body) {
    painted.orphans = places.map((p) => p.id);
    return painted;
  }
  const model = buildTextModel(body.element, body.postLevel);
  painted.model = model;
  for (const place of places) {
    const found = anchorSelectors(model.text, place.selectors);
    const points = found && pointsOf(model, found.start, found.end);
    if (!points) {
      painted.orphans.push(place.id);
      continue;
    }
    painted.ranges.set(place.id, host.makeRange(points.start, points.end));
  }
  addStyle(host.document);
  host.highlights.set(HIGHLIGHT_NAME, host.makeHighlight([...painted.ranges.values()]));
  return painted;
}

/** The highlight under a point of the page (a click), if any. */
export function highlightAt(painted: Painted, node: Node, offset: number): string | null {
  for (const [id, range] of painted.ranges) {
    try {
      if (range.isPointInRange(node, offset)) return id;
    } catch {
      // a point in another document or a detached node is in no highlight
    }
  }
  return null;
}

/**
 * The highlight drawn under a point of the viewport (a click), if any, by the boxes of its words: it needs
 * no comparison of DOM points across worlds (Firefox's content-script sandbox sees the page's nodes
 * through wrappers, where a caret's node and a range's node do not always compare).
 */
export function highlightAtPoint(painted: Painted, x: number, y: number): string | null {
  for (const [id, range] of painted.ranges) {
    for (const box of range.getClientRects()) {
      if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return id;
    }
  }
  return null;
}

/** Scrolls a highlight into view and flashes it for a moment. */
export function flash(host: PaintHost, painted: Painted, id: string, ms = 1200): boolean {
  const range = painted.ranges.get(id);
  if (!range) return false;
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  host.highlights.set(FLASH_NAME, host.makeHighlight([range]));
  setTimeout(() => host.highlights.delete(FLASH_NAME), ms);
  return true;
}
