import { calls, type CallName, type CallRequest, type CallResponse } from './calls';
import { err, resultSchema, type Result } from './result';

/** How a context sends one message and gets the raw answer (runtime.sendMessage, injected). */
export type SendFn = (message: unknown) => Promise<unknown>;

/**
 * A typed caller for the background. Answers are checked with the call's schema on receipt; transport
 * failures (no background, context invalidated) become `{ok:false}` instead of throwing.
 */
export function createClient(send: SendFn) {
  return async function callBackground<N extends CallName>(name: N, payload: CallRequest<N>): Promise<Result<CallResponse<N>>> {
    let raw: unknown;
    try {
      raw = await send({ call: name, payload });
    } catch (error) {
      return err('unavailable', error instanceof Error ? error.message : String(error));
    }
    const parsed = resultSchema(calls[name].res).safeParse(raw);
    if (!parsed.success) return err('invalid-message', `Malformed answer to ${name}`);
    return parsed.data as Result<CallResponse<N>>;
  };
}

export type CallBackground = ReturnType<typeof createClient>;
