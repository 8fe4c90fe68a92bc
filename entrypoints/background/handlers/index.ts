import type { Handlers } from '@/lib/protocol';
import { pingHandlers } from './ping';
import { storeHandlers } from './store';
import { noteHandlers } from './notes';
import { backupHandlers } from './backup';
import { crawlHandlers } from './crawl';
import { checkTabHandlers } from './check-tab';

/** Each capability contributes its handlers; the router answers `unavailable` for any missing one. */
export function buildHandlers(): Partial<Handlers> {
  return { ...pingHandlers, ...storeHandlers, ...noteHandlers, ...backupHandlers, ...crawlHandlers, ...checkTabHandlers };
}
