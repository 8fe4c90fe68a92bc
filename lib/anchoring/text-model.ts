/**
 * The text highlights are anchored in: the article body's text nodes in page order, skipping what is
 * never part of the article (scripts, styles, and the boxes lib/archive's scope rules exclude: share bars,
 * related posts, comments), with every run of whitespace — and every block or line boundary — read as one
 * space, trimmed at both ends. Entities, upper- or lower-case tags, a table layout or re-indented HTML all
 * give the same text, so a selector made on one copy of an article fits every other copy.
 *
 * Works on any DOM (browser, linkedom, happy-dom): only nodeType, tagName, childNodes, parentNode and
 * nodeValue are read. The walk is iterative (a hostile page can nest 100,000 elements).
 */
import { isExcludedBox } from '../archive/scope';

/** Elements whose text is never the article's. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'SELECT', 'TEXTAREA', 'BUTTON']);
/** Elements that break a line where they start and end: words on either side never run together. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'IMG',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
/** The whitespace lib/archive's collapse() folds: ASCII, no-break, typographic spaces, zero-width. */
export const WHITESPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const ONE_SPACE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]$/;

/** Hostile pages: the walk stops after this many nodes and this much text. */
const MAX_NODES = 2_000_000;
const MAX_TEXT = 20_000_000;

export interface TextModel {
  /** The body element the text was read from. */
  root: Element;
  postLevel: boolean;
  /** The normalised text (the coordinates of every selector). */
  text: string;
  /** Text nodes that contribute characters, in page order. */
  nodes: Text[];
  /** Offset in `text` of each node's first character. */
  starts: number[];
  /** Offset in `text` just after each node's last character. */
  ends: number[];
  /** Node → its index in `nodes`. */
  index: Map<Node, number>;
}

export function isSpace(char: string): boolean {
  return ONE_SPACE.test(char);
}

function tagOf(node: Node): string {
  return (node as Element).tagName ? (node as Element).tagName.toUpperCase() : '';
}

/** True when an element below the root is never read (a script, or a box the scope rules exclude). */
export function isSkippedElement(el: Element, postLevel: boolean): boolean {
  return SKIPPED.has(tagOf(el)) || isExcludedBox(el, postLevel);
}

export function buildTextModel(root: Element, postLevel: boolean): TextModel {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const index = new Map<Node, number>();
  let length = 0;
  let pendingSpace = false;
  let visited = 0;

  const breakLine = () => {
    if (length > 0) pendingSpace = true;
  };
  const addText = (node: Text) => {
    const raw = node.nodeValue ?? '';
    if (!raw) return;
    const squeezed = raw.replace(WHITESPACE, ' ');
    const lead = squeezed.charCodeAt(0) === 32;
    const trail = squeezed.length > 1 && squeezed.charCodeAt(squeezed.length - 1) === 32;
    const core = squeezed.slice(lead ? 1 : 0, trail ? -1 : undefined);
    if (!core || core === ' ') {
      if (squeezed.length && length > 0) pendingSpace = true;
      return;
    }
    if ((pendingSpace || lead) && length > 0) {
      parts.push(' ');
      length += 1;
    }
    index.set(node, nodes.length);
    nodes.push(node);
    starts.push(length);
    parts.push(core);
    length += core.length;
    ends.push(length);
    pendingSpace = trail;
  };

  // Iterative pre-order walk; block elements add a line break where they open and where they close (a
  // skipped box that is a block still separates the words around it).
  let current: Node | null = root.firstChild;
  while (current && visited < MAX_NODES && length < MAX_TEXT) {
    visited++;
    let descend = false;
    if (current.nodeType === 3) addText(current as Text);
    else if (current.nodeType === 1) {
      const el = current as Element;
      if (BLOCKS.has(tagOf(el))) breakLine();
      descend = !!el.firstChild && !isSkippedElement(el, postLevel);
    }
    if (descend) {
      current = current.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing blocks on the way up.
    while (current && current !== root && !current.nextSibling) {
      current = current.parentNode;
      if (current && current !== root && BLOCKS.has(tagOf(current))) breakLine();
    }
    if (!current || current === root) break;
    current = current.nextSibling;
  }
  return { root, postLevel, text: parts.join(''), nodes, starts, ends, index };
}

/**
 * Calls `visit(raw index, text offset)` for each character of node `i` that is in the text, in order,
 * until it returns true. Whitespace inside the node counts as the one space it became.
 */
function eachChar(model: TextModel, i: number, visit: (raw: number, offset: number) => boolean): void {
  const raw = (model.nodes[i] as Text).nodeValue ?? '';
  let pos = model.starts[i] as number;
  let seen = false;
  let gap = false;
  for (let r = 0; r < raw.length; r++) {
    if (isSpace(raw.charAt(r))) {
      gap = seen;
      continue;
    }
    if (gap) pos++;
    gap = false;
    seen = true;
    if (visit(r, pos)) return;
    pos++;
  }
}

/** Where the boundary before raw offset `rawOffset` of node `i` falls in the model's text. */
export function textOffsetOf(model: TextModel, i: number, rawOffset: number): number {
  let answer = model.ends[i] as number;
  eachChar(model, i, (raw, offset) => {
    if (raw < rawOffset) return false;
    answer = offset;
    return true;
  });
  return answer;
}

/**
 * The raw offset in node `i` for text offset `offset` (starts[i] ≤ offset ≤ ends[i]): for a start, the
 * first character at or after it; for an end (`after`), just after the last character before it.
 */
export function rawOffsetOf(model: TextModel, i: number, offset: number, after: boolean): number {
  let answer = after ? 0 : ((model.nodes[i] as Text).nodeValue ?? '').length;
  eachChar(model, i, (raw, at) => {
    if (after) {
      if (at >= offset) return true;
      answer = raw + 1;
      return false;
    }
    if (at < offset) return false;
    answer = raw;
    return true;
  });
  return answer;
}
