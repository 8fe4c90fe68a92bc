import * as z from 'zod/mini';
import { calls, type CallName, type CallPayload, type CallResponse } from './calls';
import { CodedError, err, ok, type Result } from './result';
import { classifySender, type SelfIdentity, type SenderLike } from './sender';

export interface CallContext {
  sender: 'page' | 'content';
  tabId: number | null;
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

/**
 * Builds the background's single message entry point: classify the sender, check the envelope and the
 * payload with zod, dispatch, and always answer a Result.
 */
export function createRouter(handlers: Handlers, self: () => SelfIdentity) {
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
    const payload = spec.req.safeParse(envelope.data.payload ?? {});
    if (!payload.success) return err('invalid-message', `${name}: ${z.prettifyError(payload.error)}`);
    const handler = handlers[name] as (p: unknown, c: CallContext) => unknown;
    try {
      return ok(await handler(payload.data, { sender: who.kind, tabId: who.tabId }));
    } catch (error) {
      return toError(error);
    }
  };
}
