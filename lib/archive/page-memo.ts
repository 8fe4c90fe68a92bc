/**
 * Answers remembered for the length of one extraction only: a page's links repeat the same few URLs
 * (rubrique, tags, menu) and the scope walks of its links climb the same ancestors. Kept for one
 * synchronous extractPage() call and dropped after it, so a page that changes is read afresh next time
 * and nothing carries over from one page to another.
 */
import type { UrlShape } from './page-kind';

interface PageMemo {
  shapes: Map<string, UrlShape>;
  /** Element → isExcludedBox answers: bit 1 page level known, 2 its value, 4 post level known, 8 its value. */
  boxes: Map<Element, number>;
}

let active: PageMemo | null = null;

export function withPageMemo<T>(run: () => T): T {
  const outer = active;
  active = { shapes: new Map(), boxes: new Map() };
  try {
    return run();
  } finally {
    active = outer;
  }
}

export function pageMemo(): PageMemo | null {
  return active;
}
