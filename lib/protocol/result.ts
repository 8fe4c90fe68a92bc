import * as z from 'zod/mini';

/** Error codes a caller can act on; messages are for people. */
export const ErrorCode = z.enum([
  'invalid-message',
  'forbidden',
  'not-found',
  'quota-exceeded',
  'db-blocked',
  'aborted',
  'invalid-file',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

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
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ProtocolError }),
  ]);
}

/** A thrown error that carries a protocol error code (thrown inside the background only). */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
