/**
 * One generated article rendered every way a reader meets it: in each markup family of the fixture
 * archive, as a Wayback copy, re-indented with other whitespace, and with its paragraphs edited.
 * Private-use markers (U+E000 … U+E001) written into the paragraphs say where a quote is after any
 * edit: they are found in the page's text, then removed from the DOM before anchoring.
 */
import { Window } from 'happy-dom';
import { articleContent, type ArticleContent } from '../../fixtures/archive/body.ts';
import { buildModel, type Model } from '../../fixtures/archive/model.ts';
import { renderClassic } from '../../fixtures/archive/markup/classic.ts';
import { renderLegacy } from '../../fixtures/archive/markup/legacy.ts';
import { renderMagazine } from '../../fixtures/archive/markup/magazine.ts';
import type { MarkupFamily } from '../../fixtures/archive/types.ts';
import { articleBody } from '../../../lib/archive/article-body';
import { parseArchiveHtml } from '../../../lib/archive/parse-html';
import { buildTextModel, type TextModel } from '../../../lib/anchoring/text-model';

export const START_MARK = '\ue000';
export const END_MARK = '\ue001';
export type Rendering = MarkupFamily | 'wayback' | 'whitespace';
export const RENDERINGS: readonly Rendering[] = ['classic', 'legacy', 'magazine', 'wayback', 'whitespace'];

let shared: Model | null = null;
/** 60 articles of one fixture archive (seed 7): enough variety of length, sub-heads and links. */
export function fixtureModel(): Model {
  return (shared ??= buildModel({ seed: 7, articles: 60, host: 'www.securityvibes.fr', families: ['classic', 'legacy', 'magazine'] }));
}

export function contentOf(index: number): ArticleContent {
  return articleContent(fixtureModel(), index);
}

export function render(content: ArticleContent, family: MarkupFamily): string {
  const model = fixtureModel();
  if (family === 'legacy') return renderLegacy(model, content);
  return family === 'magazine' ? renderMagazine(model, content) : renderClassic(model, content);
}

/** What the Wayback Machine serves: its toolbar inserted after <body>, every absolute link rewritten. */
export function waybackCopy(html: string): string {
  const toolbar = `<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;"><div id="wm-ipp"><div id="wm-ipp-inside">
<a href="/web/20100101000000*/x">captures</a> <span class="date">5 mai 2015</span> Ce texte n'est pas dans l'article.</div></div></div>
<!-- END WAYBACK TOOLBAR INSERT -->`;
  return html
    .replace(/(<body[^>]*>)/i, `$1\n${toolbar}`)
    .replace(/(href|src)="http:\/\/www\.securityvibes\.fr/gi, '$1="/web/20100315120000/http://www.securityvibes.fr');
}

/** The same page with other whitespace: text spaces become runs of spaces, tabs, newlines and no-break spaces, blocks re-indented. */
export function otherWhitespace(content: ArticleContent, family: MarkupFamily, seed: number): string {
  const runs = [' ', '  ', '\n', '\t ', ' \n    ', '\u00a0', ' \u00a0 '];
  let n = seed;
  const spaced = (text: string) => text.replace(/ /g, () => runs[(n = (n * 1103515245 + 12345) >>> 0) % runs.length] as string);
  const respaced: ArticleContent = {
    ...content,
    paragraphs: content.paragraphs.map(spaced),
    subhead: content.subhead ? { ...content.subhead, text: spaced(content.subhead.text) } : null,
  };
  return render(respaced, family)
    .replace(/<\/(p|h3|div)>/gi, '</$1>\n\n      ')
    .replace(/<(p|h3|div)( |>)/gi, '\n   <$1$2');
}

export function renderAs(content: ArticleContent, family: MarkupFamily, how: Rendering, seed = 1): string {
  if (how === 'wayback') return waybackCopy(render(content, family));
  if (how === 'whitespace') return otherWhitespace(content, family, seed);
  return render(content, how);
}

export type DomKind = 'linkedom' | 'happy-dom';

export function parse(html: string, dom: DomKind): Document {
  if (dom === 'linkedom') return parseArchiveHtml(html).document;
  const window = new Window({ url: 'http://www.securityvibes.fr/' });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function modelOf(doc: Document): TextModel {
  const body = articleBody(doc);
  if (!body) throw new Error('no article body');
  return buildTextModel(body.element, body.postLevel);
}

/** Removes the markers from every text node of the document. */
function stripMarkers(doc: Document): void {
  const stack: Node[] = [doc.documentElement];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3 && node.nodeValue && /[\ue000\ue001]/.test(node.nodeValue)) node.nodeValue = node.nodeValue.replace(/[\ue000\ue001]/g, '');
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
}

export interface MarkedPage {
  model: TextModel;
  /** Where the marked passage is in the model's text, or null when the markers are gone. */
  expected: { start: number; end: number } | null;
}

/** Parses a page whose paragraphs carry markers, notes where they are, then anchors on the page without them. */
export function parseMarked(html: string, dom: DomKind): MarkedPage {
  const doc = parse(html, dom);
  const marked = modelOf(doc).text;
  const a = marked.indexOf(START_MARK);
  const b = marked.indexOf(END_MARK);
  stripMarkers(doc);
  const model = modelOf(doc);
  if (a < 0 || b < 0) return { model, expected: null };
  return { model, expected: { start: a, end: b - 1 } };
}
