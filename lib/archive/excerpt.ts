/** About 300 characters of the article's own body text (not its meta lines, captions or boxes). */
import { LIMITS } from '../model/limits';
import { scopedAll, scopedFirst } from './scope';
import { boundedText, clip, fold } from './text';

const CONTENT_SELECTOR = '.entry-content, .entry, .post-content, .storycontent, .post-body, .article-body, .article-content, .texte, .contenu, .content, .chapo';
const TARGET = 300;
const META_WORDS = /(auteur de l'article|dans la rubrique|^publie le|^par |etiquettes\s*:|mots[- ]cles\s*:|^tags\s*:|commentaires?$)/;

export function excerptIn(container: Element | null, postLevel: boolean, fallback: string | null): string {
  if (container) {
    const content = scopedFirst(container, CONTENT_SELECTOR, postLevel) ?? container;
    let text = '';
    for (const p of scopedAll(content, 'p', postLevel, 40)) {
      const part = boundedText(p, TARGET * 2);
      if (part.length < 20 || META_WORDS.test(fold(part))) continue;
      text = text ? `${text} ${part}` : part;
      if (text.length >= TARGET) break;
    }
    if (text) return clip(text, Math.min(TARGET, LIMITS.excerpt), true);
  }
  return fallback ? clip(fallback, Math.min(TARGET, LIMITS.excerpt), true) : '';
}
