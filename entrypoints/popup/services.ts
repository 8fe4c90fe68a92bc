import { browser } from 'wxt/browser';
import { callBackground, onBackgroundEvent } from '@/components/api';
import { connectDraftPort } from '@/components/draft-port';
import type { CallFn, Services } from '@/components/services';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';

/**
 * The popup's real services: the protocol client (`call`: main.tsx passes one that has already asked for
 * the article's view), broadcasts, tab navigation and the draft port.
 */
export function popupServices(activeTabId: number | null, hosts: readonly string[] = DEFAULT_ARCHIVE_HOSTS, call: CallFn = callBackground): Services {
  return {
    call,
    onEvent: onBackgroundEvent,
    hosts,
    drafts: connectDraftPort(),
    openUrl: (url, newTab) => {
      if (newTab || activeTabId === null) {
        void browser.tabs.create({ url, active: false });
        return;
      }
      void browser.tabs.update(activeTabId, { url }).then(() => window.close());
    },
  };
}
