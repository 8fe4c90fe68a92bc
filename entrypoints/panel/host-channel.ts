import { readPanelToken, readPortHandover, readShowRelated, type PanelSizeMessage } from '@/lib/protocol/panel-frame';

/** The panel's side of its private channel with the content script that framed it. */
export interface HostChannel {
  /** The one-time token the content script passes on (pending forever if none comes: no draw). */
  token: Promise<string>;
  /** Size reports for the content script; queued until the port has come. */
  post(message: PanelSizeMessage): void;
  /** "Show related articles" for this tab (the context menu), until `signal` aborts. */
  onShowRelated(listener: (url: string) => void, signal: AbortSignal): void;
}

/**
 * Waits for the framing content script's port: the first message from the parent window that carries a
 * port handover. Nothing is ever posted to the parent window (whose other scripts are the page's). A page
 * script could hand over its own port first; it has no token to send on it, so the panel then simply
 * never draws (fails closed).
 */
export function connectHost(frame: Pick<Window, 'addEventListener' | 'removeEventListener'> = window, parent: unknown = window.parent): HostChannel {
  let gotPort: (port: MessagePort) => void = () => undefined;
  const port = new Promise<MessagePort>((resolve) => (gotPort = resolve));
  let gotToken: (token: string) => void = () => undefined;
  const token = new Promise<string>((resolve) => (gotToken = resolve));
  const related = new Set<(url: string) => void>();

  const onHandover = (event: MessageEvent) => {
    if (event.source !== parent) return;
    const handed = readPortHandover(event.data, event.ports);
    if (!handed) return;
    frame.removeEventListener('message', onHandover);
    handed.onmessage = (message: MessageEvent) => {
      const sent = readPanelToken(message.data);
      if (sent) gotToken(sent.token);
      const show = readShowRelated(message.data);
      if (show) for (const listener of related) listener(show.url);
    };
    gotPort(handed);
  };
  frame.addEventListener('message', onHandover);

  return {
    token,
    post: (message) => void port.then((open) => open.postMessage(message)),
    onShowRelated(listener, signal) {
      related.add(listener);
      signal.addEventListener('abort', () => related.delete(listener), { once: true });
    },
  };
}
