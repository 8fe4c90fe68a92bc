/**
 * The messages between the in-page panel (panel.html, an extension page framed by an archive article) and
 * the content script that frames it. Shared by both sides; no extension API, no zod (the content script
 * imports it and must stay within its size budget): import it by path, not through lib/protocol's index.
 *
 * The seal: the content script creates a MessageChannel and hands one port to the frame, once, in a
 * postMessage targeted at our extension origin (PanelPortMessage); everything else goes over that port,
 * which the page's own scripts never see. The panel never posts to its parent window. Over the port the
 * content script sends the one-time token the background issued to it (PanelTokenMessage); the panel draws
 * only once the background has redeemed that token for this tab.
 */

/** Content script → panel, once, on the frame's window with the channel's port transferred. */
export interface PanelPortMessage {
  type: 'sv-panel-port';
}

/** Content script → panel over the port: the token from content.pageSeen's answer. */
export interface PanelTokenMessage {
  type: 'sv-panel-token';
  token: string;
}

/** Tokens are 128 random bits in hex (lib/protocol's calls check the same shape). */
export const PANEL_TOKEN_PATTERN = /^[0-9a-f]{32}$/;

/** Panel → content script: its content height in CSS px and whether it is collapsed. */
export interface PanelSizeMessage {
  type: 'sv-panel-size';
  height: number;
  collapsed: boolean;
}

/** Content script → panel: the context menu's "Show related articles" for `url` in this tab. */
export interface ShowRelatedMessage {
  type: 'sv-show-related';
  url: string;
}

export type Placement = 'inline' | 'side';

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A panel → content script message, or null for anything else. */
export function readPanelMessage(data: unknown): PanelSizeMessage | null {
  if (!isObject(data)) return null;
  if (data.type !== 'sv-panel-size' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return null;
  return { type: 'sv-panel-size', height: data.height, collapsed: data.collapsed === true };
}

/** A content script → panel message, or null; the URL is checked by the receiver against the archive hosts. */
export function readShowRelated(data: unknown): ShowRelatedMessage | null {
  if (!isObject(data) || data.type !== 'sv-show-related' || typeof data.url !== 'string') return null;
  return { type: 'sv-show-related', url: data.url };
}

/** The port of a well-formed handover (our message with exactly one port), or null. */
export function readPortHandover(data: unknown, ports: readonly MessagePort[]): MessagePort | null {
  return isObject(data) && data.type === 'sv-panel-port' && ports.length === 1 ? ports[0]! : null;
}

/** A token message, or null for anything else. */
export function readPanelToken(data: unknown): PanelTokenMessage | null {
  if (!isObject(data) || data.type !== 'sv-panel-token' || typeof data.token !== 'string' || !PANEL_TOKEN_PATTERN.test(data.token)) return null;
  return { type: 'sv-panel-token', token: data.token };
}

/** The panel page's query string: `?url=<article>&placement=inline|side&collapsed=1|0`. */
export function panelQuery(url: string, placement: Placement, collapsed = false): string {
  return `?${new URLSearchParams({ url, placement, collapsed: collapsed ? '1' : '0' }).toString()}`;
}
