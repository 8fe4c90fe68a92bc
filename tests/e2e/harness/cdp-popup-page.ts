import { BasePage, DEFAULT_TIMEOUT } from './base-page';
import type { CdpTarget } from './cdp-target';
import type { ColorScheme, PageHandle, WaitOptions } from './types';

/** CDP key descriptions for the named keys tests use; single characters are typed as text. */
const NAMED_KEYS: Record<string, { key: string; code: string; keyCode: number }> = {
  Enter: { key: 'Enter', code: 'Enter', keyCode: 13 },
  Tab: { key: 'Tab', code: 'Tab', keyCode: 9 },
  Escape: { key: 'Escape', code: 'Escape', keyCode: 27 },
  Backspace: { key: 'Backspace', code: 'Backspace', keyCode: 8 },
  Delete: { key: 'Delete', code: 'Delete', keyCode: 46 },
  Space: { key: ' ', code: 'Space', keyCode: 32 },
  ArrowUp: { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38 },
  ArrowDown: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
  ArrowLeft: { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 },
  ArrowRight: { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39 },
  Home: { key: 'Home', code: 'Home', keyCode: 36 },
  End: { key: 'End', code: 'End', keyCode: 35 },
};

/** The real Chromium toolbar popup, driven over raw CDP (it is not a Playwright Page). */
export class CdpPopupPage extends BasePage {
  readonly kind = 'popup' as const;

  constructor(private readonly target: CdpTarget) {
    super();
  }

  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  async goto(url: string, options: WaitOptions = {}): Promise<void> {
    await this.target.send('Page.navigate', { url });
    await this.waitForDocument(url.replace(/#.*$/, ''), options.timeout ?? DEFAULT_TIMEOUT);
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.target.evaluate(fn, arg as A);
  }

  async click(selector: string, options: WaitOptions = {}): Promise<void> {
    await this.waitForSelector(selector, { ...options, visible: true });
    const point = await this.evaluate((sel) => {
      const element = document.querySelector(sel)!;
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const box = element.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, selector);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.target.send('Input.dispatchMouseEvent', { type, x: point.x, y: point.y, button: 'left', clickCount: 1 });
    }
  }

  async typeText(text: string): Promise<void> {
    for (const char of text) {
      await this.target.send('Input.dispatchKeyEvent', { type: 'keyDown', key: char, text: char });
      await this.target.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char });
    }
  }

  async press(key: string): Promise<void> {
    const named = NAMED_KEYS[key];
    if (!named) return this.typeText(key);
    const text = key === 'Enter' ? '\r' : key === 'Space' ? ' ' : undefined;
    const common = { key: named.key, code: named.code, windowsVirtualKeyCode: named.keyCode };
    await this.target.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', ...common, ...(text ? { text } : {}) });
    await this.target.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
  }

  async reload(options: WaitOptions = {}): Promise<void> {
    const href = await this.url();
    await this.evaluate(() => {
      (window as unknown as Record<string, unknown>).__svHarnessOldDocument = true;
    });
    await this.target.send('Page.reload', {});
    await this.waitForFunction(
      (prefix) =>
        !(window as unknown as Record<string, unknown>).__svHarnessOldDocument && location.href.startsWith(prefix) && document.readyState !== 'loading',
      href.replace(/#.*$/, ''),
      { timeout: options.timeout ?? DEFAULT_TIMEOUT },
    );
  }

  async bringToFront(): Promise<void> {
    // The popup is always in front of its window while open.
  }

  async setColorScheme(scheme: ColorScheme): Promise<void> {
    await this.target.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
  }

  async screenshotPng(): Promise<Uint8Array> {
    const { data } = await this.target.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    if (this.target.closed) return;
    await this.evaluate(() => window.close()).catch(() => undefined);
  }

  /** The popup embeds no frames; reaching into one over this raw CDP target is not implemented. */
  frame(match: string | RegExp): Promise<PageHandle> {
    return Promise.reject(new Error(`the toolbar popup has no frames (asked for ${String(match)})`));
  }
}
