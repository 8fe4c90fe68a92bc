/**
 * The article body's text and its mapping to DOM points, on linkedom and happy-dom alike: the same text
 * for every copy of an article, selections outside the body refused, boxes inside it skipped.
 */
import { describe, expect, it } from 'vitest';
import { anchorSelectors, describeRange } from '../../../lib/anchoring/anchor';
import { offsetsOfRange, pointsOf } from '../../../lib/anchoring/boundaries';
import { articleBody } from '../../../lib/archive/article-body';
import { buildTextModel } from '../../../lib/anchoring/text-model';
import { contentOf, modelOf, parse, renderAs, RENDERINGS, type DomKind } from './article-pages';

const DOMS: DomKind[] = ['linkedom', 'happy-dom'];

function bodyOf(inner: string, dom: DomKind) {
  const doc = parse(
    `<html><body class="single"><div id="content"><article class="post hentry" id="post-1"><h1 class="entry-title">Titre</h1><div class="entry-content">${inner}</div><div id="comments"><p>Un commentaire</p></div></article></div><div id="sidebar"><p>Nuage</p></div></body></html>`,
    dom,
  );
  const body = articleBody(doc);
  if (!body) throw new Error('no body');
  return { doc, model: buildTextModel(body.element, body.postLevel) };
}

function textNodeWith(doc: Document, text: string): Text {
  const stack: Node[] = [doc.documentElement];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3 && (node.nodeValue ?? '').includes(text)) return node as Text;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  throw new Error(`no text node with ${text}`);
}

describe.each(DOMS)('text model (%s)', (dom) => {
  it('reads one text for every copy of an article: each family, the Wayback copy, other whitespace', () => {
    for (const index of [0, 3, 11, 27]) {
      const content = contentOf(index);
      const texts = new Set(
        RENDERINGS.flatMap((how) =>
          (['classic', 'legacy', 'magazine'] as const).map((family) => modelOf(parse(renderAs(content, family, how, index + 1), dom)).text),
        ),
      );
      expect(texts.size).toBe(1);
      const [text] = [...texts];
      expect(text).toContain(content.paragraphs[1]?.slice(0, 40));
      expect(text).not.toContain('Notez');
      expect(text).not.toContain(content.article.title);
    }
  });

  it('breaks words at blocks and line breaks, joins inline elements, collapses every kind of space', () => {
    const { model } = bodyOf('<p>un</p><p>deux<br>trois</p><p>qu<b>at</b><i>re</i>\u00a0 \n cinq</p>  <div>six</div>', dom);
    expect(model.text).toBe('un deux trois quatre cinq six');
  });

  it('skips scripts, styles and the boxes lib/archive excludes inside the body', () => {
    const { model } = bodyOf(
      '<p>avant</p><script>var x = 1;</script><div class="sharedaddy"><p>Partager</p></div><div class="jp-relatedposts">Articles liés</div><style>p{}</style><p>après</p>',
      dom,
    );
    expect(model.text).toBe('avant après');
  });

  it('maps a selection to offsets and back, whatever its boundary containers', () => {
    const { doc, model } = bodyOf('<p>Le ver   Conficker</p><p>a infecté <em>neuf</em> millions de PC.</p>', dom);
    expect(model.text).toBe('Le ver Conficker a infecté neuf millions de PC.');
    const ver = textNodeWith(doc, 'Conficker');
    const millions = textNodeWith(doc, 'millions');
    const byText = offsetsOfRange(model, { startContainer: ver, startOffset: 9, endContainer: millions, endOffset: 9 });
    expect(byText).toEqual({ ok: true, start: 7, end: 40 });
    expect(model.text.slice(7, 40)).toBe('Conficker a infecté neuf millions');
    // Element boundaries: from before <em> to after it.
    const em = millions.previousSibling as Node;
    const p2 = em.parentNode as Node;
    const index = Array.prototype.indexOf.call(p2.childNodes, em) as number;
    expect(offsetsOfRange(model, { startContainer: p2, startOffset: index, endContainer: p2, endOffset: index + 1 })).toEqual({ ok: true, start: 27, end: 31 });
    const points = pointsOf(model, 7, 40);
    expect(points?.start).toEqual({ node: ver, offset: 9 });
    expect(points?.end).toEqual({ node: millions, offset: 9 });
  });

  it('trims spaces from a selection and refuses one that is only spaces', () => {
    const { doc, model } = bodyOf('<p>alpha   beta</p>', dom);
    const node = textNodeWith(doc, 'alpha');
    expect(offsetsOfRange(model, { startContainer: node, startOffset: 4, endContainer: node, endOffset: 9 })).toEqual({ ok: true, start: 4, end: 7 });
    expect(offsetsOfRange(model, { startContainer: node, startOffset: 5, endContainer: node, endOffset: 8 })).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses selections in the title, the comments, the sidebar, or a box inside the body', () => {
    const { doc, model } = bodyOf('<p>Le texte</p><div class="share-bar">Partager ici</div>', dom);
    const inside = textNodeWith(doc, 'Le texte');
    for (const outside of ['Titre', 'Un commentaire', 'Nuage', 'Partager ici']) {
      const node = textNodeWith(doc, outside);
      expect(describeRange(model, { startContainer: node, startOffset: 0, endContainer: inside, endOffset: 2 })).toEqual({ ok: false, reason: 'outside' });
      expect(describeRange(model, { startContainer: inside, startOffset: 0, endContainer: node, endOffset: 2 })).toEqual({ ok: false, reason: 'outside' });
    }
  });

  it('gives W3C selectors with 32 characters of context, found again at the same place', () => {
    const words = Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' ');
    const { doc, model } = bodyOf(`<p>${words}</p>`, dom);
    const node = textNodeWith(doc, 'mot0');
    const at = words.indexOf('mot20');
    const described = describeRange(model, { startContainer: node, startOffset: at, endContainer: node, endOffset: at + 11 });
    expect(described.ok).toBe(true);
    if (!described.ok) return;
    expect(described.selectors.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'mot20 mot21',
      prefix: words.slice(at - 32, at),
      suffix: words.slice(at + 11, at + 43),
    });
    expect(described.selectors.position).toEqual({ type: 'TextPositionSelector', start: at, end: at + 11 });
    expect(anchorSelectors(model.text, described.selectors)).toEqual({ start: at, end: at + 11, score: 1 });
  });
});
