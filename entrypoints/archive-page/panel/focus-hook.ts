/**
 * Focus for the panel frame, shared within our own isolated world: the content script that frames the
 * panel exposes it, the highlighter chunk (injected later into the same world) calls it when the reader
 * clicks a highlight. Focus has to move into the frame from the page's side, during the click: Chromium
 * refuses a cross-origin frame that focuses itself without a click of its own, so the panel could not put
 * the caret in the opened highlight's note. Page scripts never see this world's globals.
 */
const FOCUS_PANEL = Symbol.for('sv-companion-focus-panel');
type Scope = { [FOCUS_PANEL]?: () => void };

export function exposePanelFocus(focus: () => void, signal: AbortSignal): void {
  const scope = globalThis as Scope;
  scope[FOCUS_PANEL] = focus;
  signal.addEventListener('abort', () => scope[FOCUS_PANEL] === focus && delete scope[FOCUS_PANEL], { once: true });
}

/** Moves the keyboard focus into the panel frame, if this page has one. */
export function focusPanel(): void {
  (globalThis as Scope)[FOCUS_PANEL]?.();
}
