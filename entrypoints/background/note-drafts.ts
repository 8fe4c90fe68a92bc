import { browser, type Browser } from 'wxt/browser';
import { DRAFT_PORT, readDraftMessage } from '@/lib/protocol/draft-port';
import type { SenderLike } from '@/lib/protocol';

type Route = (message: unknown, sender: SenderLike | undefined) => Promise<unknown>;

/**
 * The popup and the panel mirror each keystroke of a note here over a Port (components/draft-port.ts).
 * Texts not yet confirmed saved are committed through the normal router (same sender checks and
 * schemas as ui.saveNote) when the port disconnects — i.e. when the popup closes or the tab unloads —
 * so closing mid-sentence loses nothing even if the page's last sendMessage was dropped.
 */
export function listenForNoteDrafts(route: Route): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== DRAFT_PORT) return;
    if (port.sender?.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    const pending = new Map<string, string>();
    port.onMessage.addListener((raw: unknown) => {
      const message = readDraftMessage(raw);
      if (!message) return;
      if (message.kind === 'draft') pending.set(message.url, message.text);
      else if (pending.get(message.url) === message.text) pending.delete(message.url);
    });
    port.onDisconnect.addListener(() => {
      for (const [url, text] of pending) void route({ call: 'ui.saveNote', payload: { url, text } }, port.sender);
      pending.clear();
    });
  });
}
