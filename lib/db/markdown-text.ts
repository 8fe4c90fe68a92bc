/** Page text (titles, highlighted quotes) written into Markdown so that it reads as that very text. */

/**
 * A title as the text of a Markdown heading, shown as written: HTML (`<`, `>`, `&`) as entities, and every
 * ASCII punctuation mark that means something inline or ends an ATX heading (emphasis, code, links,
 * images, strikethrough, table pipes, a closing `#`, GFM's bare links) escaped with a backslash. A title
 * is page text.
 */
export function markdownHeadingText(title: string): string {
  const oneLine = title
    // eslint-disable-next-line no-control-regex -- control characters would break the heading line
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const escaped = oneLine.replace(/[\\`*_[\]()!#~|<>&@]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
  // GFM links bare `http://…`, `www.…` and `a@b.c` too: a backslash inside each breaks the pattern.
  return escaped.replace(/(?<=[a-z]):/gi, '\\:').replace(/(?<=(?:^|[^a-z0-9])www)\./gi, '\\.');
}

/**
 * A highlighted passage as one `> ` blockquote line that renders as its text: escaped as a heading's text
 * is, and a line start that would open a block inside the quote (a list item `- `, `+ `, `1. `, `1) `, or a
 * thematic break) made literal too.
 */
export function markdownQuoteLine(quote: string): string {
  const text = markdownHeadingText(quote);
  return `> ${text.replace(/^([-+])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2')}`;
}
