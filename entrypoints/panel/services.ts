import { callBackground, onBackgroundEvent } from '@/components/api';
import { connectDraftPort } from '@/components/draft-port';
import { prefetchingCall } from '@/components/prefetching-call';
import type { EventFn, Services } from '@/components/services';
import { safeArchiveHref } from '@/lib/archive/safe-href';
import { makeEvent } from '@/lib/protocol';
import type { HostChannel } from './host-channel';

/**
 * Background broadcasts, except bg.showRelated: the background sends that one to this tab's content
 * script (runtime broadcasts reach every extension page and cannot say which tab they are for), which
 * passes it on over the panel's private channel; its URL is checked against the archive hosts like any link.
 */
export function panelEvents(hosts: readonly string[], host: Pick<HostChannel, 'onShowRelated'>): EventFn {
  return (listener, signal) => {
    onBackgroundEvent((event) => {
      if (event.event !== 'bg.showRelated') listener(event);
    }, signal);
    host.onShowRelated((shown) => {
      const url = safeArchiveHref(shown, hosts);
      if (url) listener(makeEvent('bg.showRelated', { url }));
    }, signal);
  };
}

/**
 * The panel page's services: the checked protocol client (prefetching `prefetchUrl`'s view, when given),
 * events as above, the draft port. Links open normally.
 */
export function panelServices(hosts: readonly string[], host: HostChannel, prefetchUrl: string | null = null): Services {
  const call = prefetchUrl ? prefetchingCall(prefetchUrl, new AbortController().signal) : callBackground;
  return { call, onEvent: panelEvents(hosts, host), hosts, drafts: connectDraftPort() };
}
