/**
 * The article body: the element whose paragraphs are the post's own text (not its title, meta lines,
 * tags, rating block or comments), found the way extraction finds the excerpt. Highlights are anchored
 * in this element's text, so the Wayback copy and another theme's copy of a post give the same text.
 */
import { scopedFirst } from './scope';
import { postContainers } from './wordpress';

/** Theme classes of the post's text block, from WordPress themes (2003–2014) and the archive's own. */
export const CONTENT_SELECTOR =
  '.entry-content, .entry, .post-content, .storycontent, .post-body, .article-body, .article-content, .texte, .contenu, .content, .chapo';

export interface ArticleBody {
  element: Element;
  /** True when the body sits in a real post element (scope rules are the post-level ones). */
  postLevel: boolean;
}

/** The text block inside a post container (or the container itself when the theme has none). */
export function contentElementOf(container: Element, postLevel: boolean): Element {
  return scopedFirst(container, CONTENT_SELECTOR, postLevel) ?? container;
}

/** The body of the page's first post, or of the main area when the theme has no post markup. */
export function articleBody(doc: Document): ArticleBody | null {
  if (!doc?.documentElement) return null;
  const { main, first } = postContainers(doc);
  const container = first ?? main;
  if (!container) return null;
  const postLevel = !!first;
  return { element: contentElementOf(container, postLevel), postLevel };
}
