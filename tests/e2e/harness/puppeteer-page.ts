import type { Page } from 'puppeteer-core';
import { BasePage, DEFAULT_TIMEOUT } from './base-page';
import { pollUntil } from './env';
import { puppeteerFrame } from './frame-page';
import type { ColorScheme, PageHandle, WaitOptions } from './types';

type KeyName = Parameters<Page['keyboard']['press']>[0];

/**
 * A Firefox tab through Puppeteer over WebDriver BiDi. Navigations to moz-extension:// never resolve in
 * Puppeteer although the page loads (BROWSER-TESTING-NOTES), so goto/reload start the navigation without
 * awaiting it and wait for the new document instead.
 */
export class PuppeteerPage extends BasePage {
  readonly kind = 'tab' as const;

  constructor(
    readonly page: Page,
    private readonly applyColorScheme: (scheme: ColorScheme) => Promise<void>,
  ) {
    super();
  }

  async url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  async goto(url: string, options: WaitOptions = {}): Promise<void> {
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    if (/^https?:/.test(url)) {
      await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      return;
    }
    await this.markDocument();
    this.page.goto(url, { timeout }).catch(() => undefined); // settles late or never for moz-extension://
    await this.waitForNewDocument(withoutQuery(url), timeout);
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    // The arg is plain JSON here, so Puppeteer's handle flattening does not apply.
    return this.page.evaluate(fn as unknown as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>;
  }

  async click(selector: string, options: WaitOptions = {}): Promise<void> {
    await this.waitForSelector(selector, { ...options, visible: true });
    await this.page.click(selector);
  }

  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key as KeyName);
  }

  async reload(options: WaitOptions = {}): Promise<void> {
    const href = await this.url();
    await this.markDocument();
    await this.evaluate(() => location.reload());
    await this.waitForNewDocument(withoutQuery(href), options.timeout ?? DEFAULT_TIMEOUT);
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async setColorScheme(scheme: ColorScheme): Promise<void> {
    await this.applyColorScheme(scheme);
    // Firefox applies the preference asynchronously: return only once this page sees the new scheme.
    await this.waitForFunction((wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches, scheme);
  }

  async screenshotPng(): Promise<Uint8Array> {
    return this.page.screenshot({ type: 'png' });
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close().catch(() => undefined);
  }

  frame(match: string | RegExp, options: WaitOptions = {}): Promise<PageHandle> {
    return puppeteerFrame(this.page, this, match, options.timeout);
  }

  /** Tags the current document so the next one can be told apart from it. */
  private async markDocument(): Promise<void> {
    await this.evaluate(() => {
      (window as unknown as Record<string, unknown>).__svHarnessOldDocument = true;
    }).catch(() => undefined);
  }

  private async waitForNewDocument(prefix: string, timeout: number): Promise<void> {
    await pollUntil(
      () =>
        this.evaluate(
          (p) => !(window as unknown as Record<string, unknown>).__svHarnessOldDocument && location.href.startsWith(p) && document.readyState !== 'loading',
          prefix,
        ),
      `document ${prefix}`,
      timeout,
    );
  }
}

/** The URL up to its query or fragment (Node's URL gives moz-extension: an opaque 'null' origin). */
function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/, '');
}
