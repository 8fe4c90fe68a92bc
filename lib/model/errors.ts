import * as z from 'zod/mini';

/**
 * Error codes a caller can act on; messages are for people. They live below both lib/db (which throws
 * them) and lib/protocol (which carries them across contexts), so neither has to import the other.
 */
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

/** A thrown error that carries an error code (thrown inside the background only; the router answers it). */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
