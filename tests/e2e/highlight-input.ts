/**
 * Real input for the highlights e2e test: a mouse drag over words and Shift+Arrow keys, through each
 * backend's own input API (Playwright's and Puppeteer's mouse and keyboard have the same shape), so the
 * browser makes the selection itself, as for a reader.
 */
import type { PageHandle } from './harness';
import { pollUntil } from './harness/env';
import { PlaywrightPage } from './harness/playwright-page';
import { PuppeteerPage } from './harness/puppeteer-page';

interface RawInput {
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<unknown>;
    down(): Promise<unknown>;
    up(): Promise<unknown>;
    click(x: number, y: number): Promise<unknown>;
  };
  keyboard: { down(key: string): Promise<unknown>; up(key: string): Promise<unknown>; press(key: string): Promise<unknown> };
}

function rawInput(page: PageHandle): RawInput {
  // Both backends' Page objects have mouse/keyboard of this shape; only the key name types differ.
  if (page instanceof PlaywrightPage || page instanceof PuppeteerPage) return page.page as unknown as RawInput;
  throw new Error('real mouse and keyboard input needs a tab');
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Viewport points inside the first and the last character of `phrase` (scrolled into view), or null.
 * Measured once the scrolled page is drawn: Chromium routes a press by the hit-test data of the last
 * drawn frame, so a press sent before that goes to whatever was drawn there before the scroll (the panel
 * frame, once: the press was lost and the drag stalled for seconds).
 */
export function phrasePoints(page: PageHandle, phrase: string): Promise<{ start: Point; end: Point } | null> {
  return page.evaluate(async (wanted) => {
    // Two frames, or a quarter second where frames are throttled (an unfocused Firefox window).
    const drawn = () => new Promise<void>((done) => (requestAnimationFrame(() => requestAnimationFrame(() => done())), setTimeout(done, 250)));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.nodeValue ?? '').indexOf(wanted);
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      await drawn();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      const last = range.getBoundingClientRect();
      return { start: { x: first.left + 1, y: first.top + first.height / 2 }, end: { x: last.right - 1, y: last.top + last.height / 2 } };
    }
    return null;
  }, phrase);
}

/**
 * Presses the mouse inside the first character of `phrase` and drags to inside its last one. A reader's
 * earlier selection is cleared first (a press on selected text would drag that text instead of selecting).
 * Measured and dragged again until the drag selected something: the in-page panel sits in the page's flow
 * and grows as its lists load, so text measured an instant earlier can move before the mouse goes down.
 */
export async function dragOver(page: PageHandle, phrase: string): Promise<string> {
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  return pollUntil(async () => {
    const points = await phrasePoints(page, phrase);
    if (!points) throw new Error(`"${phrase}" is not on the page`);
    const { mouse } = rawInput(page);
    await mouse.move(points.start.x, points.start.y);
    await mouse.down();
    await mouse.move(points.end.x, points.end.y, { steps: 8 });
    await mouse.up();
    return selectedText(page);
  }, `a mouse drag over "${phrase}" to select it`);
}

/** Clicks just before the first character of `phrase`, then extends the selection with Shift+ArrowRight. */
export async function shiftSelect(page: PageHandle, phrase: string, characters: number): Promise<string> {
  const points = await phrasePoints(page, phrase);
  if (!points) throw new Error(`"${phrase}" is not on the page`);
  const { mouse, keyboard } = rawInput(page);
  await mouse.click(points.start.x - 1, points.start.y);
  await keyboard.down('Shift');
  for (let i = 0; i < characters; i += 1) await keyboard.press('ArrowRight');
  await keyboard.up('Shift');
  return selectedText(page);
}

/** A plain click at a viewport point (e.g. on a drawn highlight, or on our button beside a selection). */
export async function clickAt(page: PageHandle, point: Point): Promise<void> {
  await rawInput(page).mouse.click(point.x, point.y);
}

export function selectedText(page: PageHandle): Promise<string> {
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/**
 * The centre of our button beside the selection, once it is there. Its closed shadow root hides the
 * button itself, but its host element (a page-visible box of the button's size) says where it is.
 */
export async function selectionButton(page: PageHandle): Promise<Point> {
  const point = await pollUntil(
    () =>
      page.evaluate(async () => {
        const host = document.querySelector('sv-companion-highlight');
        const selection = document.getSelection();
        if (!host || !selection || selection.isCollapsed) return null;
        // Once the button is drawn (a press goes where the last drawn frame had things: see phrasePoints).
        await new Promise<void>((done) => (requestAnimationFrame(() => requestAnimationFrame(() => done())), setTimeout(done, 250)));
        const end = selection.getRangeAt(0).getBoundingClientRect();
        // The button's top-left corner is 4 px right of and below the selection's end; the page sees a
        // point on it as a point on our host element (its shadow root is closed).
        const point = { x: end.right + 14, y: end.bottom + 12 };
        return document.elementFromPoint(point.x, point.y) === host ? point : null;
      }),
    'the highlight button beside the selection',
  );
  if (!point) throw new Error('no highlight button'); // pollUntil returns only a found point
  return point;
}

/** The text of every range drawn as a highlight on the page (CSS.highlights, as the page itself sees it). */
export function drawnTexts(page: PageHandle): Promise<string[]> {
  return page.evaluate(() => {
    const drawn = CSS.highlights.get('sv-highlight') as Iterable<AbstractRange> | undefined;
    return drawn ? [...drawn].map((range) => (range instanceof Range ? range.toString() : '')).sort() : [];
  });
}

/** The centre of the first drawn highlight whose text is `text`, scrolled into view and drawn there (see phrasePoints). */
export function drawnCentre(page: PageHandle, text: string): Promise<Point | null> {
  return page.evaluate(async (wanted) => {
    const painted = () => new Promise<void>((done) => (requestAnimationFrame(() => requestAnimationFrame(() => done())), setTimeout(done, 250)));
    const drawn = CSS.highlights.get('sv-highlight') as Iterable<AbstractRange> | undefined;
    for (const range of drawn ?? []) {
      if (!(range instanceof Range) || range.toString() !== wanted) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      await painted();
      const box = range.getClientRects()[0];
      if (box) return { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2 };
    }
    return null;
  }, text);
}

/**
 * Clicks the drawn highlight whose text is `text`, as a reader does: on its words, once they stand still.
 * The page may still be scrolling (a focused note in the panel frame is scrolled back into view when the
 * tab comes to the front), so the point is measured until two readings agree, and the click is made again
 * if the page saw no click on those words (it landed on whatever had moved under the pointer).
 */
export async function clickDrawn(page: PageHandle, text: string): Promise<void> {
  await page.evaluate(() => {
    const spy = window as unknown as { svClicked: string[] };
    spy.svClicked = [];
    document.addEventListener('click', (event) => spy.svClicked.push((event.target as Element | null)?.textContent ?? ''), true);
  });
  await pollUntil(async () => {
    const first = await drawnCentre(page, text);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await drawnCentre(page, text);
    if (!first || !second || first.x !== second.x || first.y !== second.y) return false;
    await clickAt(page, second);
    return page.evaluate((wanted) => (window as unknown as { svClicked: string[] }).svClicked.some((clicked) => clicked.includes(wanted)), text);
  }, `a click on the highlighted words "${text}"`);
}
