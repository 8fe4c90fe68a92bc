import { callBackground, onBackgroundEvent } from '@/components/api';
import { connectDraftPort } from '@/components/draft-port';
import { safeArchiveHref } from '@/lib/archive/safe-href';
import { prefetchingCall } from '@/components/prefetching-call';
import type { EventFn, Services } from '@/components/services';
import { makeEvent } from '@/lib/protocol';
import { readShowRelated } from '@/lib/protocol/panel-frame';

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
 * The panel page's services: the checked protocol client (prefetching `prefetchUrl`'s view, when given),
 * events as above, the draft port. Links open normally.
 */
export function panelServices(hosts: readonly string[], prefetchUrl: string | null = null): Services {
  const call = prefetchUrl ? prefetchingCall(prefetchUrl, new AbortController().signal) : callBackground;
  return { call, onEvent: panelEvents(hosts), hosts, drafts: connectDraftPort() };
}
