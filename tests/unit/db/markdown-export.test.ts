/**
 * The Markdown export (issue 12, must-have 9): a title is page text, so its heading renders as that text
 * in any CommonMark/GFM viewer — HTML allowed or not — and note file names unzip on every system: unique
 * ignoring case, never a Windows device name, no trailing dot.
 */
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { markdownHeadingText, noteFileName, noteToMarkdown } from '../../../lib/db/markdown';
import { markdownQuoteLine } from '../../../lib/db/markdown-text';
import { articleMeta, url } from './helpers';

/** Characters Markdown or HTML give a meaning to: both generated-text properties below are built on them. */
const MARKUP_PUNCTUATION = ['<', '>', '&', '*', '_', '`', '[', ']', '(', ')', '!', '#', '~', '|', '\\', '-', '+', '.', ':', '@'];

/** The heading as a viewer that renders raw HTML (most desktop Markdown apps) shows it. */
const render = (title: string) => micromark(`# ${markdownHeadingText(title)}`, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const asHtmlText = (text: string) =>
  text.replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('Markdown headings', () => {
  it.each([
    '<script>alert(1)</script> Faille',
    '<img src=x onerror=alert(1)>',
    '**Gras** et _italique_ et `code`',
    '[Cliquez](javascript:alert(1)) ![img](http://evil.example/x.png)',
    'Titre #',
    'Prix & <b>promo</b> ~~barré~~ | a | b |',
    '&lt;déjà échappé&gt; \\*',
    'Stuxnet : l’Iran confirme\u0007\u202e',
    '<http://evil.example/> www.evil.example',
  ])('%j renders as that very text', (title) => {
    // The one title with control characters shows them as spaces (they would break the heading line).
    expect(render(title)).toBe(`<h1>${asHtmlText(title.replace('\u0007', ' '))}</h1>`);
  });

  it('any title made of Markdown and HTML punctuation renders as itself (5,000 generated)', () => {
    const piece = fc.constantFrom(
      ...MARKUP_PUNCTUATION,
      '"',
      "'",
      '=',
      '{',
      '}',
      'a',
      'b',
      ' ',
      'http://x.y',
      'HTTPS://x',
      'www.x.y',
      'WWW.x',
      'a@b.fr',
      'mailto:a@b.c',
      '&amp;',
      '&#60;',
      '<b>',
      '</b>',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (pieces) => {
        const title = pieces.join('');
        if (!title.trim()) return;
        expect(render(title)).toBe(`<h1>${asHtmlText(title)}</h1>`);
      }),
      { numRuns: 5000 },
    );
  });

  it('the note file carries the escaped heading, and the raw title only JSON-quoted in its front matter', () => {
    const note = { url: url('x'), text: 'Ma note', rating: 3, createdAt: 0, updatedAt: 0 };
    const meta = articleMeta('x', { title: '<b>Titre</b> *gras*' });
    const record = { ...meta, tagsComplete: true, detail: 'article' as const, firstSeenAt: 0, updatedAt: 0, excerpt: meta.excerpt ?? '' };
    const text = noteToMarkdown(note, record);
    expect(text).toContain('title: "<b>Titre</b> *gras*"');
    expect(text).toContain('# &lt;b&gt;Titre&lt;/b&gt; \\*gras\\*');
  });
});

describe('Markdown quotes of highlighted page text', () => {
  const renderQuote = (quote: string) => micromark(markdownQuoteLine(quote), { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const asQuote = (text: string) => `<blockquote>\n<p>${asHtmlText(text)}</p>\n</blockquote>`;

  it.each([
    '![x](javascript:alert(1)) <img src=x> *a* `b` [c] #d | e & f',
    '- pas une liste',
    '+ non plus',
    '1. ni un numéro',
    '12) ni celui-ci',
    '---',
    '> déjà cité',
    '# titre',
    'http://evil.example/ www.evil.example a@b.fr',
  ])('%j renders as that very text inside one blockquote', (quote) => {
    expect(renderQuote(quote)).toBe(asQuote(quote));
  });

  it('any quote made of Markdown and HTML punctuation renders as itself (5,000 generated)', () => {
    const piece = fc.constantFrom(...MARKUP_PUNCTUATION, '=', '1', '9.', '2)', 'a', ' ', '\n', 'http://x.y', 'www.x.y', 'a@b.fr', '&amp;', '<b>', '---');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (pieces) => {
        const quote = pieces.join('');
        if (!quote.trim()) return;
        expect(renderQuote(quote)).toBe(asQuote(quote));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('note file names', () => {
  const names = (paths: string[]) => {
    const used = new Set<string>();
    return paths.map((path) => noteFileName(`http://www.securityvibes.fr${path}`, used));
  };

  it('are never a Windows device name, with or without an extension', () => {
    expect(names(['/a/con/', '/a/PRN/', '/a/aux.html', '/a/Nul/', '/a/com1/', '/a/COM9.tar.gz', '/a/lpt1/', '/a/lpt9.x/', '/a/console/', '/a/com10/'])).toEqual(
      [
        'note-con.md',
        'note-PRN.md',
        'note-aux.html.md',
        'note-Nul.md',
        'note-com1.md',
        'note-COM9.tar.gz.md',
        'note-lpt1.md',
        'note-lpt9.x.md',
        'console.md',
        'com10.md',
      ],
    );
  });

  it('are unique ignoring case, and never start or end with a dot or a dash', () => {
    expect(names(['/a/Stuxnet/', '/b/stuxnet/', '/c/STUXNET/', '/d/..x../', '/e/x.../', '/f/.../', '/g/%C3%A9t%C3%A9/', '/h/con./'])).toEqual([
      'Stuxnet.md',
      'stuxnet-2.md',
      'STUXNET-3.md',
      'x.md',
      'x-2.md',
      'note.md',
      'C3-A9t-C3-A9.md',
      'note-con.md',
    ]);
  });

  it('hold up on 2,000 generated slugs: unique ignoring case, no device name, no trailing dot or space', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9.%_ -]{0,12}$/), { maxLength: 40 }), (slugs) => {
        const made = names(slugs.map((slug, i) => `/r${i}/${encodeURIComponent(slug)}/`));
        expect(new Set(made.map((n) => n.toLowerCase())).size).toBe(made.length);
        for (const name of made) {
          expect(name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.md$/);
          expect(name).not.toMatch(/[.-]\.md$/);
          expect(name).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
