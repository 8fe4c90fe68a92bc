/**
 * How far a stored prefix (or suffix) is from the text that touches a candidate match. The context must
 * end exactly where the match starts (a suffix must start exactly where it ends); only its far end is
 * free. That is what tells the true place from a near one: text shifted by a few characters costs those
 * characters, where a free-floating comparison (approx-string-match's) would forgive them.
 */

/** The window a context is compared with is this much longer than the context (insertions fit in it). */
const SLACK = 16;

/**
 * Edit distance between `pattern` and the best prefix of `text` (both read from index 0 in the direction
 * `step` gives). Two rows, O(pattern × text).
 */
function anchoredDistance(pattern: string, text: string, fromEnd: boolean): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  if (n === 0) return m;
  const p = (i: number) => pattern.charCodeAt(fromEnd ? m - 1 - i : i);
  const t = (j: number) => text.charCodeAt(fromEnd ? n - 1 - j : j);
  // row[j]: distance between the pattern's first i characters and the text's first j characters.
  let previous = new Uint16Array(n + 1);
  let current = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const pc = p(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = (previous[j - 1] as number) + (pc === t(j - 1) ? 0 : 1);
      const del = (previous[j] as number) + 1;
      const ins = (current[j - 1] as number) + 1;
      current[j] = substitute < del ? (substitute < ins ? substitute : ins) : del < ins ? del : ins;
    }
    [previous, current] = [current, previous];
  }
  let best = m;
  for (let j = 0; j <= n; j++) if ((previous[j] as number) < best) best = previous[j] as number;
  return best;
}

/**
 * How many characters a side is judged on: a context shorter than `full` was cut by the text's start (or
 * end), and says "the text starts here" as much as its characters do, so it weighs as a full one.
 */
export function sideLength(context: string, full: number): number {
  return Math.max(context.length, full);
}

/**
 * Errors of a cut context: the text beyond the window, which should not exist, counts too (up to `full`).
 * A context of full length has none.
 */
function overrun(context: string, beyond: number, full: number): number {
  return context.length < full ? Math.min(full, Math.max(0, beyond)) : 0;
}

/** Errors between `prefix` and the text that ends at `at` (`full`: the length a prefix has when not cut). */
export function prefixErrors(text: string, at: number, prefix: string, full: number): number {
  const beyond = overrun(prefix, at - prefix.length - SLACK, full);
  const cap = sideLength(prefix, full);
  if (!prefix || beyond >= cap) return Math.min(cap, beyond);
  if (text.slice(at - prefix.length, at) === prefix) return beyond;
  const window = text.slice(Math.max(0, at - prefix.length - SLACK), at);
  return Math.min(cap, anchoredDistance(prefix, window, true) + beyond);
}

/** Errors between `suffix` and the text that starts at `at`. */
export function suffixErrors(text: string, at: number, suffix: string, full: number): number {
  const beyond = overrun(suffix, text.length - at - suffix.length - SLACK, full);
  const cap = sideLength(suffix, full);
  if (!suffix || beyond >= cap) return Math.min(cap, beyond);
  if (text.startsWith(suffix, at)) return beyond;
  const window = text.slice(at, at + suffix.length + SLACK);
  return Math.min(cap, anchoredDistance(suffix, window, false) + beyond);
}

/** Plain edit distance between `a` and `b` (two rows; used for a few candidates of bounded length). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] as number) + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitute, (previous[j] as number) + 1, (current[j - 1] as number) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
