import * as z from 'zod/mini';
import { calls, type CallName, type CallPayload, type CallResponse } from './calls';
import { CodedError, err, ok, type Result } from './result';
import { classifySender, type SelfIdentity, type SenderLike } from './sender';
import type { TabRateLimit } from './tab-rate-limit';

/** Who made a call, as the router established it: a content script's tab and address are the browser's. */
export type CallContext = { sender: 'page'; tabId: number | null; frameId: number | null } | { sender: 'content'; tabId: number; frameUrl: string };

export interface RouterOptions {
  self: () => SelfIdentity;
  /**
   * Whether a content script's top-frame address (the browser's, not the page's word) is an archive page
   * or an enabled Wayback copy of one. May read settings; a throw or rejection counts as no.
   */
  isArchiveTab: (frameUrl: string) => boolean | Promise<boolean>;
  /** Per-tab admission of content-script calls. */
  contentRate: TabRateLimit;
}

export type Handlers = {
  [N in CallName]: (payload: CallPayload<N>, context: CallContext) => Promise<CallResponse<N>> | CallResponse<N>;
};

const Envelope = z.object({ call: z.string().check(z.maxLength(100)), payload: z.optional(z.unknown()) });

/** Turns any thrown value into a protocol error: the background never lets an exception cross contexts. */
export function toError(error: unknown): Result<never> {
  if (error instanceof CodedError) return err(error.code, error.message);
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') return err('quota-exceeded', 'The browser refused to store more data (storage quota exceeded).');
  if (name === 'AbortError') return err('aborted', `The database write was aborted: ${message}`);
  return err('internal', message || 'Unexpected error');
}

async function archiveTab(check: RouterOptions['isArchiveTab'], frameUrl: string): Promise<boolean> {
  try {
    return (await check(frameUrl)) === true;
  } catch {
    return false;
  }
}

/**
 * Builds the background's single message entry point: classify the sender, check the envelope, who may
 * make the call (content scripts also: an archive tab, within the tab's rate), the payload with zod,
 * dispatch, and always answer a Result.
 */
export function createRouter(handlers: Handlers, { self, isArchiveTab, contentRate }: RouterOptions) {
  return async function route(message: unknown, sender: SenderLike | undefined): Promise<Result<unknown>> {
    const who = classifySender(sender, self());
    if (who.kind === 'rejected') return err('forbidden', `Sender rejected: ${who.reason}`);
    const envelope = Envelope.safeParse(message);
    // Own keys only: `in` would also accept inherited names such as 'toString' and then throw below.
    if (!envelope.success || !Object.hasOwn(calls, envelope.data.call)) return err('invalid-message', 'Unknown message');
    const name = envelope.data.call as CallName;
    const spec = calls[name];
    if (!(spec.from as readonly string[]).includes(who.kind)) {
      return err('forbidden', `${name} is not allowed from a ${who.kind === 'content' ? 'web page' : 'extension page'}`);
    }
    const frameId = typeof sender?.frameId === 'number' && Number.isInteger(sender.frameId) ? sender.frameId : null;
    let context: CallContext = { sender: 'page', tabId: who.tabId, frameId };
    if (who.kind === 'content') {
      // Rate first: it is synchronous and bounds what a looping page can make the gate below cost.
      if (!contentRate.admit(who.tabId)) return err('unavailable', `${name}: too many messages from this tab, try again shortly`);
      if (!(await archiveTab(isArchiveTab, who.frameUrl))) return err('forbidden', `${name} is only accepted from an archive page`);
      context = { sender: 'content', tabId: who.tabId, frameUrl: who.frameUrl };
    }
    const payload = spec.req.safeParse(envelope.data.payload ?? {});
    if (!payload.success) return err('invalid-message', `${name}: ${z.prettifyError(payload.error)}`);
    const handler = handlers[name] as (p: unknown, c: CallContext) => unknown;
    try {
      return ok(await handler(payload.data, context));
    } catch (error) {
      return toError(error);
    }
  };
}
