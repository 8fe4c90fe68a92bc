import { tCount } from '../i18n';
import { useCall } from '../use-background';

/** The popup's line "3 highlights" for the open article (nothing when it has none). */
export function HighlightCount({ url }: { url: string }) {
  const { value } = useCall((call) => call('ui.listHighlights', { url }), [url]);
  const count = value?.length ?? 0;
  return count > 0 ? <p class="sv-highlight-count">{tCount('highlightsCount', count)}</p> : null;
}
