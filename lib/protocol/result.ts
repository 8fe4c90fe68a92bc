import * as z from 'zod/mini';
import { ErrorCode } from '../model/errors';

export { CodedError, ErrorCode } from '../model/errors';

export const ProtocolError = z.object({ code: ErrorCode, message: z.string().check(z.maxLength(2000)) });
export type ProtocolError = z.infer<typeof ProtocolError>;

/** Every answer across contexts: never a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message: message.slice(0, 2000) },
});

/** Schema of a Result carrying `value`, for checking answers on receipt. */
export function resultSchema<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: ProtocolError })]);
}
