import { render } from 'preact';
import { callBackground } from '@/components/api';
import { t, uiLocale } from '@/components/i18n';
import { ServicesProvider } from '@/components/services';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { App } from './App';
import { optionsServices } from './services';
import '@/components/theme.css';
import './options.css';
import './sections.css';

async function start() {
  document.documentElement.lang = uiLocale().replace('_', '-');
  document.title = t('optionsPageTitle');
  // The archive hosts decide which note URLs become links, as in the popup.
  const settings = await callBackground('ui.getSettings', {});
  const hosts = settings.ok ? settings.value.archiveHosts : DEFAULT_ARCHIVE_HOSTS;
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <ServicesProvider value={optionsServices(hosts)}>
      <App />
    </ServicesProvider>,
    root,
  );
  document.documentElement.dataset.ready = 'true';
}

void start();
