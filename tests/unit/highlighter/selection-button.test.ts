// @vitest-environment happy-dom
/**
 * The button beside the reader's selection: there as soon as a selection is finished (mouse or keys),
 * with no timer in between (a throttled tab would let a click meant for it land on the page), and gone as
 * soon as the selection is (a highlight made from the keyboard clears it).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchSelection } from '../../../entrypoints/archive-page/highlights/selection-button';
import { exposeHighlightSelection } from '../../../entrypoints/archive-page/world-hooks';

const HOST = 'sv-companion-highlight';

function articleParagraph(): void {
  const paragraph = document.createElement('p');
  paragraph.textContent = 'Quelques mots choisis dans un article.';
  document.body.replaceChildren(paragraph);
}

function selectWords(): void {
  const text = document.querySelector('p')!.firstChild!;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 9);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('the selection button', () => {
  const controller = new AbortController();
  afterEach(() => {
    controller.abort();
    document.getSelection()?.removeAllRanges();
  });

  it('appears at once when a mouse or keyboard selection ends, and leaves with the selection', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Highlight');
    articleParagraph();
    watchSelection(controller.signal);
    document.dispatchEvent(new MouseEvent('mouseup'));
    expect(document.querySelector(HOST)).toBeNull(); // nothing selected yet

    selectWords();
    document.dispatchEvent(new MouseEvent('mouseup'));
    expect(document.querySelector(HOST)).not.toBeNull();

    document.getSelection()!.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    expect(document.querySelector(HOST)).toBeNull();

    selectWords();
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true }));
    expect(document.querySelector(HOST)).not.toBeNull();
    controller.abort();
    expect(document.querySelector(HOST)).toBeNull();
  });

  it('is not shown by a selection change alone (only a finished selection brings it)', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Highlight');
    articleParagraph();
    const own = new AbortController();
    watchSelection(own.signal);
    selectWords();
    document.dispatchEvent(new Event('selectionchange'));
    expect(document.querySelector(HOST)).toBeNull();
    own.abort();
  });

  it('a click hands the selection to the highlighter loaded in this tab, else asks the background to load it', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Highlight');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    // The button lives in a closed shadow root: the test keeps the root as it is made.
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    articleParagraph();
    const own = new AbortController();
    watchSelection(own.signal);
    const button = roots[0]!.querySelector('button')!;
    const clickButton = () => {
      selectWords();
      document.dispatchEvent(new MouseEvent('mouseup'));
      expect(document.querySelector(HOST)).not.toBeNull();
      button.click();
      expect(document.querySelector(HOST)).toBeNull();
    };
    clickButton();
    expect(send).toHaveBeenCalledWith({ call: 'content.highlightSelection', payload: {} });
    const loaded = new AbortController();
    const highlighter = vi.fn();
    exposeHighlightSelection(highlighter, loaded.signal);
    clickButton();
    expect(highlighter).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
    loaded.abort();
    own.abort();
  });
});
