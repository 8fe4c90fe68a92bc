/** The crawl's phases: discovery (robots, sitemaps, home pagination), then gap filling, then article pages. */
import type { CrawlBook } from './book';
import { enqueue } from './pages';

/**
 * Discovery ended. When it left a gap (fewer articles known than the archive says it has, or a failed
 * home page and nothing to compare with), the sidebar's rubrique listings are walked, then its tag
 * listings if the gap remains; then article pages for every article whose tags are still unknown —
 * first those whose teasers carry no tag information, then (the runner having asked the store which the
 * vocabulary those pages taught has resolved) those whose tag classes still wait on it.
 */
export function advancePhase(book: CrawlBook): boolean {
  const known = book.complete.size + book.incomplete.size;
  const gap = book.expected === null ? book.homeGap : known < book.expected;
  const release = (tags: boolean) => {
    let added = 0;
    for (const url of book.held) if (url.includes('/tag/') === tags && enqueue(book, url, 'section')) added++;
    return added;
  };
  if (book.mode === 'full' && gap && book.phase === 'discover') {
    book.phase = 'sections';
    if (release(false) > 0) return true;
  }
  if (book.mode === 'full' && gap && book.phase === 'sections') {
    book.phase = 'tags';
    if (release(true) > 0) return true;
  }
  if (book.phase !== 'articles') {
    book.phase = 'articles';
    for (const url of book.incomplete) if (!book.waiting.has(url)) enqueue(book, url, 'article');
    return true;
  }
  if (book.waiting.size > 0) {
    for (const url of book.waiting) if (book.incomplete.has(url)) enqueue(book, url, 'article');
    book.waiting.clear();
    return true;
  }
  return false;
}
