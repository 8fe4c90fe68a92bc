/**
 * Highlights in Markdown, as readers of Obsidian-like tools ask for: each passage as a `> quote`, then
 * its note. The quote is page text (hostile): Markdown and HTML characters are escaped so it reads
 * literally and never becomes a link, an image or markup. The note is the reader's own Markdown.
 */
import type { Highlight } from '../model';

/** Backslash-escapes what CommonMark could read as markup (emphasis, links, code, HTML, tables). */
export function escapeMarkdownText(value: string): string {
  return value.replace(/[\\`*_[\]<>|&!#]/g, (c) => `\\${c}`);
}

/** The highlights of one article, in text order: `> quote`, a blank line, the note (if any). */
export function highlightsToMarkdown(highlights: readonly Highlight[]): string {
  const ordered = [...highlights].sort((a, b) => a.selectors.position.start - b.selectors.position.start);
  return ordered
    .map((h) => {
      const quote = `> ${escapeMarkdownText(h.selectors.quote.exact.replace(/\s+/g, ' ').trim())}`;
      return h.note.trim() ? `${quote}\n\n${h.note.trim()}` : quote;
    })
    .join('\n\n');
}
