/** W3C Web Annotation export and import of highlights, and their Markdown form. */
import { describe, expect, it } from 'vitest';
import { highlightsToMarkdown } from '../../../lib/db/highlight-markdown';
import { highlightsToWebAnnotations, parseWebAnnotations } from '../../../lib/db/web-annotation';
import { Highlight, HIGHLIGHT_LIMITS } from '../../../lib/model';

const URL_A = 'http://www.securityvibes.fr/menaces/conficker-9-millions/';
const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);

function highlight(id: string, start: number, exact: string, note = ''): Highlight {
  return Highlight.parse({
    id,
    url: URL_A,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: 'avant ', suffix: ' après' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    note,
    createdAt: T0,
    updatedAt: T0 + 1000,
  });
}

describe('W3C Web Annotation export', () => {
  it('writes an AnnotationCollection: quote and position selectors, the note as commenting, tags as tagging', () => {
    const json = highlightsToWebAnnotations(
      [highlight('hl-second-1', 50, 'neuf millions', 'Chiffre de F-Secure'), highlight('hl-first-01', 10, 'Le ver')],
      () => [{ slug: 'conficker', name: 'Conficker' }],
      'SecurityVibes Companion highlights',
    );
    const doc = JSON.parse(json);
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(2);
    const [first, second] = doc.first.items;
    expect(first.id).toBe('urn:uuid:hl-first-01');
    expect(first.motivation).toBe('highlighting');
    expect(first.target).toEqual({
      source: URL_A,
      selector: [
        { type: 'TextQuoteSelector', exact: 'Le ver', prefix: 'avant ', suffix: ' après' },
        { type: 'TextPositionSelector', start: 10, end: 16 },
      ],
    });
    expect(first.body).toEqual([{ type: 'TextualBody', value: 'Conficker', purpose: 'tagging' }]);
    expect(second.motivation).toBe('commenting');
    expect(second.body[0]).toEqual({ type: 'TextualBody', value: 'Chiffre de F-Secure', format: 'text/plain', purpose: 'commenting' });
    expect(second.created).toBe(new Date(T0).toISOString());
    expect(second.modified).toBe(new Date(T0 + 1000).toISOString());
  });

  it('reads its own export back to the same highlights', () => {
    const list = [highlight('hl-first-01', 10, 'Le ver', 'une note'), highlight('hl-second-1', 50, 'neuf millions')];
    const json = highlightsToWebAnnotations(list, () => [{ slug: 'windows', name: 'Windows' }], 'x');
    expect(parseWebAnnotations(json, T0 + 10_000)).toEqual({ highlights: list, skipped: 0 });
  });

  it("reads other tools' annotations: no position, no context, a page of items, a single one", () => {
    const other = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          type: 'Annotation',
          id: 'https://hyp.example/a/Abc123xyz',
          created: '2020-01-01T00:00:00Z',
          body: { type: 'TextualBody', value: 'vu' },
          target: { source: URL_A, selector: { type: 'TextQuoteSelector', exact: 'neuf millions' } },
        },
        { type: 'Annotation', target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
        { type: 'Annotation', target: { source: URL_A, selector: { type: 'TextQuoteSelector', exact: 'a'.repeat(HIGHLIGHT_LIMITS.quote + 1) } } },
        { type: 'Annotation', target: { source: URL_A, selector: { type: 'FragmentSelector', value: 'p=1' } } },
      ],
    };
    const parsed = parseWebAnnotations(JSON.stringify(other), T0);
    expect(parsed.skipped).toBe(3);
    expect(parsed.highlights).toHaveLength(1);
    expect(parsed.highlights[0]).toMatchObject({ id: 'Abc123xyz', url: URL_A, note: 'vu', createdAt: Date.parse('2020-01-01T00:00:00Z') });
    expect(parsed.highlights[0]?.selectors).toEqual({
      quote: { type: 'TextQuoteSelector', exact: 'neuf millions', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 13 },
    });
    const single = parseWebAnnotations(JSON.stringify(other.items[0]), T0);
    expect(single.highlights).toHaveLength(1);
  });

  it('clamps times from the future and ignores what is not JSON', () => {
    const json = highlightsToWebAnnotations([highlight('hl-first-01', 10, 'Le ver')], () => [], 'x');
    const parsed = parseWebAnnotations(json, T0 - 5000);
    expect(parsed.highlights[0]?.createdAt).toBe(T0 - 5000);
    expect(parsed.highlights[0]?.updatedAt).toBe(T0 - 5000);
    expect(parseWebAnnotations('{not json', T0)).toEqual({ highlights: [], skipped: 0 });
  });
});

describe('Markdown', () => {
  it('puts each highlight as a quote, in text order, then its note', () => {
    const md = highlightsToMarkdown([highlight('hl-second-1', 50, 'neuf millions', 'Chiffre de F-Secure'), highlight('hl-first-01', 10, 'Le ver')]);
    expect(md).toBe('> Le ver\n\n> neuf millions\n\nChiffre de F-Secure');
  });
});
