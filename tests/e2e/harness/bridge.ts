import { createClient, type CallBackground } from '../../../lib/protocol';
import { probeContentWorld, sendToContentScript, type ContentProbe, type ContentProbeResult } from './content-world';
import type { PageHandle } from './types';

/** The bits of the extension API the harness uses inside extension pages (chrome.* or browser.*). */
export interface PageExtensionApi {
  runtime: { id: string; sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
}
export type ExtensionGlobals = { browser?: PageExtensionApi; chrome?: PageExtensionApi };

/**
 * The extension-origin document the harness sends messages from (sender kind 'page'). manifest.json rather
 * than popup.html/options.html: it runs none of our UI code, so the bridge has no side effects of its own
 * (e.g. the popup consumes the context menu's pending target from storage.session). Both browsers give
 * such documents the extension API.
 */
export const BRIDGE_PAGE = 'manifest.json';

/** Sends from one extension tab, opened on first use and reopened if a test closed it. */
export class Bridge {
  private page: PageHandle | null = null;
  readonly call: CallBackground = createClient((message) => this.send(message));

  constructor(private readonly open: () => Promise<PageHandle>) {}

  async send(message: unknown): Promise<unknown> {
    const page = await this.ready();
    return page.evaluate((m) => {
      const globals = globalThis as unknown as ExtensionGlobals;
      const api = (globals.browser ?? globals.chrome)!;
      return api.runtime.sendMessage(m);
    }, message);
  }

  /** Tab id of the only tab showing exactly `url`. */
  async tabIdOf(url: string): Promise<number> {
    const page = await this.ready();
    const ids = await page.evaluate(async (wanted) => {
      const globals = globalThis as unknown as ExtensionGlobals;
      const api = (globals.browser ?? globals.chrome)!;
      const tabs = await api.tabs.query({});
      return tabs.filter((tab) => tab.url === wanted).map((tab) => tab.id ?? -1);
    }, url);
    if (ids.length !== 1) throw new Error(`tabIdOf: ${ids.length} tabs show ${url} (need exactly one)`);
    return ids[0]!;
  }

  /** Runs a probe in our content script's world of tab `tabId` (see content-world.ts). */
  async contentWorld(tabId: number, probe: ContentProbe): Promise<ContentProbeResult> {
    return probeContentWorld(await this.ready(), tabId, probe);
  }

  /** tabs.sendMessage to tab `tabId`'s top frame from the bridge page (an extension page). */
  async sendToTab(tabId: number, message: unknown): Promise<void> {
    return sendToContentScript(await this.ready(), tabId, message);
  }

  /** Forgets the page (after a browser restart). */
  reset(): void {
    this.page = null;
  }

  private async ready(): Promise<PageHandle> {
    if (this.page) {
      const alive = await this.page.evaluate(() => true).catch(() => false);
      if (alive) return this.page;
    }
    this.page = await this.open();
    return this.page;
  }
}
