import { render } from 'preact';
import { ServicesProvider } from '@/components/services';
import { t } from '@/components/i18n';
import { callBackground } from '@/components/api';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { App } from './App';
import { popupServices } from './services';
import { resolveTarget } from './target';
import '@/components/theme.css';
import './popup.css';

async function start() {
  document.documentElement.lang = t('@@ui_locale').replace('_', '-') || 'en';
  document.title = t('extName');
  const [target, settings] = await Promise.all([resolveTarget(), callBackground('ui.getSettings', {})]);
  const hosts = settings.ok ? settings.value.archiveHosts : DEFAULT_ARCHIVE_HOSTS;
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <ServicesProvider value={popupServices(target.tabId, hosts)}>
      <App target={target} />
    </ServicesProvider>,
    root,
  );
  document.documentElement.dataset.ready = 'true';
}

void start();
