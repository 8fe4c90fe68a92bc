/**
 * The messages between the in-page panel (panel.html, an extension page framed by an archive article) and
 * the content script that frames it. Shared by both sides; no extension API, no zod (the content script
 * imports it and must stay within its size budget): import it by path, not through lib/protocol's index.
 */

/** Panel → content script: its content height in CSS px and whether it is collapsed. */
export interface PanelSizeMessage {
  type: 'sv-panel-size';
  height: number;
  collapsed: boolean;
}

/** Panel → content script: the first render is on screen (the content script times it). */
export interface PanelDrawnMessage {
  type: 'sv-panel-drawn';
}

/** Content script → panel: the context menu's "Show related articles" for `url` in this tab. */
export interface ShowRelatedMessage {
  type: 'sv-show-related';
  url: string;
}

export type Placement = 'inline' | 'side';

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A panel → content script message, or null for anything else (the page's own messages included). */
export function readPanelMessage(data: unknown): PanelSizeMessage | PanelDrawnMessage | null {
  if (!isObject(data)) return null;
  if (data.type === 'sv-panel-drawn') return { type: 'sv-panel-drawn' };
  if (data.type !== 'sv-panel-size' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return null;
  return { type: 'sv-panel-size', height: data.height, collapsed: data.collapsed === true };
}

/** A content script → panel message, or null; the URL is checked by the receiver against the archive hosts. */
export function readShowRelated(data: unknown): ShowRelatedMessage | null {
  if (!isObject(data) || data.type !== 'sv-show-related' || typeof data.url !== 'string') return null;
  return { type: 'sv-show-related', url: data.url };
}

/** The panel page's query string: `?url=<article>&placement=inline|side&collapsed=1|0`. */
export function panelQuery(url: string, placement: Placement, collapsed = false): string {
  return `?${new URLSearchParams({ url, placement, collapsed: collapsed ? '1' : '0' }).toString()}`;
}
