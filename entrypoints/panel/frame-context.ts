import { safeArchiveHref } from '@/lib/archive/safe-href';
import { HttpUrl } from '@/lib/model';
import type { Placement } from '@/lib/protocol/panel-frame';

export interface PanelTarget {
  /** The article the framing page shows. */
  url: string;
  placement: Placement;
  /** Start collapsed (the reader's last choice, read by the content script from storage.local). */
  collapsed: boolean;
}

/** `?url=…&placement=…&collapsed=1` → the article to show, or null unless the URL is an http(s) URL on an archive host. */
export function readPanelTarget(search: string, hosts: readonly string[]): PanelTarget | null {
  const params = new URLSearchParams(search);
  const raw = params.get('url') ?? '';
  if (!HttpUrl.safeParse(raw).success) return null;
  const url = safeArchiveHref(raw, hosts);
  if (!url) return null;
  return { url, placement: params.get('placement') === 'side' ? 'side' : 'inline', collapsed: params.get('collapsed') === '1' };
}

/** What the panel page can see of whoever frames it. */
export interface FrameFacts {
  /** window.parent === window: opened as a top-level page, not framed. */
  topLevel: boolean;
  /** location.ancestorOrigins[0] (Chromium), else null. */
  parentOrigin: string | null;
  /** document.referrer (may be empty or origin-only, depending on the page's referrer policy). */
  referrer: string;
}

export function frameFacts(): FrameFacts {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  return { topLevel: window.parent === window, parentOrigin: ancestors && ancestors.length > 0 ? ancestors[0]! : null, referrer: document.referrer };
}

/**
 * Whether the panel may draw the reader's notes here: only inside a frame whose parent is an archive page.
 * web_accessible_resources already limits who can frame panel.html to the archive hosts, and the panel
 * draws only for a token the background issued to the framing tab's content script; this is a third lock.
 * The parent's origin comes from ancestorOrigins (Chromium) or the referrer (Firefox); when the page's
 * referrer policy hides both, it fails closed (no panel on that page).
 */
export function framedByArchive(facts: FrameFacts, hosts: readonly string[]): boolean {
  if (facts.topLevel) return false;
  const parent = facts.parentOrigin ?? (facts.referrer || null);
  if (parent === null) return false;
  return safeArchiveHref(`${parent.replace(/\/$/, '')}/`, hosts) !== null;
}
