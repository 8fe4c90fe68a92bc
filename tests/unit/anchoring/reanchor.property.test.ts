/**
 * Properties of re-anchoring over generated articles (the fixture archive's three markup families, a
 * Wayback copy, re-indented copies; linkedom and happy-dom):
 * - a highlight made anywhere on one copy is found on the same words in every other copy;
 * - after random word edits outside the quote, on the same words;
 * - after edits of ≤ 10% of the quote's characters, on the edited passage (each bound off by at most
 *   one character per edit: an edit at the passage's edge aligns either way);
 * - when the quote is removed (or replaced by other words), an orphan — never another place.
 * Every case must hold (rates are printed for the record; the assertions require 100%).
 */
import search from 'approx-string-match';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorSelectors, describeRange } from '../../../lib/anchoring/anchor';
import { pointsOf } from '../../../lib/anchoring/boundaries';
import { describe as describeText } from '../../../lib/anchoring/selectors';
import { contentOf, modelOf, parse, parseMarked, renderAs, RENDERINGS, type DomKind, type Rendering } from './article-pages';
import { charEdit, edit, editInside, editOutside, markedLength, markQuote, quotePick, removeQuote, withParagraphs } from './passages';

const RUNS = Number(process.env.ANCHOR_RUNS ?? 100);
// A fixed seed keeps npm test reproducible; ANCHOR_SEED=<n> ANCHOR_RUNS=<n> explores further.
const SEED = Number(process.env.ANCHOR_SEED ?? 20261207);
/** Rendering and parsing two to ten pages per case takes a while on a loaded machine. */
const TIMEOUT = 300_000;
const article = fc.integer({ min: 0, max: 59 });
const dom = fc.constantFrom<DomKind>('linkedom', 'happy-dom');
const rendering = fc.constantFrom<Rendering>(...RENDERINGS);
/** Sentences unlike the fixture archive's templates, to put where a quote was. */
const OTHER_WORDS = [
  'Nos lecteurs trouveront ce passage remanié dans une prochaine édition.',
  'Ce paragraphe a été retiré à la demande de son auteur.',
  'Mise à jour : une erreur de date a été corrigée.',
  'Voir aussi notre dossier spécial, publié jeudi.',
];
const tally: Record<string, { cases: number; right: number }> = {};

function count(name: string, right: boolean): boolean {
  const entry = (tally[name] ??= { cases: 0, right: 0 });
  entry.cases++;
  if (right) entry.right++;
  return right;
}

afterAll(() => {
  const lines = Object.entries(tally).map(([name, t]) => `${name}: ${t.right}/${t.cases} (${((100 * t.right) / t.cases).toFixed(1)}%)`);
  console.log(`re-anchoring rates\n${lines.join('\n')}`);
});

