import { browser } from 'wxt/browser';
import { DRAFT_PORT, type DraftMessage } from '@/lib/protocol/draft-port';
import type { DraftSink } from './services';

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
