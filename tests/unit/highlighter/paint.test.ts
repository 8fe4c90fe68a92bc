// @vitest-environment happy-dom
/**
 * The content side's painter on a real article page (happy-dom): every place found is registered as a
 * Range on the same words, an absent quote is an orphan, the page's DOM is left exactly as it was.
 */
import { describe, expect, it, vi } from 'vitest';
import { FLASH_NAME, HIGHLIGHT_NAME, flash, highlightAt, highlightAtPoint, paint, type PaintHost } from '../../../entrypoints/archive-page/highlights/paint';
import { pointsOf, type DomPoint } from '../../../lib/anchoring/boundaries';
import { describe as describeText } from '../../../lib/anchoring/selectors';
import { contentOf, modelOf, parse, renderAs } from '../anchoring/article-pages';

function host(doc: Document) {
  const registry = new Map<string, unknown>();
  // A Range stand-in that keeps its boundary points (happy-dom's Range mis-orders points in parsed documents).
  let made = 0;
  const makeRange = (start: DomPoint, end: DomPoint, row = made++) =>
    ({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
      isPointInRange: (node: Node, offset: number) => node === start.node && offset >= start.offset && (start.node !== end.node || offset <= end.offset),
      // One box per range, each on its own row, for the point test.
      getClientRects: () => [{ left: 10, right: 60, top: 40 * row, bottom: 40 * row + 20 }],
    }) as unknown as Range;
  const painter: PaintHost = {
    document: doc,
    highlights: { set: (name, value) => registry.set(name, value), delete: (name) => registry.delete(name) },
    makeHighlight: (ranges) => ranges,
    makeRange,
  };
  return { painter, registry };
}

describe('paint', () => {
  it('registers ranges on the highlighted words without touching the page, and lists orphans', () => {
    const content = contentOf(4);
    const doc = parse(renderAs(content, 'classic', 'classic'), 'happy-dom');
    const before = doc.documentElement.outerHTML;
    const text = modelOf(doc).text;
    const first = describeText(text, 10, 40);
    const second = describeText(text, 200, 260);
    const gone = describeText('Une phrase qui ne figure pas dans cet article du tout.', 4, 30);
    const { painter, registry } = host(doc);
    const painted = paint(painter, [
      { id: 'hl-first-01', selectors: first },
      { id: 'hl-second-1', selectors: second },
      { id: 'hl-gone-001', selectors: gone },
    ]);
    expect(painted.orphans).toEqual(['hl-gone-001']);
    // On the words the selectors were made from (the points those offsets map to; text-model.test proves the mapping).
    const model = modelOf(doc);
    for (const [id, [start, end]] of [
      ['hl-first-01', [10, 40]],
      ['hl-second-1', [200, 260]],
    ] as const) {
      const range = painted.ranges.get(id) as Range;
      const points = pointsOf(model, start, end);
      expect([range.startContainer, range.startOffset, range.endContainer, range.endOffset]).toEqual([
        points?.start.node,
        points?.start.offset,
        points?.end.node,
        points?.end.offset,
      ]);
    }
    expect(registry.get(HIGHLIGHT_NAME)).toEqual([...painted.ranges.values()]);
    expect(doc.documentElement.outerHTML).toBe(before);
    const range = painted.ranges.get('hl-second-1') as Range;
    expect(highlightAt(painted, range.startContainer, range.startOffset)).toBe('hl-second-1');
    expect(highlightAt(painted, doc.body, 0)).toBeNull();
    const box = range.getClientRects()[0]!;
    expect(highlightAtPoint(painted, box.left + 5, box.top + 5)).toBe('hl-second-1');
    expect(highlightAtPoint(painted, box.right + 5, box.top + 5)).toBeNull();
  });

  it('flashes a highlight, then lets it go', () => {
    vi.useFakeTimers();
    const content = contentOf(4);
    const doc = parse(renderAs(content, 'legacy', 'legacy'), 'happy-dom');
    const text = modelOf(doc).text;
    const { painter, registry } = host(doc);
    const painted = paint(painter, [{ id: 'hl-first-01', selectors: describeText(text, 5, 25) }]);
    expect(flash(painter, painted, 'hl-first-01')).toBe(true);
    expect(registry.has(FLASH_NAME)).toBe(true);
    vi.advanceTimersByTime(1500);
    expect(registry.has(FLASH_NAME)).toBe(false);
    expect(flash(painter, painted, 'hl-missing1')).toBe(false);
    vi.useRealTimers();
  });
});
