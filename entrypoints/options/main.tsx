import { render } from 'preact';
import { browser } from 'wxt/browser';
import { callBackground, onBackgroundEvent } from '@/components/api';
import { connectDraftPort } from '@/components/draft-port';
import { t, uiLocale } from '@/components/i18n';
import { downloadBlob } from '@/components/options/download';
import { App, type OptionsDeps } from './App';
import '@/components/theme.css';
import './options.css';
import './sections.css';

const deps: OptionsDeps = {
  call: callBackground,
  subscribe: onBackgroundEvent,
  saveFile: downloadBlob,
  drafts: connectDraftPort(),
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

document.documentElement.lang = uiLocale().replace('_', '-');
document.title = t('optionsPageTitle');
const root = document.getElementById('app');
if (root) {
  render(<App deps={deps} />, root);
  document.documentElement.dataset.ready = 'true';
}
