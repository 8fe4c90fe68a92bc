/**
 * Text normalisation for search: accent- and case-insensitive ("securite" finds "sécurité"), French
 * ligatures folded (œ → oe), apostrophes split ("l'attaque" → "l", "attaque"), tiny stop words dropped.
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ĳ: 'ij' };

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæßĳ]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces d dans de des du en et est il l la le les leur un une ou par pas pour qu que qui se sur son sa ses ' +
    'an and are as at be by for from in is it of on or the this that to with'
  ).split(' '),
);

/** Word tokens of a text, normalised, in order (duplicates kept). */
export function words(text: string): string[] {
  return normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Distinct indexable tokens (stop words and single letters dropped, very long tokens cut). */
export function indexTokens(text: string): string[] {
  const out = new Set<string>();
  for (const word of words(text)) if (word.length > 1 && !STOP_WORDS.has(word)) out.add(word.slice(0, 40));
  return [...out];
}

/**
 * Query terms: like index tokens, but a plural -s/-x is dropped so "attaques" also finds "attaque"
 * (every term matches as a prefix). If the query is only stop words, they are kept.
 */
export function queryTerms(query: string): string[] {
  const all = words(query).filter((word) => word.length > 0);
  const useful = all.filter((word) => !STOP_WORDS.has(word));
  const chosen = useful.length > 0 ? useful : all;
  return [...new Set(chosen.map((word) => (word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word).slice(0, 40)))];
}
