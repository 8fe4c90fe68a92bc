import { callBackground } from '@/components/api';
import type { CallFn } from '@/components/services';
import type { PanelTarget } from './frame-context';

/**
 * The article the panel may show: the one in its query, once the background has redeemed the token this
 * tab's content script passed on (ui.openPanel: this tab, once) and confirmed it was issued for that very
 * article. Null — nothing of the reader's drawn — otherwise.
 */
export async function admittedTarget(target: PanelTarget | null, token: Promise<string>, call: CallFn = callBackground): Promise<PanelTarget | null> {
  if (!target) return null;
  const opened = await call('ui.openPanel', { token: await token });
  return opened.ok && opened.value.url === target.url ? target : null;
}
