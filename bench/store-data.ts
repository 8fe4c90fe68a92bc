import type { ArticleRecord } from '../lib/model';
import { mulberry32 } from '../tests/fixtures/archive/prng';

/** Deterministic PRNG: the fixture archive's mulberry32. */
export const prng = mulberry32;

export const TAG_COUNT = 2000;
export const TAGS_PER_ARTICLE = 5;
const RUBRIQUES = ['actualites', 'dossiers', 'interviews', 'chroniques', 'evenements', 'tribunes', 'breves', 'analyses'];
const WORDS =
  'sécurité attaque virus réseau données chiffrement pirate faille mot passe entreprise cloud menace logiciel malveillant hameçonnage botnet vulnérabilité correctif serveur identité conformité audit risque gouvernance scada industriel mobile navigateur wifi'.split(
    ' ',
  );

/**
 * N synthetic articles with ~5 tags each drawn from a Zipf(1) law over 2,000 tags (the most common tag
 * lands on ~47% of articles, like the anchors), a rubrique, a date over ten years, a French title and
 * excerpt.
 */
export function syntheticArticles(n: number, seed = 42): ArticleRecord[] {
  const random = prng(seed);
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= TAG_COUNT; rank += 1) cumulative.push((total += 1 / rank));
  const drawTag = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = Date.UTC(2005, 0, 1);
  const span = 10 * 365 * 86_400_000;
  const phrase = (count: number) => Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ');
  return Array.from({ length: n }, (_, i) => {
    const tags = new Set<number>();
    while (tags.size < TAGS_PER_ARTICLE) tags.add(drawTag());
    const rubrique = RUBRIQUES[Math.floor(random() * RUBRIQUES.length)]!;
    return {
      url: `http://www.securityvibes.fr/${rubrique}/article-${i}-${Math.floor(random() * 1e6)}/`,
      postId: i + 1,
      title: `${phrase(6)} ${i}`,
      author: null,
      category: { slug: rubrique, name: rubrique },
      tags: [...tags].map((t) => ({ slug: `tag-${t}`, name: `Tag ${t}` })),
      publishedAt: new Date(start + Math.floor(random() * span)).toISOString(),
      excerpt: phrase(40),
      tagsComplete: true,
      detail: 'article' as const,
      firstSeenAt: 0,
      updatedAt: 0,
    };
  });
}
