import type { Frame as PlaywrightFrame, Page as PlaywrightPageApi } from 'playwright-core';
import type { Frame as PuppeteerFrame, Page as PuppeteerPageApi } from 'puppeteer-core';
import { BasePage, DEFAULT_TIMEOUT } from './base-page';
import { pollUntil } from './env';
import type { ColorScheme, PageHandle, WaitOptions } from './types';

/** What a frame handle needs from either driver: its own document, and input through the owning tab. */
interface FrameDriver {
  url(): Promise<string>;
  detached(): boolean;
  evaluate<R>(fn: (arg: unknown) => R | Promise<R>, arg: unknown): Promise<R>;
  goto(url: string, timeout: number): Promise<void>;
  click(selector: string, timeout: number): Promise<void>;
  typeText(text: string): Promise<void>;
  press(key: string): Promise<void>;
}

/** Match for `PageHandle.frame()`: a URL prefix, or a pattern the frame's URL must match. */
export type FrameMatch = string | RegExp;

export function frameMatches(url: string, match: FrameMatch): boolean {
  return typeof match === 'string' ? url.startsWith(match) : match.test(url);
}

/**
 * A child frame of a tab (e.g. the in-page panel's panel.html). evaluate, the waits and click run in the frame's
 * document; keyboard input, colour scheme, screenshots and bringToFront go through the owning tab, whose
 * viewport the frame is part of. close() closes nothing (the frame belongs to the page).
 */
export class FramePage extends BasePage {
  readonly kind = 'frame' as const;

  constructor(
    private readonly driver: FrameDriver,
    private readonly owner: PageHandle,
  ) {
    super();
  }

  url(): Promise<string> {
    return this.driver.url();
  }

  async goto(url: string, options: WaitOptions = {}): Promise<void> {
    await this.driver.goto(url, options.timeout ?? DEFAULT_TIMEOUT);
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    if (this.driver.detached()) return Promise.reject(new Error('frame detached (the page reloaded? ask page.frame() again)'));
    return this.driver.evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
  }

  async click(selector: string, options: WaitOptions = {}): Promise<void> {
    await this.waitForSelector(selector, { ...options, visible: true });
    await this.driver.click(selector, options.timeout ?? DEFAULT_TIMEOUT);
  }

  typeText(text: string): Promise<void> {
    return this.driver.typeText(text);
  }

  press(key: string): Promise<void> {
    return this.driver.press(key);
  }

  async reload(options: WaitOptions = {}): Promise<void> {
    const href = await this.url();
    await this.evaluate(() => location.reload());
    await this.waitForDocument(href.replace(/[?#].*$/, ''), options.timeout ?? DEFAULT_TIMEOUT);
  }

  bringToFront(): Promise<void> {
    return this.owner.bringToFront();
  }

  setColorScheme(scheme: ColorScheme): Promise<void> {
    return this.owner.setColorScheme(scheme);
  }

  screenshotPng(): Promise<Uint8Array> {
    return this.owner.screenshotPng();
  }

  async close(): Promise<void> {}

  frame(match: FrameMatch, options: WaitOptions = {}): Promise<PageHandle> {
    return Promise.reject(new Error(`nested frames are not supported (asked for ${String(match)}, timeout ${options.timeout ?? DEFAULT_TIMEOUT} ms)`));
  }
}

/**
 * Waits for a child frame whose URL matches, with its document parsed. The URL is read inside the frame:
 * Puppeteer over BiDi keeps reporting about:blank for a frame that navigated to moz-extension://.
 */
async function findFrame<F>(frames: () => F[], evaluate: <R>(frame: F, fn: () => R) => Promise<R>, match: FrameMatch, timeout: number): Promise<F> {
  let found: F | null = null;
  await pollUntil(
    async () => {
      for (const frame of frames()) {
        const state = await evaluate(frame, () => ({ href: location.href, parsed: document.readyState !== 'loading' })).catch(() => null);
        if (state?.parsed && frameMatches(state.href, match)) {
          found = frame;
          return true;
        }
      }
      return false;
    },
    `frame ${String(match)}`,
    timeout,
  );
  return found!;
}

const href = () => location.href;

export async function playwrightFrame(page: PlaywrightPageApi, owner: PageHandle, match: FrameMatch, timeout = DEFAULT_TIMEOUT): Promise<PageHandle> {
  const frame: PlaywrightFrame = await findFrame(
    () => page.frames().slice(1),
    (f, fn) => f.evaluate(fn),
    match,
    timeout,
  );
  return new FramePage(
    {
      url: async () => frame.url(),
      detached: () => frame.isDetached(),
      evaluate: (fn, arg) => frame.evaluate(fn as (arg: unknown) => Promise<never>, arg),
      goto: async (url, t) => void (await frame.goto(url, { waitUntil: 'domcontentloaded', timeout: t })),
      click: (selector, t) => frame.click(selector, { timeout: t }),
      typeText: (text) => page.keyboard.type(text),
      press: (key) => page.keyboard.press(key),
    },
    owner,
  );
}

type KeyName = Parameters<PuppeteerPageApi['keyboard']['press']>[0];

export async function puppeteerFrame(page: PuppeteerPageApi, owner: PageHandle, match: FrameMatch, timeout = DEFAULT_TIMEOUT): Promise<PageHandle> {
  const frame: PuppeteerFrame = await findFrame(
    () => page.frames().filter((f) => f !== page.mainFrame()),
    (f, fn) => f.evaluate(fn) as Promise<never>,
    match,
    timeout,
  );
  return new FramePage(
    {
      url: () => frame.evaluate(href),
      detached: () => frame.detached,
      evaluate: (fn, arg) => frame.evaluate(fn as (arg: unknown) => Promise<never>, arg) as Promise<never>,
      goto: async (url, t) => {
        // Like PuppeteerPage.goto: moz-extension:// navigations may never settle in Puppeteer.
        frame.goto(url, { timeout: t }).catch(() => undefined);
        await pollUntil(
          () => frame.evaluate((p: string) => location.href.startsWith(p) && document.readyState !== 'loading', url.replace(/[?#].*$/, '')),
          `frame ${url}`,
          t,
        );
      },
      click: (selector) => frame.click(selector),
      typeText: (text) => page.keyboard.type(text),
      press: (key) => page.keyboard.press(key as KeyName),
    },
    owner,
  );
}
