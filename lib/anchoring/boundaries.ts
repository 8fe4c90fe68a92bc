/**
 * Between DOM boundary points (a selection's start and end) and offsets in a TextModel's text. A
 * boundary may sit in a text node, between elements, or inside a skipped box: it moves to the nearest
 * text the model reads, forward for a start and backward for an end.
 */
import { isSkippedElement, isSpace, rawOffsetOf, textOffsetOf, type TextModel } from './text-model';

/** What a selection's Range offers (a real Range satisfies it; tests can pass a plain object). */
export interface BoundaryRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** A walk never visits more than this many nodes looking for the model's next text. */
const MAX_STEPS = 200_000;

function contains(root: Node, node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode) if (current === root) return true;
  return false;
}

/** True when `node` is inside the model's root and in no box the model skips. */
export function isReadable(model: TextModel, node: Node): boolean {
  let current: Node | null = node;
  for (let depth = 0; current && depth < 10_000; depth++) {
    if (current === model.root) return true;
    if (current.nodeType === 1 && isSkippedElement(current as Element, model.postLevel)) return false;
    current = current.parentNode;
  }
  return false;
}

/** The next node in page order after `node`'s subtree (null past the root). */
function nextOutside(root: Node, node: Node): Node | null {
  let current: Node | null = node;
  while (current && current !== root && !current.nextSibling) current = current.parentNode;
  return current && current !== root ? current.nextSibling : null;
}

/** Text offset of the first model character at or after `node` (pre-order from it). */
function offsetFrom(model: TextModel, node: Node | null): number {
  let current = node;
  for (let steps = 0; current && steps < MAX_STEPS; steps++) {
    const i = model.index.get(current);
    if (i !== undefined) return model.starts[i] as number;
    current = current.firstChild ?? nextOutside(model.root, current);
  }
  return model.text.length;
}

/** The last node in page order inside `node`'s subtree, or `node`. */
function lastDescendant(node: Node): Node {
  let current = node;
  for (let steps = 0; current.lastChild && steps < MAX_STEPS; steps++) current = current.lastChild;
  return current;
}

/** Text offset just after the last model character at or before `node` (reverse pre-order). */
function offsetUntil(model: TextModel, node: Node | null): number {
  let current = node;
  for (let steps = 0; current && current !== model.root && steps < MAX_STEPS; steps++) {
    const i = model.index.get(current);
    if (i !== undefined) return model.ends[i] as number;
    current = current.previousSibling ? lastDescendant(current.previousSibling) : current.parentNode;
  }
  return 0;
}

function startOffset(model: TextModel, container: Node, offset: number): number {
  const i = model.index.get(container);
  if (i !== undefined) return textOffsetOf(model, i, offset);
  if (container.nodeType === 3) return offsetFrom(model, nextOutside(model.root, container));
  const child = container.childNodes[offset];
  return offsetFrom(model, child ?? nextOutside(model.root, container));
}

function endOffset(model: TextModel, container: Node, offset: number): number {
  const i = model.index.get(container);
  if (i !== undefined) return textOffsetOf(model, i, offset);
  if (container.nodeType === 3) return offsetUntil(model, container.previousSibling ? lastDescendant(container.previousSibling) : container.parentNode);
  const before = offset > 0 ? container.childNodes[offset - 1] : null;
  if (before) return offsetUntil(model, lastDescendant(before));
  return offsetUntil(model, container.previousSibling ? lastDescendant(container.previousSibling) : container.parentNode);
}

export type RangeOffsets = { ok: true; start: number; end: number } | { ok: false; reason: 'outside' | 'empty' };

/**
 * The text offsets a selection covers, trimmed of surrounding spaces. A selection that starts or ends
 * outside the article body (or in a box the body does not count) is refused.
 */
export function offsetsOfRange(model: TextModel, range: BoundaryRange): RangeOffsets {
  if (!contains(model.root, range.startContainer) || !contains(model.root, range.endContainer)) return { ok: false, reason: 'outside' };
  if (!isReadable(model, range.startContainer) || !isReadable(model, range.endContainer)) return { ok: false, reason: 'outside' };
  let start = startOffset(model, range.startContainer, range.startOffset);
  let end = endOffset(model, range.endContainer, range.endOffset);
  while (start < end && isSpace(model.text.charAt(start))) start++;
  while (end > start && isSpace(model.text.charAt(end - 1))) end--;
  return start < end ? { ok: true, start, end } : { ok: false, reason: 'empty' };
}

/** Index of the node holding text offset `offset` (the last node whose start ≤ offset), by bisection. */
function nodeAt(model: TextModel, offset: number): number {
  let lo = 0;
  let hi = model.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((model.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** DOM points for text offsets [start, end): start on the first character, end after the last one. */
export function pointsOf(model: TextModel, start: number, end: number): { start: DomPoint; end: DomPoint } | null {
  if (!model.nodes.length || start < 0 || end > model.text.length || start >= end) return null;
  let first = nodeAt(model, start);
  // A start on the space between two nodes belongs to the next node's first character.
  if (start >= (model.ends[first] as number) && first + 1 < model.nodes.length) first++;
  let last = nodeAt(model, end - 1);
  if (end - 1 < (model.starts[last] as number) && last > 0) last--;
  return {
    start: { node: model.nodes[first] as Text, offset: rawOffsetOf(model, first, Math.max(start, model.starts[first] as number), false) },
    end: { node: model.nodes[last] as Text, offset: rawOffsetOf(model, last, Math.min(end, model.ends[last] as number), true) },
  };
}
