import { browser } from 'wxt/browser';
import { describeRange } from '@/lib/anchoring/anchor';
import type { HighlightPlace } from '@/lib/model/highlight';
import { readHighlighterCommand } from './archive-page/highlights/commands';
import { flash, pageHost, paint, type Painted } from './archive-page/highlights/paint';

/**
 * The highlighter: lib/anchoring and the painter, injected by the background on demand (scripting.
 * executeScript, top frame of an archive tab) — on a page that has highlights, or when the reader first
 * highlights a selection — so the content script that runs on every page stays small. Runs in the same
 * isolated world as the content script; a second injection finds the first one and does nothing.
 * It learns only where its own article's highlights are (content.highlightPlaces), never their notes.
 */
const LOADED = Symbol.for('sv-highlighter');

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<symbol, boolean>;
  if (scope[LOADED]) return;
  scope[LOADED] = true;
  const host = pageHost(document);
  let painted: Painted | null = null;

  const call = async <T>(name: string, payload: unknown): Promise<T | null> => {
    const answer = (await browser.runtime.sendMessage({ call: name, payload }).catch(() => null)) as { ok?: boolean; value?: T; error?: { message?: string } } | null;
    if (answer?.ok) return answer.value ?? null;
    if (answer?.error?.message) say(answer.error.message);
    return null;
  };
  const redraw = async () => {
    const places = await call<HighlightPlace[]>('content.highlightPlaces', {});
    if (places) painted = paint(host, places);
  };
  const createFromSelection = async () => {
    const selection = document.getSelection();
    const model = painted?.model ?? paint(host, []).model;
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !model) return say(browser.i18n.getMessage('highlightNothingSelected'));
    const described = describeRange(model, selection.getRangeAt(0));
    if (!described.ok) return say(browser.i18n.getMessage(described.reason === 'outside' ? 'highlightOutsideArticle' : 'highlightNothingSelected'));
    if (await call('content.createHighlight', { selectors: described.selectors })) {
      selection.removeAllRanges();
      await redraw();
    }
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const command = readHighlighterCommand(raw);
    if (command?.command === 'create') void createFromSelection();
    else if (command?.command === 'refresh') void redraw();
    else if (command?.command === 'show' && painted) flash(host, painted, command.id);
  });
  void redraw();
});

/** A short message to the reader, in our own closed shadow root (page scripts cannot read it). */
function say(text: string): void {
  const hostElement = document.createElement('sv-companion-message');
  const shadow = hostElement.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.style.cssText = 'position:fixed;bottom:16px;right:16px;z-index:2147483000;padding:8px 12px;border-radius:6px;background:Canvas;color:CanvasText;border:1px solid GrayText;font:14px system-ui,sans-serif;max-width:320px';
  shadow.append(box);
  document.documentElement.append(hostElement);
  setTimeout(() => hostElement.remove(), 4000);
}
