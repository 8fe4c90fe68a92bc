import puppeteer, { type Browser } from 'puppeteer-core';
import { EXECUTABLES, FIREFOX_EXTENSION_UUID, GECKO_ID, pollUntil, snapshotBuild } from './env';
import { PuppeteerPage } from './puppeteer-page';
import { SessionBase } from './session-base';
import type { ColorScheme, LaunchOptions, PageHandle } from './types';

/** Puppeteer keeps the raw WebDriver BiDi connection on its BiDi Browser (not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/**
 * Firefox ESR with the production build (.output/firefox-mv3) as a temporary add-on, via Puppeteer over
 * WebDriver BiDi. The moz-extension UUID is fixed by pref, and storage/UUID are kept on uninstall so a
 * restart (temporary add-ons are removed at shutdown and installed again on launch) keeps IndexedDB.
 */
export class FirefoxSession extends SessionBase {
  readonly name = 'firefox' as const;
  readonly realPopup = false;
  readonly extensionId = GECKO_ID;
  readonly extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  private browser: Browser | null = null;

  constructor(options: LaunchOptions) {
    super('firefox', options);
  }

  protected async start(options: LaunchOptions): Promise<void> {
    const proxy: Record<string, string | number | boolean> = options.server
      ? { 'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': options.server.port, 'network.proxy.no_proxies_on': '' }
      : {};
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      protocol: 'webDriverBiDi',
      headless: true,
      userDataDir: this.profileDir,
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        'layout.css.prefers-color-scheme.content-override': schemePref(options.colorScheme ?? 'light'),
        ...(options.backgroundIdleTimeoutMs !== undefined ? { 'extensions.background.idle.timeout': options.backgroundIdleTimeoutMs } : {}),
        ...proxy,
        ...options.prefs,
      },
    });
    this.browser = browser;
    try {
      const installed = await browser.installExtension(await snapshotBuild('firefox', this.extensionDir));
      if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
    } catch (error) {
      this.browser = null;
      await browser.close().catch(() => undefined);
      throw error;
    }
  }

  protected async stop(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.close();
  }

  async openPage(url: string): Promise<PageHandle> {
    const page = await this.newTab();
    await page.goto(url);
    return page;
  }

  /**
   * popup.html in a new tab sized like a toolbar popup (400×600): the real popup panel is browser chrome
   * that BiDi cannot drive.
   */
  async openPopup(): Promise<PageHandle> {
    const page = (await this.newTab()) as PuppeteerPage;
    await page.page.setViewport({ width: 400, height: 600 });
    await page.goto(this.extensionUrl('popup.html'));
    return page;
  }

  async stopBackground(): Promise<void> {
    await this.privileged(`WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.terminateBackground()`);
    await pollUntil(async () => (await this.backgroundState()) === 'stopped', 'the event page to stop');
  }

  async backgroundRunning(): Promise<boolean> {
    const state = await this.backgroundState();
    return state === 'running' || state === 'starting';
  }

  /** Firefox's own state of the event page: 'stopped' | 'starting' | 'running' | 'suspending'. */
  backgroundState(): Promise<string> {
    return this.privileged(`WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState`) as Promise<string>;
  }

  /** Sets a Firefox pref at run time (browser-wide). */
  async setPref(name: string, value: string | number | boolean): Promise<void> {
    const setter = typeof value === 'string' ? 'setStringPref' : typeof value === 'number' ? 'setIntPref' : 'setBoolPref';
    await this.privileged(`Services.prefs.${setter}(${JSON.stringify(name)}, ${JSON.stringify(value)})`);
  }

  /**
   * Right-clicks `selector` in `page` (real pointer input over BiDi), waits for Firefox's own content-area
   * context menu to open, and returns the labels of the items our extension has in it (Firefox builds them
   * from the menus the extension created, for this click's context). The menu stays open. `target` is a
   * selector (its element's centre) or a viewport point (e.g. on selected words).
   */
  async openContextMenu(page: PageHandle, target: string | { x: number; y: number }): Promise<string[]> {
    if (!(page instanceof PuppeteerPage)) throw new Error('openContextMenu needs a tab opened by this session');
    await this.closeContextMenu();
    if (typeof target === 'string') await page.page.click(target, { button: 'right' });
    else await page.page.mouse.click(target.x, target.y, { button: 'right' });
    await pollUntil(async () => (await this.privileged(`document.getElementById('contentAreaContextMenu').state`)) === 'open', 'the context menu to open');
    // As JSON: BiDi hands arrays back as remote-value lists.
    const labels = await this.privileged(
      `JSON.stringify(Array.from(document.getElementById('contentAreaContextMenu').querySelectorAll('menuitem'))
        .filter((item) => item.id.startsWith(${JSON.stringify(`${MENU_WIDGET_ID}-menuitem-`)}) && !item.hidden).map((item) => item.label))`,
    );
    return JSON.parse(String(labels)) as string[];
  }

  /** Activates our item `label` in the open context menu, as a click on it does (the menu then closes). */
  async activateContextMenuItem(label: string): Promise<void> {
    const done = await this.privileged(`(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      const item = Array.from(menu.querySelectorAll('menuitem')).find((i) => i.id.startsWith(${JSON.stringify(`${MENU_WIDGET_ID}-menuitem-`)}) && i.label === ${JSON.stringify(label)});
      if (!item || menu.state !== 'open') return false;
      menu.activateItem(item);
      return true;
    })()`);
    if (!done) throw new Error(`no open context menu item "${label}" of ours`);
  }

  async closeContextMenu(): Promise<void> {
    await this.privileged(`(() => { const menu = document.getElementById('contentAreaContextMenu'); if (menu.state !== 'closed') menu.hidePopup(); })()`);
  }

  /**
   * Types a keyboard shortcut as real key events (nsITextInputProcessor) into the browser window, focus in
   * its address bar: Firefox matches it against its key sets, extension shortcuts included. (With focus in
   * the page, synthesized keys stay in the content process and never reach the browser's shortcuts; BiDi
   * key input likewise.) `keys` e.g. [['Alt', 'AltLeft', 18], ['Shift', 'ShiftLeft', 16], ['S', 'KeyS', 83]].
   */
  async pressBrowserShortcut(keys: readonly (readonly [key: string, code: string, keyCode: number])[]): Promise<void> {
    const sent = await this.privileged(`(() => {
      window.focus();
      gURLBar.focus();
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) return false;
      const keys = ${JSON.stringify(keys)}.map(([key, code, keyCode]) => new KeyboardEvent('', { key, code, keyCode }));
      for (const key of keys) tip.keydown(key);
      for (const key of keys.reverse()) tip.keyup(key);
      return true;
    })()`);
    if (!sent) throw new Error('could not start a key input transaction in the browser window');
  }

  /** Closes any open toolbar popup panel (the real popup, where an extension code path opened it). */
  async closePopupPanels(): Promise<void> {
    // 'showing' too: a panel still opening (its animation runs) ignores nothing else and stays open.
    await this.privileged(
      `(() => { for (const panel of document.querySelectorAll('panel')) if (panel.state === 'open' || panel.state === 'showing') panel.hidePopup(); })()`,
    );
  }

  protected async newTab(): Promise<PageHandle> {
    const page = await this.live().newPage();
    return new PuppeteerPage(page, (scheme) => this.setPref('layout.css.prefers-color-scheme.content-override', schemePref(scheme)));
  }

  private live(): Browser {
    if (!this.browser) throw new Error('firefox session is closed');
    return this.browser;
  }

  /**
   * Evaluates `expression` (may return a promise) in the browser's chrome window — privileged code, allowed
   * by --remote-allow-system-access. Used for what no WebExtension or BiDi command offers: terminating
   * the event page (what about:debugging's "Terminate background script" does) and run-time prefs.
   */
  private async privileged(expression: string): Promise<unknown> {
    const connection = (this.live() as unknown as { connection: BidiConnection }).connection;
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('no chrome window to evaluate in');
    const answer = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result as EvaluateResult;
    if (answer.type === 'exception') throw new Error(`privileged evaluation failed: ${answer.exceptionDetails?.text ?? expression}`);
    return answer.result?.value;
  }
}

/** How Firefox names an extension's menu and key elements (ExtensionCommon's makeWidgetId). */
const MENU_WIDGET_ID = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

function schemePref(scheme: ColorScheme): number {
  return scheme === 'dark' ? 0 : 1; // layout.css.prefers-color-scheme.content-override: 0 dark, 1 light, 2 system
}
