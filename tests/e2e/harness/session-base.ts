import { writeFileSync } from 'node:fs';
import type { CallName, CallRequest, CallResponse, Result } from '../../../lib/protocol';
import { BRIDGE_PAGE, Bridge } from './bridge';
import type { ContentProbe, ContentProbeResult } from './content-world';
import { makeProfileDir, removeDir, screenshotPath } from './env';
import type { BrowserName, LaunchOptions, PageHandle, Session } from './types';

/** Every session not yet closed, so a test file's teardown (harness/setup.ts) can close what a test left. */
export const liveSessions = new Set<SessionBase>();

/** What both browsers share: the bridge page, restart, screenshots, profile clean-up. */
export abstract class SessionBase implements Session {
  abstract readonly name: BrowserName;
  abstract readonly realPopup: boolean;
  abstract get extensionId(): string;
  abstract get extensionOrigin(): string;
  readonly profileDir: string;
  /** Where this session's copy of the build lives (a stable path per profile, so the Chromium id is stable). */
  protected readonly extensionDir: string;
  protected readonly bridge = new Bridge(() => this.openExtensionPage(BRIDGE_PAGE));
  private readonly ownsProfile: boolean;
  private closed = false;

  constructor(
    browser: BrowserName,
    protected readonly options: LaunchOptions,
  ) {
    this.ownsProfile = !options.profileDir;
    this.profileDir = options.profileDir ?? makeProfileDir(browser);
    this.extensionDir = `${this.profileDir.replace(/\/+$/, '')}-extension`;
  }

  /** Launches the browser with the extension installed; sets extensionId/extensionOrigin. */
  protected abstract start(options: LaunchOptions): Promise<void>;
  /** Closes the browser, keeping the profile. */
  protected abstract stop(): Promise<void>;
  /** A blank new tab. */
  protected abstract newTab(): Promise<PageHandle>;
  abstract openPage(url: string): Promise<PageHandle>;
  abstract openPopup(forPage?: PageHandle): Promise<PageHandle>;
  abstract stopBackground(): Promise<void>;
  abstract backgroundRunning(): Promise<boolean>;

  async begin(): Promise<this> {
    liveSessions.add(this);
    try {
      await this.start(this.options);
    } catch (error) {
      await this.close();
      throw error;
    }
    return this;
  }

  extensionUrl(path: string): string {
    return `${this.extensionOrigin}/${path.replace(/^\//, '')}`;
  }

  async openExtensionPage(path: string): Promise<PageHandle> {
    const page = await this.newTab();
    await page.goto(this.extensionUrl(path));
    return page;
  }

  callBackground<N extends CallName>(name: N, payload: CallRequest<N>): Promise<Result<CallResponse<N>>> {
    return this.bridge.call(name, payload);
  }

  sendRawMessage(message: unknown): Promise<unknown> {
    return this.bridge.send(message);
  }

  async tabIdOf(page: PageHandle): Promise<number> {
    return this.bridge.tabIdOf(await page.url());
  }

  contentWorld(tabId: number, probe: ContentProbe): Promise<ContentProbeResult> {
    return this.bridge.contentWorld(tabId, probe);
  }

  sendToTab(tabId: number, message: unknown): Promise<void> {
    return this.bridge.sendToTab(tabId, message);
  }

  async restart(): Promise<void> {
    this.bridge.reset();
    await this.stop();
    await this.start(this.options);
  }

  async screenshot(page: PageHandle, name: string): Promise<string> {
    const path = screenshotPath(this.name, name);
    writeFileSync(path, await page.screenshotPng());
    return path;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    liveSessions.delete(this);
    try {
      await this.stop();
    } finally {
      if (this.ownsProfile) {
        removeDir(this.profileDir);
        removeDir(this.extensionDir);
      }
    }
  }
}
