/** Types for the bench peer `dom-anchor-text-quote` (it ships none): the two calls bench/highlights uses. */
declare module 'dom-anchor-text-quote' {
  export interface TextQuote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function fromRange(root: Node, range: Range): TextQuote;
  export function toRange(root: Node, selector: TextQuote, options?: { hint?: number }): Range | null;
}