describe('re-anchoring highlights on generated articles', () => {
  it(
    'a selection anywhere re-anchors on the same words in every markup family, the Wayback copy and other whitespace',
    () => {
      fc.assert(
        fc.property(
          article,
          dom,
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.integer({ min: 1, max: 1000 }),
          (index, made, u, v, seed) => {
            const content = contentOf(index);
            const original = modelOf(parse(renderAs(content, content.article.family, content.article.family), made));
            const text = original.text;
            const start = Math.floor(Math.min(u, v) * (text.length - 1));
            const end = Math.max(start + 1, Math.ceil(Math.max(u, v) * text.length));
            const points = pointsOf(original, start, end);
            expect(points).not.toBeNull();
            if (!points) return;
            // What the reader selected, as the browser would hand it over.
            const selected = describeRange(original, {
              startContainer: points.start.node,
              startOffset: points.start.offset,
              endContainer: points.end.node,
              endOffset: points.end.offset,
            });
            expect(selected.ok).toBe(true);
            if (!selected.ok) return;
            const trimmed = text.slice(start, end).trim();
            expect(selected.selectors.quote.exact).toBe(trimmed);
            for (const how of RENDERINGS) {
              for (const family of ['classic', 'legacy', 'magazine'] as const) {
                if (how !== family && how !== 'wayback' && how !== 'whitespace') continue;
                const copy = modelOf(parse(renderAs(content, family, how, seed), made === 'linkedom' ? 'happy-dom' : 'linkedom'));
                const found = anchorSelectors(copy.text, selected.selectors);
                const right =
                  !!found &&
                  found.start === selected.selectors.position.start &&
                  found.end === selected.selectors.position.end &&
                  copy.text.slice(found.start, found.end) === trimmed;
                expect(count('other markup or whitespace', right)).toBe(true);
              }
            }
          },
        ),
        { numRuns: Math.ceil(RUNS / 5), seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'after random edits outside the quote, the highlight is on the same words',
    () => {
      fc.assert(
        fc.property(article, quotePick, fc.array(edit, { minLength: 1, maxLength: 6 }), rendering, dom, (index, pick, edits, how, kind) => {
          const content = contentOf(index);
          const marked = markQuote(content.paragraphs, pick);
          fc.pre(marked !== null);
          if (!marked) return;
          const before = parseMarked(renderAs(withParagraphs(content, marked), content.article.family, content.article.family), kind);
          expect(before.expected).not.toBeNull();
          if (!before.expected) return;
          const selectors = describeText(before.model.text, before.expected.start, before.expected.end);
          const edited = [...marked];
          editOutside(edited, edits);
          const after = parseMarked(renderAs(withParagraphs(content, edited), content.article.family, how), kind);
          const found = anchorSelectors(after.model.text, selectors);
          const right = !!found && !!after.expected && found.start === after.expected.start && found.end === after.expected.end;
          expect(count('edits outside the quote', right)).toBe(true);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'after edits of ≤ 10% of the quote, the highlight is on the edited passage',
    () => {
      fc.assert(
        fc.property(article, quotePick, fc.array(charEdit, { minLength: 1, maxLength: 40 }), rendering, dom, (index, pick, edits, how, kind) => {
          const content = contentOf(index);
          const marked = markQuote(content.paragraphs, pick);
          fc.pre(marked !== null && markedLength(marked) >= 10);
          if (!marked) return;
          const before = parseMarked(renderAs(withParagraphs(content, marked), content.article.family, content.article.family), kind);
          if (!before.expected) throw new Error('markers lost');
          const quoteLength = before.expected.end - before.expected.start;
          const selectors = describeText(before.model.text, before.expected.start, before.expected.end);
          const edited = [...marked];
          const made = editInside(edited, edits, Math.floor(quoteLength * 0.1));
          const after = parseMarked(renderAs(withParagraphs(content, edited), content.article.family, how), kind);
          const found = anchorSelectors(after.model.text, selectors);
          // An edit at the passage's edge can be aligned on either side of it: each edit may move a bound by one.
          const right = !!found && !!after.expected && Math.abs(found.start - after.expected.start) + Math.abs(found.end - after.expected.end) <= made;
          expect(count('edits ≤ 10% inside the quote', right)).toBe(true);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'when the quote is gone, the highlight is an orphan',
    () => {
      fc.assert(
        fc.property(article, quotePick, fc.boolean(), fc.nat(), rendering, dom, (index, pick, replace, other, how, kind) => {
          const content = contentOf(index);
          const marked = markQuote(content.paragraphs, pick);
          fc.pre(marked !== null);
          if (!marked) return;
          const before = parseMarked(renderAs(withParagraphs(content, marked), content.article.family, content.article.family), kind);
          if (!before.expected) throw new Error('markers lost');
          const selectors = describeText(before.model.text, before.expected.start, before.expected.end);
          // Removed, or replaced by a sentence of other words.
          const instead = replace ? ` ${OTHER_WORDS[other % OTHER_WORDS.length]} ` : ' ';
          const exact = selectors.quote.exact;
          // "Gone" means gone: not a replacement that holds the quote again (within the 20% a match may
          // differ), nor an article that has the very same words elsewhere (its sentences can repeat).
          fc.pre(search(instead, exact, Math.floor(exact.length * 0.2)).length === 0);
          const after = parseMarked(renderAs(withParagraphs(content, removeQuote(marked, instead)), content.article.family, how), kind);
          fc.pre(!after.model.text.includes(exact));
          const found = anchorSelectors(after.model.text, selectors);
          expect(count('quote gone → orphan', found === null)).toBe(true);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );
});
