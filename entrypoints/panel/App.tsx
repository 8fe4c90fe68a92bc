import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { PanelSizeMessage } from '@/lib/protocol/panel-frame';
import type { PanelTarget } from './frame-context';
import { Panel } from './Panel';

interface Props {
  /** null: not an archive article, or not framed by an archive page — nothing of the reader's is shown. */
  target: PanelTarget | null;
  initialCollapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  /** Where size reports go: the private channel to the content script that framed this page. */
  post: (message: PanelSizeMessage) => void;
}

/**
 * The panel page's root: the Panel, and the messages that let the content script size the frame to it —
 * the body's height on every change (ResizeObserver) with the collapsed state. The first draw is marked
 * in this page's own timeline (bench/popup.ts reads it; nothing of it is visible to the framing page).
 */
export function App({ target, initialCollapsed, onCollapsedChange, post }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const report = () => {
      const collapsed = element.querySelector('.sv-collapsed') !== null;
      post({ type: 'sv-panel-size', height: Math.ceil(element.getBoundingClientRect().height), collapsed });
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    performance.mark('sv-panel-drawn');
    return () => observer.disconnect();
  }, [post]);

  return (
    <div ref={root} class="sv-frame">
      {target ? (
        <Panel url={target.url} placement={target.placement} initialCollapsed={initialCollapsed} onCollapsedChange={onCollapsedChange} />
      ) : (
        <p class="sv-root sv-frame-refused">{t('notArchiveTitle')}</p>
      )}
    </div>
  );
}
