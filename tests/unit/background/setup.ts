import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SenderLike } from '@/lib/protocol';
import { createBackgroundRouter } from '@/entrypoints/background/router';
import { articleMeta, articlePage } from '../db/helpers';

/**
 * The background's router over its real handlers, with WXT's fakeBrowser as the extension API and
 * fake-indexeddb as the store (getStore() opens the global indexedDB once per module life, like once per
 * worker life). fakeBrowser leaves some APIs unimplemented: the ones the handlers touch are stubbed here.
 */
export const SELF = { id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('/').replace(/\/$/, '') };
export const POPUP: SenderLike = { id: SELF.id, url: `${SELF.origin}/popup.html` };
export const PANEL: SenderLike = { id: SELF.id, url: `${SELF.origin}/panel.html?url=x`, tab: { id: 4, url: 'http://www.securityvibes.fr/a/' }, frameId: 3 };

export function contentIn(tabId: number, url: string, frameId = 0): SenderLike {
  return { id: SELF.id, url, tab: { id: tabId, url }, frameId };
}

export function stubUnmockedApis() {
  fakeBrowser.reset();
  const runtimeSends: unknown[] = [];
  const tabSends: { tabId: number; message: unknown; options?: unknown }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    runtimeSends.push(message);
    return undefined;
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown, options?: unknown) => {
    tabSends.push(options === undefined ? { tabId, message } : { tabId, message, options });
    return undefined;
  });
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '0.1.0',
    content_scripts: [{ matches: ['http://www.securityvibes.fr/*'], js: ['archive-page.js'] }],
  });
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => name);
  for (const method of ['setBadgeText', 'setBadgeBackgroundColor', 'setBadgeTextColor', 'setTitle'] as const) {
    vi.spyOn(fakeBrowser.action, method).mockResolvedValue(undefined);
  }
  return { runtimeSends, tabSends };
}

/** The background's own router (its archive-tab gate and rate limit included). */
export const route = createBackgroundRouter();

export const page = (slug: string) => articlePage(articleMeta(slug));
export { articleMeta, articlePage };
