/**
 * Codes every service shares; a service adds its own (e.g. CONTRACT_ALREADY_EXISTS) by
 * passing any other upper-snake-case string, so clients can branch on the code, never on
 * the human message.
 */
export type StandardErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_ACCEPTABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'MALFORMED_JSON'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

// `string & {}` keeps editor completion for the standard codes while accepting service codes.
export type ErrorCode = StandardErrorCode | (string & {});

const codeByStatus: Readonly<Record<number, StandardErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The code of a client error raised by a library that only knows its HTTP status. */
export function standardCodeFor(status: number): StandardErrorCode {
  return codeByStatus[status] ?? (status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL_ERROR');
}
