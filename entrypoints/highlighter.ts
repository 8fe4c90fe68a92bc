import { browser } from 'wxt/browser';
import { describeRange } from '@/lib/anchoring/anchor';
import { HIGHLIGHT_LIMITS, type HighlightPlace } from '@/lib/model/highlight';
import { readHighlighterCommand } from '@/lib/protocol/highlighter-commands';
import { flash, highlightAt, highlightAtPoint, pageHost, paint, type Painted } from './archive-page/highlights/paint';
import { say } from './archive-page/highlights/say';
import { exposeHighlightSelection, focusPanel } from './archive-page/world-hooks';

/**
 * The highlighter: lib/anchoring and the painter, injected by the background on demand (scripting.
 * executeScript, top frame of an archive tab) — on a page that has highlights, or when the reader first
 * highlights a selection — so the content script that runs on every page stays small. Runs in the same
 * isolated world as the content script; a second injection finds the first one and does nothing.
 * It learns only where its own article's highlights are (content.highlightPlaces), never their notes, and
 * tells the background only ids: those it could not place, and the one the reader clicked.
 */
const LOADED = Symbol.for('sv-highlighter');

type Answer<T> = { ok?: boolean; value?: T; error?: { message?: string } } | null;

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<symbol, boolean>;
  if (scope[LOADED]) return;
  scope[LOADED] = true;
  const host = pageHost(document);
  let painted: Painted | null = null;
  let count = 0;

  /** A call to the background; a refusal is said to the reader unless `quiet`. */
  const call = async <T>(name: string, payload: unknown, quiet = false): Promise<T | null> => {
    const answer = (await browser.runtime.sendMessage({ call: name, payload }).catch(() => null)) as Answer<T>;
    if (answer?.ok) return answer.value ?? null;
    if (!quiet && answer?.error?.message) say(answer.error.message);
    return null;
  };
  // What the background last heard about orphans: none at first (it forgets a tab's orphans when the tab
  // reports a new page), then whatever this page said last. Only a change is sent: a tab's calls share one
  // rate, and a page whose highlights are all found spends nothing on saying so.
  let reported = '[]';
  // Answers may come back out of order (a creation's answer before the places asked at load): each asks
  // with a number and only an answer newer than the one drawn is drawn.
  let asked = 0;
  let drawn = 0;
  const draw = async (places: HighlightPlace[], question: number) => {
    if (question < drawn) return;
    drawn = question;
    count = places.length;
    painted = paint(host, places);
    const orphans = JSON.stringify(painted.orphans);
    if (orphans === reported) return;
    reported = orphans;
    await call('content.highlightsPlaced', { orphans: painted.orphans }, true);
  };
  const redraw = async () => {
    const question = ++asked;
    const places = await call<HighlightPlace[]>('content.highlightPlaces', {}, true);
    if (places) await draw(places, question);
  };
  const createFromSelection = async () => {
    const selection = document.getSelection();
    const model = painted?.model ?? paint(host, []).model;
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return say(browser.i18n.getMessage('highlightNothingSelected'));
    if (!model) return say(browser.i18n.getMessage('highlightOutsideArticle'));
    const described = describeRange(model, selection.getRangeAt(0));
    if (!described.ok) return say(browser.i18n.getMessage(described.reason === 'outside' ? 'highlightOutsideArticle' : 'highlightNothingSelected'));
    // The limits, said in the reader's language (the background enforces them all the same).
    const length = described.selectors.quote.exact.length;
    if (length > HIGHLIGHT_LIMITS.quote)
      return say(browser.i18n.getMessage('highlightTooLong', [HIGHLIGHT_LIMITS.quote.toLocaleString(), length.toLocaleString()]));
    if (count >= HIGHLIGHT_LIMITS.perArticle) return say(browser.i18n.getMessage('highlightTooMany', [String(HIGHLIGHT_LIMITS.perArticle)]));
    const question = ++asked;
    const made = await call<{ places: HighlightPlace[] }>('content.createHighlight', { selectors: described.selectors });
    if (made) {
      selection.removeAllRanges();
      await draw(made.places, question);
    }
  };
  // A click on a drawn highlight (not the end of a selection) opens it in the panel.
  document.addEventListener('click', (event) => {
    if (!painted || painted.ranges.size === 0 || !document.getSelection()?.isCollapsed) return;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const id = highlightAtPoint(painted, event.clientX, event.clientY) ?? (caret ? highlightAt(painted, caret.offsetNode, caret.offset) : null);
    if (!id) return;
    focusPanel(); // now, while the click counts as the reader's: the panel then focuses the note
    void call('content.highlightClicked', { id }, true);
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const command = readHighlighterCommand(raw);
    if (command?.command === 'create') void createFromSelection();
    else if (command?.command === 'draw') void draw(command.places, ++asked);
    else if (command?.command === 'show' && painted) flash(host, painted, command.id);
  });
  exposeHighlightSelection(() => void createFromSelection());
  void redraw();
});
