import { browser } from 'wxt/browser';
import { CONTENT_RATE, createTabRateLimit } from '@/lib/protocol';
import { setupContextMenu } from './context-menu';
import { setupCrawl } from './crawl/setup';
import { listenForNoteDrafts } from './note-drafts';
import { forgetPanelFrame } from './panel-frames';
import { forgetPanelToken } from './panel-tokens';
import { createBackgroundRouter } from './router';
import { setupTabPages } from './tab-pages';
import { setupWayback } from './wayback';
import { setupHighlightCommand } from './highlighter';

/**
 * Wiring only: every message goes through the router (sender check, zod check, Result answer). Every
 * listener is added synchronously here, at the worker's start, so MV3 delivers the event that woke it.
 */
export default defineBackground(() => {
  const contentRate = createTabRateLimit(CONTENT_RATE);
  const route = createBackgroundRouter(contentRate);
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  listenForNoteDrafts(route);
  setupTabPages((tabId) => {
    contentRate.forget(tabId);
    void forgetPanelToken(tabId);
    void forgetPanelFrame(tabId);
  });
  setupContextMenu();
  setupCrawl();
  setupWayback();
  setupHighlightCommand();
});
