import type { Handlers } from '@/lib/protocol';
import { pingHandlers } from './ping';
import { storeHandlers } from './store';
import { noteHandlers } from './notes';
import { backupHandlers } from './backup';
import { crawlHandlers } from './crawl';
import { checkTabHandlers } from './check-tab';
import { panelHandlers } from './panel';
import { highlightHandlers } from './highlights';
import { highlightPlaceHandlers } from './highlight-places';

/**
 * Every call's handler, one map: each capability contributes its own, and `satisfies Handlers` makes a
 * call without a handler (or a handler of the wrong shape) a compile error rather than a run-time answer.
 */
export function buildHandlers(): Handlers {
  return {
    ...pingHandlers,
    ...storeHandlers,
    ...noteHandlers,
    ...backupHandlers,
    ...crawlHandlers,
    ...checkTabHandlers,
    ...panelHandlers,
    ...highlightHandlers,
    ...highlightPlaceHandlers,
  } satisfies Handlers;
}
