import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { ServicesProvider } from '@/components/services';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { WAYBACK_HOST } from '@/lib/archive/archive-tab';
import { PANEL_COLLAPSED_KEY } from '@/lib/protocol/storage-keys';
import { App } from './App';
import { admittedTarget } from './admission';
import { frameFacts, framedByArchive, readPanelTarget } from './frame-context';
import { connectHost } from './host-channel';
import { panelServices } from './services';
import '@/components/theme.css';
import './panel.css';

/**
 * The in-page panel as an extension page, framed by the content script on archive articles: the reader's
 * notes live in our origin, out of reach of the article page's scripts. It draws nothing of theirs until
 * the background has admitted it (admittedTarget); it talks to the content script over their private
 * channel only (host-channel.ts).
 */
function start() {
  document.documentElement.lang = t('@@ui_locale').replace('_', '-') || 'en';
  document.title = t('extName');
  const hosts = DEFAULT_ARCHIVE_HOSTS;
  // Wayback Machine copies (when the reader enabled them) frame the panel from web.archive.org.
  const target = framedByArchive(frameFacts(), [...hosts, WAYBACK_HOST]) ? readPanelTarget(location.search, hosts) : null;
  const root = document.getElementById('app');
  if (!root) return;
  const host = connectHost();
  // The article's view is requested now, while the token makes its way (it stays in this page until drawn).
  const services = panelServices(hosts, host, target?.url ?? null);
  void admittedTarget(target, host.token).then((admitted) => {
    if (!admitted) {
      host.post({ type: 'sv-panel-size', height: 0, collapsed: true });
      return;
    }
    render(
      <ServicesProvider value={services}>
        <App
          target={admitted}
          initialCollapsed={admitted.collapsed}
          onCollapsedChange={(next) => void browser.storage.local.set({ [PANEL_COLLAPSED_KEY]: next }).catch(() => undefined)}
          post={host.post}
        />
      </ServicesProvider>,
      root,
    );
    document.documentElement.dataset.ready = 'true';
  });
}

start();
