import type { Handlers } from '@/lib/protocol';
import { pingHandlers } from './ping';

/** Each capability contributes its handlers; the router answers `unavailable` for any missing one. */
export function buildHandlers(): Partial<Handlers> {
  return { ...pingHandlers };
}
