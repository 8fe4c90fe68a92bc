import { callBackground, onBackgroundEvent } from '@/components/api';
import { connectDraftPort } from '@/components/draft-port';
import { safeArchiveHref } from '@/components/safe-href';
import type { CallFn, EventFn, Services } from '@/components/services';
import { RELATED_LIMIT } from '@/components/use-article-view';
import { makeEvent } from '@/lib/protocol';
import { readShowRelated } from './frame-protocol';

/**
 * Background broadcasts, except bg.showRelated: the background sends that one to every extension page, so
 * it cannot tell which tab it is for. This tab's content script forwards it instead (a postMessage from the
 * framing window, its URL checked against the archive hosts like any link).
 */
export function panelEvents(hosts: readonly string[], frame: Pick<Window, 'addEventListener'> = window, parent: unknown = window.parent): EventFn {
  return (listener, signal) => {
    onBackgroundEvent((event) => {
      if (event.event !== 'bg.showRelated') listener(event);
    }, signal);
    frame.addEventListener(
      'message',
      (message: MessageEvent) => {
        if (message.source !== parent) return;
        const show = readShowRelated(message.data);
        const url = show ? safeArchiveHref(show.url, hosts) : null;
        if (url) listener(makeEvent('bg.showRelated', { url }));
      },
      { signal },
    );
  };
}

/**
 * A `call` that asks for the framed article's view at once — when panel.html's script starts, not in the
 * view hook's effect, which Preact runs only after the first paint — and serves that answer to the first
 * identical request. The answer is dropped unused if bg.indexChanged arrives before it is taken: the
 * content script reports the page in parallel, so the index may have gained this very article since.
 * Until `signal` aborts.
 */
export function prefetchingCall(url: string, signal: AbortSignal, call: CallFn = callBackground, events: EventFn = onBackgroundEvent): CallFn {
  let early: ReturnType<CallFn> | null = call('ui.getArticleView', { url, limit: RELATED_LIMIT });
  events((event) => {
    if (event.event === 'bg.indexChanged') early = null;
  }, signal);
  return ((name, payload) => {
    const taken = early;
    early = null;
    const asked = payload as { url?: unknown; limit?: unknown };
    if (taken && name === 'ui.getArticleView' && asked.url === url && asked.limit === RELATED_LIMIT) return taken;
    return call(name, payload);
  }) as CallFn;
}

/**
 * The panel page's services: the checked protocol client (prefetching `prefetchUrl`'s view, when given),
 * events as above, the draft port. Links open normally.
 */
export function panelServices(hosts: readonly string[], prefetchUrl: string | null = null): Services {
  const call = prefetchUrl ? prefetchingCall(prefetchUrl, new AbortController().signal) : callBackground;
  return { call, onEvent: panelEvents(hosts), hosts, drafts: connectDraftPort() };
}
