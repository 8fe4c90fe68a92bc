import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { ServicesProvider } from '@/components/services';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { App } from './App';
import { frameFacts, framedByArchive, readPanelTarget } from './frame-context';
import { type PanelDrawnMessage, type PanelSizeMessage } from '@/lib/protocol/panel-frame';
import { PANEL_COLLAPSED_KEY } from '@/lib/protocol/storage-keys';
import { panelServices } from './services';
import '@/components/theme.css';
import './panel.css';

// Size and "drawn" carry nothing private, so '*' is fine: the parent's origin is an archive host we do not
// control the exact scheme of (http/https, www or not). The content script checks who sent them.
const post = (message: PanelSizeMessage | PanelDrawnMessage) => window.parent.postMessage(message, '*');

/**
 * The in-page panel as an extension page, framed by the content script on archive articles: the reader's
 * notes live in our origin, out of reach of the article page's scripts (an open shadow root was not).
 */
const WAYBACK_HOST = 'web.archive.org';

function start() {
  document.documentElement.lang = t('@@ui_locale').replace('_', '-') || 'en';
  document.title = t('extName');
  const hosts = DEFAULT_ARCHIVE_HOSTS;
  // Wayback Machine copies (when the reader enabled them) frame the panel from web.archive.org.
  const target = framedByArchive(frameFacts(), [...hosts, WAYBACK_HOST]) ? readPanelTarget(location.search, hosts) : null;
  const root = document.getElementById('app');
  if (!root) return;
  // Nothing awaited before the first render: the collapsed state comes in the query (the content script
  // read it), and the article's view is requested now, while Preact draws.
  render(
    <ServicesProvider value={panelServices(hosts, target?.url ?? null)}>
      <App
        target={target}
        initialCollapsed={target?.collapsed ?? false}
        onCollapsedChange={(next) => void browser.storage.local.set({ [PANEL_COLLAPSED_KEY]: next }).catch(() => undefined)}
        post={post}
      />
    </ServicesProvider>,
    root,
  );
  document.documentElement.dataset.ready = 'true';
}

start();
