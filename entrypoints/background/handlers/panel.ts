import { CodedError } from '@/lib/model';
import type { Handlers } from '@/lib/protocol';
import { rememberPanelFrame } from '../panel-frames';
import { redeemPanelToken } from '../panel-tokens';

/** The in-page panel's admission: it draws only for the token this tab's content script was given. */
export const panelHandlers: Pick<Handlers, 'ui.openPanel'> = {
  'ui.openPanel': async ({ token }, context) => {
    if (context.sender !== 'page' || context.tabId === null || context.frameId === null || context.frameId === 0) {
      throw new CodedError('forbidden', 'The panel opens only framed inside a tab');
    }
    const url = await redeemPanelToken(context.tabId, token);
    await rememberPanelFrame(context.tabId, context.frameId);
    return { url };
  },
};
