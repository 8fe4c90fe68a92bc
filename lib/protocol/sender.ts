import type { SenderKind } from './calls';

/** The parts of runtime.MessageSender (or Port.sender) we rely on (structural, so lib/ needs no extension API). */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface SelfIdentity {
  /** runtime.id */
  id: string;
  /** runtime.getURL('') without the trailing slash, e.g. chrome-extension://abc */
  origin: string;
}

/**
 * Who is talking. `page`: one of our extension pages (popup, options, the in-page panel — even framed in a
 * web page's tab). `content`: our content script in the top frame of a web tab, with that frame's address
 * as the browser reports it (never as the page claims it). Everything else is rejected with a reason.
 */
export type SenderClass =
  | { kind: Extract<SenderKind, 'page'>; tabId: number | null }
  | { kind: Extract<SenderKind, 'content'>; tabId: number; frameUrl: string }
  | { kind: 'rejected'; reason: string };

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // moz-extension:// and chrome-extension:// URLs have an opaque origin in some engines: rebuild it.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * The one place that decides who is talking. Extension pages have our own origin; our content scripts run
 * in http(s) tabs and carry our runtime id. A content script counts only in a tab's top frame (frameId 0):
 * one in a subframe runs inside whatever page framed it, so it speaks for no archive page. Anything
 * else — another extension, a web page via externally_connectable, a sender without id or tab — is
 * rejected. Never throws.
 */
export function classifySender(sender: SenderLike | undefined, self: SelfIdentity): SenderClass {
  if (!sender || typeof sender !== 'object') return { kind: 'rejected', reason: 'no sender' };
  if (sender.id !== self.id) return { kind: 'rejected', reason: 'foreign extension or web page' };
  const selfOrigin = self.origin.replace(/\/$/, '');
  const senderOrigin = originOf(sender.url) ?? sender.origin ?? null;
  const tabId = typeof sender.tab?.id === 'number' && Number.isInteger(sender.tab.id) ? sender.tab.id : null;
  if (senderOrigin === selfOrigin) return { kind: 'page', tabId };
  if (!sender.tab || !senderOrigin || !/^https?:\/\//.test(senderOrigin) || !sender.url) return { kind: 'rejected', reason: 'unknown context' };
  if (tabId === null || tabId < 0) return { kind: 'rejected', reason: 'content script without a tab id' };
  if (sender.frameId !== 0) return { kind: 'rejected', reason: 'content script in a subframe' };
  return { kind: 'content', tabId, frameUrl: sender.url };
}
