/**
 * Extension storage keys that two contexts share (one writes, another reads). No zod, no extension API:
 * the content script imports this file by path.
 */

/**
 * storage.local, read by the content script in one call before framing the panel (no background round
 * trip on the way to a drawn panel): the background's mirror of Settings.panelEnabled, and the panel's
 * own collapsed state (written by panel.html, handed back to it in its query).
 */
export const PANEL_ENABLED_KEY = 'sv.panelEnabled';
export const PANEL_COLLAPSED_KEY = 'sv.panelCollapsed';

/** storage.session: where the context menu (background) leaves the article the popup should show. */
export const PENDING_TARGET_KEY = 'sv.pendingTarget';

/** storage.session: what the content script of tab `tabId` last reported (background writes, popup reads through ui.getTabPage). */
export const tabPageKey = (tabId: number): string => `tabPage:${tabId}`;

/**
 * storage.session, background only: the one panel token outstanding for tab `tabId` (issued with
 * content.pageSeen's answer, redeemed once by the panel framed in that tab). In storage rather than in
 * the worker's memory, because the worker may stop between the two.
 */
export const panelTokenKey = (tabId: number): string => `panelToken:${tabId}`;

/**
 * storage.session, background only: tab id → frame id of the panel framed in that tab (recorded when it
 * redeems its token). Firefox delivers runtime messages to no moz-extension frame inside a web page, so
 * there the background sends the panel its events with tabs.sendMessage aimed at that frame only.
 */
export const PANEL_FRAMES_KEY = 'sv.panelFrames';

/**
 * storage.session, background only: the highlights the highlighter of tab `tabId` could not place on its
 * page, with the article they belong to (the panel of that tab lists them as not found).
 */
export const highlightOrphansKey = (tabId: number): string => `hlOrphans:${tabId}`;
