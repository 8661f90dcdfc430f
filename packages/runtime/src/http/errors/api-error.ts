import type { ErrorCode } from './error-codes';

/**
 * An expected HTTP failure (unknown id, conflicting state…) thrown by handlers and use cases.
 * Its message reaches the client as is, so it must never carry internals; anything that is
 * not an ApiError becomes an opaque 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
