import type { SenderKind } from './calls';

/** The parts of runtime.MessageSender we rely on (kept structural so lib/ needs no extension API). */
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

export type SenderClass = { kind: SenderKind; tabId: number | null } | { kind: 'rejected'; reason: string };

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
 * The one place that decides who is talking. Extension pages (popup, options, even when opened in a
 * tab) have our own origin; our content scripts run in http(s) tabs and carry our runtime id. Anything
 * else — another extension, a web page via externally_connectable, a sender without id — is rejected.
 */
export function classifySender(sender: SenderLike | undefined, self: SelfIdentity): SenderClass {
  if (!sender) return { kind: 'rejected', reason: 'no sender' };
  if (sender.id !== self.id) return { kind: 'rejected', reason: 'foreign extension or web page' };
  const selfOrigin = self.origin.replace(/\/$/, '');
  const senderOrigin = originOf(sender.url) ?? sender.origin ?? null;
  const tabId = sender.tab?.id ?? null;
  if (senderOrigin === selfOrigin) return { kind: 'page', tabId };
  if (sender.tab && senderOrigin && /^https?:\/\//.test(senderOrigin)) return { kind: 'content', tabId };
  return { kind: 'rejected', reason: 'unknown context' };
}
