import { useState } from 'preact/hooks';
import { sameArticle } from '@/lib/archive/article-copies';
import type { Highlight } from '@/lib/model';
import type { ProtocolError } from '@/lib/protocol';
import { useBackgroundEvent, useCall } from '../use-background';

export interface HighlightsState {
  /** Placed (or not yet known) highlights in text order; null while loading. */
  placed: Highlight[] | null;
  /** Highlights the page's highlighter could not place. */
  orphans: Highlight[];
  error: ProtocolError | null;
  /** The highlight the reader last clicked on the page (bg.openHighlight), to open in the list. */
  opened: string | null;
}

/**
 * An article's highlights with their notes (ui.listHighlights), split by what the highlighter of this
 * panel's tab could place (ui.highlightOrphans); re-read when they change or are drawn again.
 */
export function useHighlights(url: string): HighlightsState {
  const list = useCall((call) => call('ui.listHighlights', { url }), [url]);
  const placement = useCall((call) => call('ui.highlightOrphans', {}), [url]);
  const [opened, setOpened] = useState<string | null>(null);
  const reload = () => {
    list.reload();
    placement.reload();
  };
  // A change on another copy of the article (its magazine.qualys.fr address) is a change here too.
  useBackgroundEvent('bg.highlightsChanged', (payload) => sameArticle(payload.url, url) && reload());
  useBackgroundEvent('bg.openHighlight', (payload) => {
    if (payload.url !== url) return;
    setOpened(payload.id);
    reload();
  });

  const orphanIds = new Set(placement.value ?? []);
  const all = list.value;
  return {
    placed: all && all.filter((h) => !orphanIds.has(h.id)),
    orphans: (all ?? []).filter((h) => orphanIds.has(h.id)),
    error: list.error,
    opened,
  };
}
