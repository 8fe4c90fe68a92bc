import { browser } from 'wxt/browser';
import type { DraftSink } from './services';

/** Port name the background listens on (entrypoints/background/note-drafts.ts). */
export const DRAFT_PORT = 'sv-note-drafts';

/** Messages on the draft port: the text being typed, and "this text is stored". */
export type DraftMessage = { kind: 'draft'; url: string; text: string } | { kind: 'saved'; url: string; text: string };

/**
 * Mirrors every keystroke of a note to the background over a long-lived Port. When the popup closes (or
 * the tab reloads) the port disconnects and the background commits whatever was not saved yet — a
 * runtime.sendMessage sent during unload can be dropped, a port disconnect cannot. Reconnects lazily
 * when the background restarted.
 */
export function connectDraftPort(): DraftSink {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const post = (message: DraftMessage) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        if (!port) {
          port = browser.runtime.connect({ name: DRAFT_PORT });
          port.onDisconnect.addListener(() => {
            port = null;
          });
        }
        port.postMessage(message);
        return;
      } catch {
        port = null;
      }
    }
  };
  return {
    draft: (url, text) => post({ kind: 'draft', url, text }),
    saved: (url, text) => post({ kind: 'saved', url, text }),
  };
}
