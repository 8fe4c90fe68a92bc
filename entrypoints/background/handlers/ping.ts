import { browser } from 'wxt/browser';
import type { Handlers } from '@/lib/protocol';

export const pingHandlers: Pick<Handlers, 'ui.ping'> = {
  'ui.ping': () => ({ version: browser.runtime.getManifest().version }),
};
