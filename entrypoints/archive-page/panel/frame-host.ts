import { browser } from 'wxt/browser';
import {
  panelQuery,
  readPanelMessage,
  type PanelPortMessage,
  type PanelTokenMessage,
  type Placement,
  type ShowRelatedMessage,
} from '@/lib/protocol/panel-frame';
import { findRatingBlock, hideBlock } from './anchor';
import { onShowRelated } from './light-client';
import { exposePanelFocus } from '../world-hooks';

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
    placement === 'side' ? `position:fixed;top:${SIDE_TOP}px;right:0;width:${SIDE_WIDTH}px;z-index:2147483000` : 'margin:12px 0;width:100%;max-width:680px';
  host.style.cssText = `display:block;${box}`.replace(/;|$/g, '!important;');
}

/**
 * The origins panel.html may run in, which a postMessage to the frame must name: the frame URL's own
 * (moz-extension://<uuid> in Firefox), and in Chromium also chrome-extension://<id>: it hands out a
 * per-session dynamic URL for the frame (use_dynamic_url) and its documents may carry either origin.
 */
export function panelOrigins(src: string, runtimeId: string): string[] {
  const own = originOf(src);
  const fixed = new URL(src).protocol === 'chrome-extension:' ? `chrome-extension://${runtimeId}` : own;
  return fixed === own ? [own] : [own, fixed];
}

/**
 * Frames the panel (panel.html, an extension page) where the article's dead rating block was (hidden, not
 * removed), or docked to the viewport's right edge when there is none; `collapsed` is passed on to it.
 * Sealed: once the frame has loaded, one port of a MessageChannel is handed to it in a postMessage aimed
 * at our extension origin (see panelOrigins); the panel's size reports, the token and "show related" all go over that
 * channel, which the page's own scripts never see (the frame never posts to this window). `token` is the
 * background's one-time token for this tab (null: the panel will not draw; the frame is removed).
 * Returns the function that removes it.
 */
export function mountPanelFrame(url: string, collapsed: boolean, token: Promise<string | null>, signal: AbortSignal): () => void {
  const block = findRatingBlock(document);
  const placement: Placement = block ? 'inline' : 'side';
  const src = browser.runtime.getURL(`/panel.html${panelQuery(url, placement, collapsed)}`);
  const host = document.createElement('sv-companion-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = HOST_CSS;
  const iframe = document.createElement('iframe');
  iframe.title = browser.i18n.getMessage('extName') || 'SecurityVibes Companion';
  iframe.src = src;
  shadow.append(style, iframe);
  styleHost(host, placement);

  // One channel per origin the frame may have: the browser delivers a handover only if the frame's origin
  // is the one named, so exactly one port ever reaches it; messages go to every channel's own end.
  const ports = panelOrigins(src, browser.runtime.id).map((origin) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent) => {
      const message = readPanelMessage(event.data);
      if (message) iframe.style.height = `${clampHeight(message.height, placement, window.innerHeight)}px`;
    };
    return { origin, channel };
  });
  const post = (message: PanelTokenMessage | ShowRelatedMessage) => ports.forEach(({ channel }) => channel.port1.postMessage(message));
  // The first load is panel.html's (src is set before the frame is in the document); each port goes once,
  // and only to our origin: were the frame navigated elsewhere meanwhile, the browser drops the message.
  iframe.addEventListener(
    'load',
    () => {
      const handover: PanelPortMessage = { type: 'sv-panel-port' };
      for (const { origin, channel } of ports) iframe.contentWindow?.postMessage(handover, origin, [channel.port2]);
    },
    { once: true, signal },
  );
  void token.then((value) => {
    if (value !== null) post({ type: 'sv-panel-token', token: value });
  });
  onShowRelated((related) => post({ type: 'sv-show-related', url: related }), signal);
  signal.addEventListener('abort', () => ports.forEach(({ channel }) => channel.port1.close()), { once: true });
  exposePanelFocus(() => iframe.focus(), signal);

  if (block) {
    block.before(host);
    hideBlock(block);
  } else document.body.append(host);
  // Removing the host unloads panel.html, whose draft port then commits any unsaved note text.
  return () => host.remove();
}
