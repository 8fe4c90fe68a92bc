/**
 * Highlights in Markdown, as readers of Obsidian-like tools ask for: each passage as a `> quote`, then
 * its note. The quote is page text (hostile): it is escaped so it reads literally and never becomes a
 * link, an image or markup (markdown-text.ts). The note is the reader's own Markdown.
 */
import type { Highlight } from '../model';
import { markdownQuoteLine } from './markdown-text';

/** The highlights of one article, in text order: `> quote`, a blank line, the note (if any). */
export function highlightsToMarkdown(highlights: readonly Highlight[]): string {
  const ordered = [...highlights].sort((a, b) => a.selectors.position.start - b.selectors.position.start);
  return ordered
    .map((h) => {
      const quote = markdownQuoteLine(h.selectors.quote.exact);
      return h.note.trim() ? `${quote}\n\n${h.note.trim()}` : quote;
    })
    .join('\n\n');
}
