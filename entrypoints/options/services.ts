import { browser } from 'wxt/browser';
import { callBackground, onBackgroundEvent } from '@/components/api';
import { connectDraftPort } from '@/components/draft-port';
import { downloadBlob } from '@/components/options/download';
import type { Services } from '@/components/services';

/**
 * The options page's real services: the protocol client, broadcasts, the draft port, downloads, the storage
 * probe and the optional host permission. Links open normally (new tabs), so no `openUrl`.
 */
export function optionsServices(hosts: readonly string[]): Services {
  return {
    call: callBackground,
    onEvent: onBackgroundEvent,
    hosts,
    drafts: connectDraftPort(),
    saveFile: downloadBlob,
    // persist() is only in windows (not the service worker): the options page asks, each time it opens.
    storage: {
      persisted: () => navigator.storage.persisted(),
      persist: () => navigator.storage.persist(),
      estimate: () => navigator.storage.estimate(),
      unlimited: () => browser.permissions.contains({ permissions: ['unlimitedStorage'] }),
    },
    permissions: {
      request: (origins) => browser.permissions.request({ origins }),
      remove: (origins) => browser.permissions.remove({ origins }),
      contains: (origins) => browser.permissions.contains({ origins }),
    },
  };
}
