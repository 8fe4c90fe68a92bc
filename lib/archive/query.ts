/**
 * Selector queries shaped for speed. Browsers answer a lone `#id`, `.class` or tag selector from their
 * indexes in a few microseconds, but match a selector list (`a, .b, #c`) or an attribute selector
 * against every element of the tree: on an archive page a list costs 100–300 µs, ten times the sum of
 * its parts. So lists run one selector at a time and the answers are merged in document order.
 * linkedom (CLI, service worker) walks the tree for every query and orders nodes wrongly in
 * compareDocumentPosition, so there a list stays one query, which is also its fastest shape.
 */

const FOLLOWING = 4;
const splitsCache = new Map<string, readonly string[]>();
const orderCache = new WeakMap<object, boolean>();

function parts(selector: string): readonly string[] {
  let split = splitsCache.get(selector);
  if (!split) {
    // A comma inside brackets or quotes is not a list separator: such a selector stays whole.
    split = /\[[^\]]*,|\([^)]*,/.test(selector) ? [selector] : selector.split(',').map((s) => s.trim()).filter(Boolean);
    if (splitsCache.size < 200) splitsCache.set(selector, split);
  }
  return split;
}

/** True when this DOM orders cousins at different depths correctly (browsers do, linkedom does not). */
export function ordersNodes(doc: Document | null): boolean {
  if (!doc) return false;
  // A property of the DOM implementation, not of one document: probed once per Document class.
  const implementation = (doc.constructor ?? Object) as object;
  const known = orderCache.get(implementation);
  if (known !== undefined) return known;
  let answer: boolean;
  try {
    const root = doc.createElement('div');
    const deep = root.appendChild(doc.createElement('p')).appendChild(doc.createElement('span'));
    const shallow = root.appendChild(doc.createElement('em'));
    answer = (deep.compareDocumentPosition(shallow) & FOLLOWING) !== 0 && (shallow.compareDocumentPosition(deep) & FOLLOWING) === 0;
  } catch {
    answer = false;
  }
  orderCache.set(implementation, answer);
  return answer;
}

function list(root: ParentNode, selector: string, cap: number): Element[] {
  let found: ArrayLike<Element>;
  try {
    found = root.querySelectorAll(selector);
  } catch {
    return [];
  }
  const out: Element[] = [];
  const limit = Math.min(found.length, cap);
  for (let i = 0; i < limit; i++) out.push(found[i] as Element);
  return out;
}

/** Merges lists that are each in document order into one, without duplicates, at most `cap`. */
function merge(lists: Element[][], cap: number): Element[] {
  const filled = lists.filter((l) => l.length);
  if (filled.length <= 1) return filled[0] ?? [];
  const at = filled.map(() => 0);
  const seen = new Set<Element>();
  const out: Element[] = [];
  while (out.length < cap) {
    let best = -1;
    let bestEl: Element | null = null;
    for (let i = 0; i < filled.length; i++) {
      const el = (filled[i] as Element[])[at[i] as number];
      if (el && (!bestEl || (el.compareDocumentPosition(bestEl) & FOLLOWING) !== 0)) {
        best = i;
        bestEl = el;
      }
    }
    if (!bestEl) break;
    at[best] = (at[best] as number) + 1;
    // An element matching two selectors comes up once per list: keep it once.
    if (!seen.has(bestEl)) {
      seen.add(bestEl);
      out.push(bestEl);
    }
  }
  return out;
}

/** Elements under `root` matching `selector` (a list allowed), in document order, at most `cap`. */
export function selectAll(root: ParentNode, selector: string, cap = 5000): Element[] {
  const split = parts(selector);
  const doc = (root as Node).ownerDocument ?? (root as unknown as Document);
  if (split.length <= 1 || !ordersNodes(doc)) return list(root, selector, cap);
  return merge(split.map((part) => list(root, part, cap)), cap);
}

/** The first element under `root` matching `selector` (a list allowed), or null. */
export function selectFirst(root: ParentNode, selector: string): Element | null {
  const split = parts(selector);
  const doc = (root as Node).ownerDocument ?? (root as unknown as Document);
  if (split.length <= 1 || !ordersNodes(doc)) return first(root, selector)[0] ?? null;
  // querySelector stops at its first match, where querySelectorAll walks the whole subtree.
  return merge(split.map((part) => first(root, part)), 1)[0] ?? null;
}

/** querySelector as a list of zero or one element (an invalid selector matches nothing). */
function first(root: ParentNode, selector: string): Element[] {
  try {
    const el = root.querySelector(selector);
    return el ? [el] : [];
  } catch {
    return [];
  }
}

/**
 * `<a>` (or `tag`) elements of the page with an href that passes `keep`, in page order. In browsers a
 * native selector `hint` (matching a superset of what `keep` accepts) picks the candidates first: each
 * element read from script costs far more than matching it natively, and pages hold hundreds of links.
 */
export function linksWhere(doc: Document, keep: (href: string, link: Element) => boolean, cap: number, tag = 'a', hint?: string): Element[] {
  const accept = (el: Element) => {
    const href = el.getAttribute('href');
    return href !== null && keep(href, el);
  };
  if (!hint || !ordersNodes(doc)) return byTagWhere(doc, tag, accept, cap);
  const out: Element[] = [];
  for (const el of selectAll(doc, hint, 5000)) {
    if (out.length >= cap) break;
    if (accept(el)) out.push(el);
  }
  return out;
}

/** Elements with tag name `tag` that pass `keep`, in document order, at most `cap`. */
export function byTagWhere(doc: Document, tag: string, keep: (el: Element) => boolean, cap: number): Element[] {
  const all = doc.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let i = 0; i < all.length && out.length < cap; i++) {
    const el = all[i] as Element;
    if (keep(el)) out.push(el);
  }
  return out;
}

/** `rel~="token"` as HTML documents match it (rel is compared without case). */
export function relHas(el: Element, token: string): boolean {
  const rel = el.getAttribute('rel');
  if (!rel) return false;
  const lower = rel.toLowerCase();
  // Tokens are separated by ASCII whitespace only, as the [rel~=token] selector splits them.
  return lower === token || (lower.includes(token) && lower.split(/[\t\n\f\r ]+/).includes(token));
}
