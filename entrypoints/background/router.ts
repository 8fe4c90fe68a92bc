import { archiveTabPlace } from '@/lib/archive/archive-tab';
import { CONTENT_RATE, createRouter, createTabRateLimit, type TabRateLimit } from '@/lib/protocol';
import { getStore } from './db';
import { buildHandlers } from './handlers';
import { selfIdentity } from './self';

/**
 * Whether the browser-reported address of a content script's top frame is the archive, or a Wayback copy
 * of it while the reader has Wayback support on (settings read only for Wayback addresses).
 */
export async function isArchiveTab(frameUrl: string): Promise<boolean> {
  if (archiveTabPlace(frameUrl, { waybackEnabled: false }) === 'archive') return true;
  if (archiveTabPlace(frameUrl, { waybackEnabled: true }) !== 'wayback') return false;
  return (await getStore().getSettings()).waybackEnabled;
}

/** The background's one message entry point over its one handler map. */
export function createBackgroundRouter(contentRate: TabRateLimit = createTabRateLimit(CONTENT_RATE)) {
  return createRouter(buildHandlers(), { self: selfIdentity, isArchiveTab, contentRate });
}
