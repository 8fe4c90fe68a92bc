import { render } from 'preact';
import { ServicesProvider } from '@/components/services';
import { t } from '@/components/i18n';
import { callBackground } from '@/components/api';
import { prefetchingCall } from '@/components/prefetching-call';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { App } from './App';
import { popupServices } from './services';
import { articleUrlOf, resolveTarget } from './target';
import '@/components/theme.css';
import './popup.css';

async function start() {
  document.documentElement.lang = t('@@ui_locale').replace('_', '-') || 'en';
  document.title = t('extName');
  const settingsAnswer = callBackground('ui.getSettings', {});
  const target = await resolveTarget();
  // The article's view is asked for now, while the settings arrive and the first render runs.
  const article = articleUrlOf(target);
  const call = article ? prefetchingCall(article, new AbortController().signal) : callBackground;
  const settings = await settingsAnswer;
  const hosts = settings.ok ? settings.value.archiveHosts : DEFAULT_ARCHIVE_HOSTS;
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <ServicesProvider value={popupServices(target.tabId, hosts, call)}>
      <App target={target} />
    </ServicesProvider>,
    root,
  );
  document.documentElement.dataset.ready = 'true';
}

void start();
