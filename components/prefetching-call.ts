import { callBackground, onBackgroundEvent } from './api';
import type { CallFn, EventFn } from './services';
import { RELATED_LIMIT } from './use-article-view';

/**
 * A `call` that asks for an article's view at once — as soon as panel.html's or the popup's script knows
 * the article, not in the view hook's effect, which Preact runs only after the first paint — and serves
 * that answer to the first identical request. The answer is dropped unused if bg.indexChanged arrives
 * before it is taken: the content script reports the page in parallel, so the index may have gained this
 * very article since. Until `signal` aborts.
 */
export function prefetchingCall(url: string, signal: AbortSignal, call: CallFn = callBackground, events: EventFn = onBackgroundEvent): CallFn {
  let early: ReturnType<CallFn> | null = call('ui.getArticleView', { url, limit: RELATED_LIMIT });
  events((event) => {
    if (event.event === 'bg.indexChanged') early = null;
  }, signal);
  return ((name, payload) => {
    const taken = early;
    early = null;
    const asked = payload as { url?: unknown; limit?: unknown };
    if (taken && name === 'ui.getArticleView' && asked.url === url && asked.limit === RELATED_LIMIT) return taken;
    return call(name, payload);
  }) as CallFn;
}
