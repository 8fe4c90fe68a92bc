import { browser } from 'wxt/browser';
import { createRouter } from '@/lib/protocol';
import { buildHandlers } from './handlers';
import { setupContextMenu } from './context-menu';
import { setupCrawl } from './crawl/setup';
import { listenForNoteDrafts } from './note-drafts';
import { setupWayback } from './wayback';

/** Wiring only: every message goes through the router (sender check, zod check, Result answer). */
export default defineBackground(() => {
  const self = () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') });
  const route = createRouter(buildHandlers(), self);
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  listenForNoteDrafts(route);
  setupContextMenu();
  setupCrawl();
  setupWayback();
});
