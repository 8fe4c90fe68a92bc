import { pollUntil } from './env';
import type { ColorScheme, PageHandle, WaitOptions } from './types';

export const DEFAULT_TIMEOUT = 10_000;

/**
 * The waits, written once over `evaluate` so they behave the same over Playwright, Puppeteer/BiDi and raw
 * CDP (each backend's own waitFor* differ in details, and raw CDP has none).
 */
export abstract class BasePage implements PageHandle {
  abstract readonly kind: 'tab' | 'popup' | 'frame';
  abstract url(): Promise<string>;
  abstract goto(url: string, options?: WaitOptions): Promise<void>;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract click(selector: string, options?: WaitOptions): Promise<void>;
  abstract typeText(text: string): Promise<void>;
  abstract press(key: string): Promise<void>;
  abstract reload(options?: WaitOptions): Promise<void>;
  abstract bringToFront(): Promise<void>;
  abstract setColorScheme(scheme: ColorScheme): Promise<void>;
  abstract screenshotPng(): Promise<Uint8Array>;
  abstract close(): Promise<void>;
  abstract frame(match: string | RegExp, options?: WaitOptions): Promise<PageHandle>;

  async waitForFunction<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, options: WaitOptions = {}): Promise<R> {
    return pollUntil(() => this.evaluate(fn, arg as A), `function ${truncate(fn.toString())}`, options.timeout ?? DEFAULT_TIMEOUT);
  }

  async waitForSelector(selector: string, options: WaitOptions & { visible?: boolean } = {}): Promise<void> {
    await pollUntil(
      () =>
        this.evaluate(
          ({ selector, visible }) => {
            const element = document.querySelector(selector);
            if (!element) return false;
            if (!visible) return true;
            const box = element.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
          },
          { selector, visible: options.visible ?? false },
        ),
      `selector ${selector}${options.visible ? ' (visible)' : ''} in ${this.kind}`,
      options.timeout ?? DEFAULT_TIMEOUT,
    );
  }

  async text(selector: string, options: WaitOptions = {}): Promise<string> {
    await this.waitForSelector(selector, options);
    return this.evaluate((sel) => (document.querySelector(sel)?.textContent ?? '').trim(), selector);
  }

  async type(selector: string, text: string, options: WaitOptions = {}): Promise<void> {
    await this.click(selector, options);
    await this.typeText(text);
  }

  /** Waits until the document has parsed (readyState interactive or complete) at a URL starting with `prefix`. */
  protected async waitForDocument(prefix: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
    await pollUntil(() => this.evaluate((p) => location.href.startsWith(p) && document.readyState !== 'loading', prefix), `document ${prefix}`, timeout);
  }
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
