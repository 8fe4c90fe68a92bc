import { useId, useRef, useState } from 'preact/hooks';
import { ArticleCompanion } from '@/components/ArticleCompanion';
import { ArticleLink } from '@/components/ArticleLink';
import { HighlightsSection } from '@/components/highlights/HighlightsSection';
import { t } from '@/components/i18n';
import { useBackgroundEvent } from '@/components/use-background';
import type { Placement } from '@/lib/protocol/panel-frame';
import { shownUrl } from '@/lib/model/shown-url';

export type { Placement };

interface Props {
  /** The article this page shows (canonical URL). */
  url: string;
  placement: Placement;
  initialCollapsed: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
}

/**
 * The in-page companion: rating, note, related articles and highlights of the open article (drawn in panel.html,
 * framed by the content script). A context-menu "Show related articles" on a link (bg.showRelated, forwarded
 * by this tab's content script) switches it to that article until "back".
 */
export function Panel({ url, placement, initialCollapsed, onCollapsedChange }: Props) {
  const bodyId = useId();
  const [collapsed, setCollapsed] = useState(initialCollapsed);
  const [shown, setShown] = useState<string | null>(null);
  const region = useRef<HTMLElement>(null);

  useBackgroundEvent('bg.showRelated', (payload) => {
    setShown(payload.url === url ? null : payload.url);
    setCollapsed(false);
    region.current?.scrollIntoView({ block: 'nearest' });
    region.current?.querySelector<HTMLElement>('.sv-panel-toggle')?.focus();
  });
  // A click on a highlight in the page: its item opens in this article's list (HighlightsSection).
  useBackgroundEvent('bg.openHighlight', (payload) => {
    if (payload.url !== url) return;
    setShown(null);
    setCollapsed(false);
  });

  const toggle = () => {
    setCollapsed(!collapsed);
    onCollapsedChange?.(!collapsed);
  };
  const target = shown ?? url;

  return (
    <section ref={region} class={`sv-root sv-panel sv-panel-${placement}${collapsed ? ' sv-collapsed' : ''}`} aria-label={t('extName')}>
      <div class="sv-panel-bar">
        <span class="sv-panel-name" aria-hidden="true">
          {t('extName')}
        </span>
        <button type="button" class="sv-panel-toggle" aria-expanded={!collapsed} aria-controls={bodyId} onClick={toggle}>
          {collapsed ? t('panelExpand') : t('panelCollapse')}
        </button>
      </div>
      <div id={bodyId} class="sv-panel-body" hidden={collapsed}>
        {shown && (
          <p class="sv-panel-shown">
            {t('panelRelatedTo', '')}
            <ArticleLink url={shown}>{shown}</ArticleLink>{' '}
            <button type="button" class="sv-link-button" onClick={() => setShown(null)}>
              {t('panelShowCurrent')}
            </button>
          </p>
        )}
        <ArticleCompanion
          key={target}
          url={target}
          header={(view) =>
            shown && view?.article ? (
              <h2 class="sv-title">
                <ArticleLink url={shownUrl(view.article)}>{view.article.title}</ArticleLink>
              </h2>
            ) : null
          }
        />
        {!shown && <HighlightsSection url={url} />}
      </div>
    </section>
  );
}
