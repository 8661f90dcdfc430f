import { ApiError } from './api-error';
import type { StandardErrorCode } from './error-codes';

/** The runtime's own codes with their one HTTP status: a service may answer them too. */
const standardErrorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<StandardErrorCode, number>;

export type ErrorFactory<Code extends string> = (code: Code | StandardErrorCode, message: string, detail?: string) => ApiError;

/**
 * The errors of a service, from its one table of codes and HTTP statuses (`errorStatus`,
 * written in its HTTP layer over the codes its domain names): the status of a code is
 * written once, and a code the table lacks does not compile. The standard codes keep the
 * runtime's statuses.
 */
export function errorFactory<Code extends string>(errorStatus: Readonly<Record<Code, number>>): ErrorFactory<Code> {
  const statusOf: Readonly<Record<string, number>> = { ...errorStatus, ...standardErrorStatus };
  return (code, message, detail) => {
    const status = statusOf[code];
    if (status === undefined) throw new Error(`error code ${code} has no HTTP status`);
    return new ApiError(status, code, message, detail);
  };
}
