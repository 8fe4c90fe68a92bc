import { browser } from 'wxt/browser';
import { highlightSelectionHere } from '../world-hooks';

/**
 * A small "Highlight" button beside the reader's selection, in our own closed shadow root (page CSS
 * cannot restyle it, page scripts cannot reach it). It carries no anchoring code: a click asks the
 * background to load the highlighter into this tab and highlight the selection (which the highlighter
 * refuses, with a message, when it is outside the article body). Written small: it is part of the
 * content script, within its size budget.
 */
const CSS =
  ':host{all:initial!important}button{position:absolute;z-index:2147483000;font:13px system-ui,sans-serif;padding:3px 8px;border-radius:4px;border:1px solid GrayText;background:Mark;color:MarkText;cursor:pointer}';

export function watchSelection(signal: AbortSignal): void {
  const host = document.createElement('sv-companion-highlight');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = browser.i18n.getMessage('menuHighlight');
  shadow.append(style, button);
  const hide = () => host.remove();
  button.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
  button.addEventListener('click', () => {
    hide();
    // The highlighter takes it if it is loaded here; otherwise the background loads it, then asks it.
    if (!highlightSelectionHere()) void browser.runtime.sendMessage({ call: 'content.highlightSelection', payload: {} }).catch(() => undefined);
  });
  const selected = () => {
    const selection = document.getSelection();
    return selection && !selection.isCollapsed && selection.rangeCount > 0 && selection.toString().trim() ? selection : null;
  };
  const place = (selection: Selection) => {
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    button.style.left = `${Math.round(rect.right + window.scrollX + 4)}px`;
    button.style.top = `${Math.round(rect.bottom + window.scrollY + 4)}px`;
  };
  // Shown when a selection is finished (the mouse released, a key let go), at once: a timer would wait
  // up to a second in a tab the browser throttles, and a click meant for the button would land on the page.
  const show = () => {
    const selection = selected();
    if (!selection) return hide();
    place(selection);
    if (!host.isConnected) document.documentElement.append(host);
  };
  // Hidden as soon as the selection is gone (a click elsewhere, the highlighter clearing it after a
  // highlight made from the keyboard or the menu); moved along while it changes under the button.
  const follow = () => {
    if (!host.isConnected) return;
    const selection = selected();
    if (selection) place(selection);
    else hide();
  };
  for (const type of ['mouseup', 'keyup']) document.addEventListener(type, show, { signal });
  document.addEventListener('selectionchange', follow, { signal });
  signal.addEventListener('abort', hide, { once: true });
}
