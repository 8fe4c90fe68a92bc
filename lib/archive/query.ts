/**
 * Selector queries that never throw: an invalid selector (a slug spliced into `a[href*="…"]`) matches
 * nothing.
 */

/** Elements under `root` matching `selector` (a list allowed), in document order, at most `cap`. */
export function selectAll(root: ParentNode, selector: string, cap = 5000): Element[] {
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

/** The first element under `root` matching `selector` (a list allowed), or null. */
export function selectFirst(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** `<a>` (or `tag`) elements of the page with an href that passes `keep`, in page order, at most `cap`. */
export function linksWhere(doc: Document, keep: (href: string, link: Element) => boolean, cap: number, tag = 'a'): Element[] {
  return byTagWhere(
    doc,
    tag,
    (el) => {
      const href = el.getAttribute('href');
      return href !== null && keep(href, el);
    },
    cap,
  );
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

/** True when the element's rel names at least one link type (any token at all). */
export function hasRel(el: Element): boolean {
  return /[^\t\n\f\r ]/.test(el.getAttribute('rel') ?? '');
}
