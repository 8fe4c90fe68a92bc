/** The heading of the archive's dead rating widget, in any case and with either apostrophe. */
const RATING_HEADING = /not(?:ez|er)\s+l['’\s]?\s*article/i;
const RATING_CONTAINERS = '.post-ratings-block, .post-ratings, [id^="post-ratings-"], .notation, .rating, .ratings';
/** A container much longer than a rating widget is the article itself, not the block to replace. */
const MAX_BLOCK_TEXT = 400;

function textLength(element: Element): number {
  return (element.textContent ?? '').trim().length;
}

/** Widens a match to the whole widget (heading + stars + loading line) while it stays widget-sized. */
function widen(element: Element): Element {
  let block = element;
  while (block.parentElement && block.parentElement !== document.body) {
    const parent = block.parentElement;
    if (textLength(parent) > MAX_BLOCK_TEXT || parent.matches('article, main, td, table, tr, tbody, .entry-content, .post, #content')) break;
    const hasHeading = RATING_HEADING.test(parent.textContent ?? '');
    const siblingsAreWidget = Array.from(parent.children).every(
      (child) => child === block || child.matches(RATING_CONTAINERS) || /post-ratings|rating|notation|star/i.test(child.className) || textLength(child) <= 80,
    );
    if (!hasHeading || !siblingsAreWidget) break;
    block = parent;
  }
  return block;
}

/**
 * Finds the article's dead "Notez L'article" block, to put the panel in its place: first the known
 * wp-postratings markup, then a short element whose own text is the heading. Null when there is none
 * (the panel then docks to the viewport edge).
 */
export function findRatingBlock(doc: Document): Element | null {
  const known = doc.querySelector('.post-ratings-block') ?? doc.querySelector('.post-ratings, [id^="post-ratings-"]:not([id$="-loading"])');
  if (known) return widen(known);
  const candidates = doc.querySelectorAll('h1, h2, h3, h4, h5, h6, b, strong, p, span, div, td, legend, label');
  for (const element of Array.from(candidates)) {
    if (textLength(element) > 60) continue;
    if (!RATING_HEADING.test(element.textContent ?? '')) continue;
    return widen(element);
  }
  const generic = doc.querySelector('.notation, .rating, .ratings');
  return generic && textLength(generic) <= MAX_BLOCK_TEXT ? widen(generic) : null;
}

/** Hides the dead widget without removing it (the page's own scripts may still look it up). */
export function hideBlock(block: Element): void {
  if (block instanceof HTMLElement) {
    block.hidden = true;
    block.style.setProperty('display', 'none', 'important');
  }
}
