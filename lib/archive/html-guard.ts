/**
 * Size, node count and nesting depth of HTML text, checked before linkedom parses it (CLI, service
 * worker). htmlparser2 (linkedom's parser) keeps its open elements in an array it `unshift`s and
 * `indexOf`s, so a page nested N deep costs O(N²) — 40,000 unclosed `<b>` took 1.5 s here — and every end
 * tag that closes nothing costs a search of that whole stack; linkedom itself builds ~100k–300k nodes a
 * second, so a 5 MB flood of `<br>` or `&amp;` takes seconds and hundreds of MB.
 *
 * This pass runs htmlparser2's own tokenizer (the same tag boundaries, scripts, comments and attribute
 * quoting as the real parse) and mirrors its tree builder's stack (void elements, implied closes,
 * SVG/MathML self-closing) with a push/pop array and a count per name, so it is linear. Past a limit the
 * text is cut before the tag where it was crossed: what comes first (head, title, the post) is kept, the
 * rest dropped with a reason the caller logs. End tags that close nothing are left out (htmlparser2
 * ignores them anyway). Pure: no extension API, no DOM.
 */
import { Tokenizer } from 'htmlparser2';

export interface HtmlLimits {
  maxDepth: number;
  maxNodes: number;
  maxChars: number;
}

export const HTML_LIMITS: HtmlLimits = {
  /** Blink's HTML parser stops nesting at 512 levels too; lib/archive trusts nothing deeper than 400. */
  maxDepth: 512,
  /** linkedom builds ~100k–300k nodes a second here; archive pages hold 1,000–5,000 (the 3 MB test page, 72,000). */
  maxNodes: 100_000,
  /** The largest page any caller accepts (the CLI reads saved pages up to 20 MB; the crawler fetches ≤ 5 MB). */
  maxChars: 20 * 1024 * 1024,
};

export interface GuardedHtml {
  html: string;
  /** Why the text was shortened (for the log), or null when it is whole. */
  cut: string | null;
}

// htmlparser2 10's Parser tables (dist/esm/Parser.js), which decide its stack: copied so this pass agrees.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...[
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name) => [name, new Set(P)] as const),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name) => [name, new Set(FORM)] as const),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** htmlparser2's open-element stack, kept as a push/pop array plus a count per name (O(1) "is X open?"). */
class OpenElements {
  readonly names: string[] = [];
  private readonly counts = new Map<string, number>();
  /** true inside svg/math (self-closing tags close there), as htmlparser2's foreignContext. */
  private readonly foreign: boolean[] = [false];

  get depth(): number {
    return this.names.length;
  }

  open(name: string): void {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (this.names.length > 0 && closes.has(this.names[this.names.length - 1] as string)) this.pop();
    if (VOID.has(name)) return;
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) this.foreign.push(true);
    else if (HTML_INTEGRATION.has(name)) this.foreign.push(false);
  }

  /** What htmlparser2 does with `</name>`: closes elements, creates one (`</p>`, `</br>`), or nothing. */
  close(name: string): 'closes' | 'creates' | 'nothing' | 'other' {
    const foreignOrIntegration = FOREIGN.has(name) || HTML_INTEGRATION.has(name);
    if (foreignOrIntegration) this.foreign.pop();
    if (VOID.has(name)) return name === 'br' ? 'creates' : 'other';
    if (!this.counts.get(name)) return name === 'p' ? 'creates' : foreignOrIntegration ? 'other' : 'nothing';
    while (this.names.length > 0 && this.pop() !== name);
    return 'closes';
  }

  /** `<x/>`: only in SVG/MathML does it close x (HTML ignores the slash). */
  selfClosing(name: string): void {
    if (this.foreign[this.foreign.length - 1] && this.names[this.names.length - 1] === name) this.pop();
  }

  private pop(): string | undefined {
    const name = this.names.pop();
    if (name !== undefined) this.counts.set(name, (this.counts.get(name) ?? 1) - 1);
    return name;
  }
}

/** Where to stop reading and which end tags to leave out, found by one pass of htmlparser2's tokenizer. */
interface Scan {
  cutAt: number;
  reason: string | null;
  /** [from, to) ranges of end tags that close nothing: htmlparser2 looks each up through its whole stack. */
  stray: number[];
}

function scan(text: string, limits: HtmlLimits): Scan {
  const stack = new OpenElements();
  const result: Scan = { cutAt: text.length, reason: null, stray: [] };
  let tagName = '';
  let nodes = 0;
  let lastTagAt = 0;
  const stop = (at: number, reason: string): void => {
    result.cutAt = at;
    result.reason = reason;
    tokenizer.pause();
  };
  const node = (): void => {
    if (++nodes > limits.maxNodes && result.reason === null) stop(lastTagAt, `page has more than ${limits.maxNodes.toLocaleString('en')} nodes`);
  };
  const noop = (): void => undefined;
  const tokenizer: Tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        lastTagAt = start - 1; // the tag's `<`
        node();
        if (result.reason !== null) return;
        tagName = text.slice(start, end).toLowerCase();
        stack.open(tagName);
        if (stack.depth > limits.maxDepth) stop(lastTagAt, `page nested deeper than ${limits.maxDepth} elements`);
      },
      onclosetag(start, end) {
        const name = text.slice(start, end).toLowerCase();
        const effect = stack.close(name);
        if (effect === 'creates') node();
        else if (effect === 'nothing') {
          const close = text.indexOf('>', end);
          result.stray.push(start - 2, close < 0 ? text.length : close + 1);
        }
      },
      onselfclosingtag() {
        stack.selfClosing(tagName);
      },
      oncdata: node,
      oncomment: node,
      ontext: node,
      ontextentity: node,
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      ondeclaration: noop,
      onend: noop,
      onopentagend: noop,
      onprocessinginstruction: noop,
    },
  );
  tokenizer.write(text);
  if (result.reason === null) tokenizer.end();
  return result;
}

/**
 * Checks size, node count and nesting depth in one linear pass. Returns the text to parse: cut before
 * the first tag past a limit, and without the end tags that close nothing (htmlparser2 ignores them,
 * after a search through its stack each).
 */
export function guardHtml(html: string, limits: HtmlLimits = HTML_LIMITS): GuardedHtml {
  let text = html;
  const reasons: string[] = [];
  if (text.length > limits.maxChars) {
    text = text.slice(0, limits.maxChars);
    reasons.push(`page longer than ${limits.maxChars.toLocaleString('en')} characters`);
  }
  const { cutAt, reason, stray } = scan(text, limits);
  if (reason !== null) reasons.push(reason);
  let kept = '';
  let from = 0;
  for (let i = 0; i < stray.length && (stray[i] as number) < cutAt; i += 2) {
    kept += text.slice(from, stray[i]);
    from = stray[i + 1] as number;
  }
  kept += text.slice(from, Math.max(from, cutAt));
  const cut = reasons.length ? `${reasons.join('; ')}: read the first ${cutAt.toLocaleString('en')} characters of ${html.length.toLocaleString('en')}` : null;
  return { html: kept, cut };
}
