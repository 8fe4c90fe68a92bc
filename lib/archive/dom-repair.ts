/**
 * linkedom (used by the CLI and by the MV3 service worker, which has no DOMParser) keeps attribute
 * names as written, so `<TABLE CLASS="post">` — the markup of the archive's oldest theme — matches
 * no `.post` selector. The HTML parsing algorithm lowercases attribute names; this does the same on
 * a DOM that did not, so every DOM answers selectors alike. Idempotent, and a no-op on browser DOMs.
 */
const MAX_ELEMENTS = 200_000;

/** True when this DOM implementation keeps attribute-name case (probed on a detached element). */
const probed = new WeakMap<object, boolean>();

/** A property of the DOM implementation: probed once per Document class, not once per page. */
export function keepsAttributeCase(doc: Document): boolean {
  const implementation = (doc.constructor ?? Object) as object;
  const known = probed.get(implementation);
  if (known !== undefined) return known;
  const answer = probeAttributeCase(doc);
  probed.set(implementation, answer);
  return answer;
}

function probeAttributeCase(doc: Document): boolean {
  try {
    const probe = doc.createElement('div');
    probe.setAttribute('DATA-SV-PROBE', 'x');
    return probe.getAttribute('data-sv-probe') !== 'x';
  } catch {
    return false;
  }
}

/** Lowercases attribute names in place (only when the DOM needs it). */
export function lowercaseAttributeNames(doc: Document): void {
  if (!keepsAttributeCase(doc)) return;
  const all = doc.querySelectorAll('*');
  const limit = Math.min(all.length, MAX_ELEMENTS);
  for (let i = 0; i < limit; i++) {
    const el = all[i] as Element;
    const attributes = el.attributes;
    const renames: [string, string][] = [];
    for (let j = 0; j < attributes.length && j < 100; j++) {
      const attribute = attributes[j] as Attr;
      if (attribute.name !== attribute.name.toLowerCase()) renames.push([attribute.name, attribute.value]);
    }
    for (const [name, value] of renames) {
      el.removeAttribute(name);
      if (!el.hasAttribute(name.toLowerCase())) el.setAttribute(name.toLowerCase(), value);
    }
  }
}
