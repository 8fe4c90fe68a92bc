/** About 300 characters of the article's own body text (not its meta lines, captions or boxes). */
import { LIMITS } from '../model/limits';
import { contentElementOf } from './article-body';
import { selectAll } from './query';
import { inScope } from './scope';
import { boundedText, clip, fold } from './text';

const TARGET = 300;
// Meta lines, and the archive's own footer sentence ("Ce site est une archive des messages à SecurityVibes…").
const META_WORDS = /(auteur de l'article|dans la rubrique|^publie le|^par |etiquettes\s*:|mots[- ]cles\s*:|^tags\s*:|commentaires?$|site est une archive)/;

/** Every META_WORDS keyword holds one of these letter runs, accents or not: folding (costly) only then. */
const META_LETTERS = /auteur|rubrique|publi|par |tiquettes|mots|tags|comment|archive/i;

function isMetaLine(part: string): boolean {
  return META_LETTERS.test(part) && META_WORDS.test(fold(part));
}

export function excerptIn(container: Element | null, postLevel: boolean, fallback: string | null): string {
  if (container) {
    const content = contentElementOf(container, postLevel);
    let text = '';
    // Paragraphs are taken in page order until the excerpt is long enough: scope is checked on the way.
    const paragraphs = selectAll(content, 'p', 5000);
    for (let i = 0, inScopeCount = 0; i < paragraphs.length && inScopeCount < 40; i++) {
      const p = paragraphs[i] as Element;
      if (!inScope(p, content, postLevel)) continue;
      inScopeCount++;
      const part = boundedText(p, TARGET * 2);
      // Before the body starts, short lines are a tagline, a date or a byline (a first paragraph is longer).
      if (part.length < (text ? 20 : 60) || isMetaLine(part)) continue;
      text = text ? `${text} ${part}` : part;
      if (text.length >= TARGET) break;
    }
    if (text) return clip(text, Math.min(TARGET, LIMITS.excerpt), true);
  }
  return fallback ? clip(fallback, Math.min(TARGET, LIMITS.excerpt), true) : '';
}
