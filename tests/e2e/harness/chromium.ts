import { chromium, type BrowserContext, type CDPSession, type Worker } from 'playwright-core';
import { CdpPopupPage } from './cdp-popup-page';
import { CdpTarget } from './cdp-target';
import { ARCHIVE_HOSTS, EXECUTABLES, pollUntil, snapshotBuild } from './env';
import { PlaywrightPage } from './playwright-page';
import { SessionBase } from './session-base';
import type { LaunchOptions, PageHandle } from './types';

interface Running {
  context: BrowserContext;
  cdp: CDPSession;
}

/** Chromium with the production build loaded unpacked (.output/chrome-mv3), via Playwright. */
export class ChromiumSession extends SessionBase {
  readonly name = 'chromium' as const;
  readonly realPopup = true;
  private running: Running | null = null;
  private id = '';

  constructor(options: LaunchOptions) {
    super('chromium', options);
  }

  get extensionId(): string {
    return this.id;
  }

  get extensionOrigin(): string {
    return `chrome-extension://${this.id}`;
  }

  protected async start(options: LaunchOptions): Promise<void> {
    const dir = await snapshotBuild('chromium', this.extensionDir);
    const args = [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.server ? [`--host-resolver-rules=${ARCHIVE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${options.server!.port}`).join(', ')}`] : []),
      ...(options.chromiumArgs ?? []),
    ];
    const context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: EXECUTABLES.chromium,
      headless: true,
      args,
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: 1280, height: 900 },
    });
    try {
      const browser = context.browser();
      if (!browser) throw new Error('Playwright gave no Browser for the persistent context');
      this.running = { context, cdp: await browser.newBrowserCDPSession() };
      const worker = await this.worker();
      this.id = new URL(worker.url()).host;
    } catch (error) {
      await context.close().catch(() => undefined);
      this.running = null;
      throw error;
    }
  }

  protected async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.context.close();
  }

  async openPage(url: string): Promise<PageHandle> {
    const page = new PlaywrightPage(await this.live().context.newPage());
    await page.goto(url);
    return page;
  }

  async openPopup(forPage?: PageHandle): Promise<PageHandle> {
    if (forPage) await forPage.bringToFront();
    return this.popupOpenedBy(async () => {
      const opened = await this.evaluateInWorker(async () => {
        try {
          const api = (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome;
          await api.action.openPopup();
          return 'ok';
        } catch (error) {
          return String(error);
        }
      }, undefined);
      if (opened !== 'ok') throw new Error(`action.openPopup() failed: ${opened}`);
    });
  }

  /**
   * Runs `action`, then waits for a toolbar popup that was not open before it and returns it (a CDP
   * target, like openPopup's). For code paths of the extension that open the popup themselves.
   */
  async popupOpenedBy(action: () => Promise<unknown>, options: { timeout?: number } = {}): Promise<PageHandle> {
    const { cdp } = this.live();
    const popupUrl = this.extensionUrl('popup.html');
    const before = new Set((await this.targets()).filter((t) => t.url.startsWith(popupUrl)).map((t) => t.targetId));
    await action();
    const target = await pollUntil(
      async () => (await this.targets()).find((t) => t.url.startsWith(popupUrl) && !before.has(t.targetId)),
      'the toolbar popup target',
      options.timeout,
    );
    const page = new CdpPopupPage(await CdpTarget.attach(cdp, target!.targetId));
    await page.waitForFunction(() => document.readyState !== 'loading');
    return page;
  }

  /** How many toolbar popups are open now (CDP targets at popup.html). */
  async openPopupCount(): Promise<number> {
    const popupUrl = this.extensionUrl('popup.html');
    return (await this.targets()).filter((t) => t.url.startsWith(popupUrl)).length;
  }

  /**
   * Evaluates `fn` in the extension's own service worker — the production background, woken if stopped —
   * with `arg` (JSON). Serialised like any evaluate callback: no closures over test-file variables.
   */
  async evaluateInWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const worker = await this.worker();
    // Playwright's own argument typing (Unboxed<A>) does not accept a plain generic A.
    return worker.evaluate(fn as unknown as (arg: unknown) => Promise<R>, arg as unknown);
  }

  async stopBackground(): Promise<void> {
    const { cdp } = this.live();
    for (const target of await this.workerTargets()) await cdp.send('Target.closeTarget', { targetId: target.targetId });
    await pollUntil(async () => !(await this.backgroundRunning()), 'the service worker to stop');
  }

  async backgroundRunning(): Promise<boolean> {
    return (await this.workerTargets()).length > 0;
  }

  protected newTab(): Promise<PageHandle> {
    return this.live()
      .context.newPage()
      .then((page) => new PlaywrightPage(page));
  }

  private live(): Running {
    if (!this.running) throw new Error('chromium session is closed');
    return this.running;
  }

  private async targets(): Promise<{ targetId: string; type: string; url: string }[]> {
    const { targetInfos } = await this.live().cdp.send('Target.getTargets');
    return targetInfos;
  }

  private async workerTargets() {
    const prefix = `${this.extensionOrigin}/`;
    return (await this.targets()).filter((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
  }

  /** Our service worker as a Playwright Worker, woken with a message if it was stopped. */
  private async worker(): Promise<Worker> {
    const { context } = this.live();
    const ours = () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://') && (!this.id || w.url().includes(this.id)));
    const found = ours();
    if (found) return found;
    if (this.id) void this.bridge.send({ call: 'ui.ping', payload: {} }).catch(() => undefined);
    return (await pollUntil(async () => ours(), 'the extension service worker', 15_000))!;
  }
}
