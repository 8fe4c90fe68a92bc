import { browser, type Browser } from 'wxt/browser';
import { classifySender, type SenderLike } from '@/lib/protocol';
import { DRAFT_PORT, readDraftMessage } from '@/lib/protocol/draft-port';
import { selfIdentity } from './self';

type Route = (message: unknown, sender: SenderLike | undefined) => Promise<unknown>;

/**
 * The popup, the panel and the options page mirror each keystroke of a note here over a Port
 * (components/draft-port.ts). Texts not yet confirmed saved are committed through the normal router (same
 * sender checks and schemas as ui.saveNote) when the port disconnects — i.e. when the popup closes or the
 * tab unloads — so closing mid-sentence loses nothing even if the page's last sendMessage was dropped.
 * Only our extension pages may open the port (the same classifier as every call): a content script's port
 * is closed at once, before it can queue a write.
 */
export function listenForNoteDrafts(route: Route): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== DRAFT_PORT) return;
    if (classifySender(port.sender, selfIdentity()).kind !== 'page') {
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
