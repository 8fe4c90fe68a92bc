import type { Page } from 'playwright-core';
import { BasePage, DEFAULT_TIMEOUT } from './base-page';
import { playwrightFrame } from './frame-page';
import type { ColorScheme, PageHandle, WaitOptions } from './types';

/** A Chromium tab through Playwright. */
export class PlaywrightPage extends BasePage {
  readonly kind = 'tab' as const;

  constructor(readonly page: Page) {
    super();
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async goto(url: string, options: WaitOptions = {}): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.timeout ?? DEFAULT_TIMEOUT });
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    // The arg is plain JSON here, so Playwright's handle unboxing does not apply.
    return this.page.evaluate(fn as unknown as (arg: unknown) => Promise<R>, arg as unknown);
  }

  async click(selector: string, options: WaitOptions = {}): Promise<void> {
    await this.page.click(selector, { timeout: options.timeout ?? DEFAULT_TIMEOUT });
  }

  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async reload(options: WaitOptions = {}): Promise<void> {
    await this.page.reload({ waitUntil: 'domcontentloaded', timeout: options.timeout ?? DEFAULT_TIMEOUT });
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async setColorScheme(scheme: ColorScheme): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme });
  }

  async screenshotPng(): Promise<Uint8Array> {
    return this.page.screenshot({ type: 'png' });
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }

  frame(match: string | RegExp, options: WaitOptions = {}): Promise<PageHandle> {
    return playwrightFrame(this.page, this, match, options.timeout);
  }
}
