/**
 * Calls between our two scripts in an archive tab, which share one isolated world: the content script
 * (panel frame, selection button) and the highlighter chunk the background injects later. Each exposes a
 * function under a world-global symbol; page scripts never see this world's globals.
 * - Focus for the panel frame: the highlighter calls it when the reader clicks a highlight. Focus has to
 *   move into the frame from the page's side, during the click: Chromium refuses a cross-origin frame that
 *   focuses itself without a click of its own, so the panel could not put the caret in the note.
 * - Highlighting the selection: the selection button calls the loaded highlighter directly instead of
 *   asking the background (which would load it first), sparing the tab's message rate.
 */
const FOCUS_PANEL = Symbol.for('sv-companion-focus-panel');
const HIGHLIGHT_SELECTION = Symbol.for('sv-companion-highlight-selection');
type Scope = Partial<Record<symbol, () => void>>;

function expose(key: symbol, hook: () => void, signal?: AbortSignal): void {
  const scope = globalThis as Scope;
  scope[key] = hook;
  signal?.addEventListener('abort', () => scope[key] === hook && delete scope[key], { once: true });
}

/** Runs the hook under `key`; false when nothing exposed one in this tab. */
function run(key: symbol): boolean {
  const hook = (globalThis as Scope)[key];
  hook?.();
  return hook !== undefined;
}

export const exposePanelFocus = (focus: () => void, signal: AbortSignal) => expose(FOCUS_PANEL, focus, signal);
/** Moves the keyboard focus into the panel frame, if this page has one. */
export const focusPanel = () => run(FOCUS_PANEL);

export const exposeHighlightSelection = (highlight: () => void, signal?: AbortSignal) => expose(HIGHLIGHT_SELECTION, highlight, signal);
/** Highlights the selection with the highlighter loaded in this tab; false when none is loaded yet. */
export const highlightSelectionHere = () => run(HIGHLIGHT_SELECTION);
