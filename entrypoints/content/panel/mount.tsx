import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { connectDraftPort } from '@/components/draft-port';
import { ServicesProvider, type Services } from '@/components/services';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import { findRatingBlock, hideBlock } from './anchor';
import { lightCall, lightOnEvent } from './light-client';
import { Panel, type Placement } from './Panel';
import themeCss from '@/components/theme.css?inline';
import panelCss from './panel.css?inline';

const COLLAPSED_KEY = 'sv.panelCollapsed';

async function readCollapsed(): Promise<boolean> {
  try {
    const stored = await browser.storage.local.get(COLLAPSED_KEY);
    return stored[COLLAPSED_KEY] === true;
  } catch {
    return false;
  }
}

/**
 * Draws the panel for `url` where the article's dead rating block was (hidden, not removed), or docked
 * to the right edge of the viewport when there is none, in a shadow root so neither side's CSS leaks.
 * Returns the function that unmounts it. `startedAt` (performance.now() at document_idle) is used to
 * record how long drawing took, on the host's data-drawn-ms attribute (the bench reads it).
 */
export async function mountPanel(ctx: ContentScriptContext, url: string, startedAt: number): Promise<() => void> {
  const block = findRatingBlock(document);
  const placement: Placement = block ? 'inline' : 'side';
  const collapsed = await readCollapsed();
  const services: Services = {
    call: lightCall,
    onEvent: lightOnEvent,
    hosts: DEFAULT_ARCHIVE_HOSTS,
    drafts: connectDraftPort(),
  };
  const ui = await createShadowRootUi(ctx, {
    name: 'sv-companion-panel',
    position: 'inline',
    anchor: block ?? document.body,
    append: block ? 'before' : 'last',
    css: `${themeCss}\n${panelCss}`,
    isolateEvents: true,
    onMount: (container, _shadow, host) => {
      if (!block) {
        for (const [property, value] of [['position', 'fixed'], ['top', '16px'], ['right', '0'], ['z-index', '2147483000'], ['display', 'block']]) {
          host.style.setProperty(property as string, value as string, 'important');
        }
      } else host.style.setProperty('display', 'block', 'important');
      render(
        <ServicesProvider value={services}>
          <Panel
            url={url}
            placement={placement}
            initialCollapsed={collapsed}
            onCollapsedChange={(next) => void browser.storage.local.set({ [COLLAPSED_KEY]: next }).catch(() => undefined)}
          />
        </ServicesProvider>,
        container,
      );
      return container;
    },
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  ui.mount();
  if (block) hideBlock(block);
  ui.shadowHost.dataset.drawnMs = (performance.now() - startedAt).toFixed(1);
  ui.shadowHost.dataset.placement = placement;
  return () => ui.remove();
}
