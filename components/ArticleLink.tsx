import type { ComponentChildren } from 'preact';
import { safeArchiveHref } from '@/lib/archive/safe-href';
import { useServices } from './services';

interface Props {
  url: string;
  children: ComponentChildren;
  class?: string;
}

/**
 * A link to an archive article, or plain text when the URL is not an http(s) archive URL. With
 * `openUrl` (popup) a click opens in the current tab and Ctrl/Cmd/Shift/middle-click in a new tab;
 * without it (in-page panel) the browser's own link behaviour applies.
 */
export function ArticleLink({ url, children, class: className }: Props) {
  const { hosts, openUrl } = useServices();
  const href = safeArchiveHref(url, hosts);
  if (!href) return <span class={className}>{children}</span>;
  const onClick = (event: MouseEvent) => {
    if (!openUrl || event.button !== 0) return;
    event.preventDefault();
    openUrl(href, event.ctrlKey || event.metaKey || event.shiftKey);
  };
  const onAuxClick = (event: MouseEvent) => {
    if (!openUrl || event.button !== 1) return;
    event.preventDefault();
    openUrl(href, true);
  };
  return (
    <a href={href} class={className} onClick={onClick} onAuxClick={onAuxClick} rel="noreferrer">
      {children}
    </a>
  );
}
