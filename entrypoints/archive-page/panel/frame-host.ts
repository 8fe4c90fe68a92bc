import { browser } from 'wxt/browser';
import { panelQuery, readPanelMessage, type Placement, type ShowRelatedMessage } from '@/lib/protocol/panel-frame';
import { findRatingBlock, hideBlock } from './anchor';
import { onShowRelated } from './light-client';

/** The collapsed panel's height (its bar), reserved before the frame loads so the page moves once at most. */
export const COLLAPSED_HEIGHT = 50;
const MAX_INLINE_HEIGHT = 2000;
const SIDE_WIDTH = 340;
const SIDE_TOP = 16;

// The frame sits in a closed shadow root: page CSS cannot restyle it and page scripts cannot reach it.
// (A plain attachShadow, not wxt's createShadowRootUi: that one brings ~8.6 KB of auto-mount, CSS-splitting
// and event-isolation code the frame does not need — events inside a frame never reach the page anyway.)
// Written minified: every byte counts against the content script's 48 KB.
const HOST_CSS = `:host{all:initial!important}iframe{display:block;width:100%;height:${COLLAPSED_HEIGHT}px;border:0;margin:0;padding:0;background:transparent;color-scheme:light dark}`;

/** `${protocol}//${host}`: extension URLs have an opaque URL.origin in some engines. */
function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

export function clampHeight(height: number, placement: Placement, viewportHeight: number): number {
  const max = placement === 'side' ? Math.max(COLLAPSED_HEIGHT, viewportHeight - 2 * SIDE_TOP) : MAX_INLINE_HEIGHT;
  return Math.round(Math.min(max, Math.max(0, height)));
}

/** The host's own box, every declaration !important so page CSS cannot move it (one cssText: fewer bytes). */
function styleHost(host: HTMLElement, placement: Placement): void {
  const box =
    placement === 'side'
      ? `position:fixed;top:${SIDE_TOP}px;right:0;width:${SIDE_WIDTH}px;z-index:2147483000`
      : 'margin:12px 0;width:100%;max-width:680px';
  host.style.cssText = `display:block;${box}`.replace(/;|$/g, '!important;');
}

/**
 * Frames the panel (panel.html, an extension page) where the article's dead rating block was (hidden, not
 * removed), or docked to the viewport's right edge when there is none; `collapsed` is passed on to it. The frame's height follows the
 * panel's own reports, accepted only from that frame at our origin. `startedAt` (performance.now() at
 * document_idle) times the first draw onto the host's data-drawn-ms (the bench reads it).
 * Returns the function that removes it.
 */
export function mountPanelFrame(url: string, collapsed: boolean, startedAt: number, signal: AbortSignal): () => void {
  const block = findRatingBlock(document);
  const placement: Placement = block ? 'inline' : 'side';
  const src = browser.runtime.getURL(`/panel.html${panelQuery(url, placement, collapsed)}`);
  // Chrome hands out the per-session dynamic URL (use_dynamic_url) and serves the frame from the static id
  // origin: either is ours. Replies go to the origin the panel last spoke from.
  const ours = [originOf(src), `${new URL(src).protocol}//${browser.runtime.id}`];
  let panelOrigin = ours[0]!;
  const host = document.createElement('sv-companion-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = HOST_CSS;
  const iframe = document.createElement('iframe');
  iframe.title = browser.i18n.getMessage('extName') || 'SecurityVibes Companion';
  iframe.src = src;
  shadow.append(style, iframe);
  styleHost(host, placement);
  host.dataset.placement = placement;

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || !ours.includes(event.origin)) return;
    const message = readPanelMessage(event.data);
    if (!message) return;
    panelOrigin = event.origin;
    if (message.type === 'sv-panel-drawn') {
      host.dataset.drawnMs ??= (performance.now() - startedAt).toFixed(1);
      return;
    }
    iframe.style.height = `${clampHeight(message.height, placement, window.innerHeight)}px`;
    host.dataset.collapsed = String(message.collapsed);
  }, { signal });
  onShowRelated((related) => {
    const message: ShowRelatedMessage = { type: 'sv-show-related', url: related };
    iframe.contentWindow?.postMessage(message, panelOrigin);
  }, signal);

  if (block) {
    block.before(host);
    hideBlock(block);
  } else document.body.append(host);
  // Removing the host unloads panel.html, whose draft port then commits any unsaved note text.
  return () => host.remove();
}
