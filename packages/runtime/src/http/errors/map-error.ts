import { isInfrastructureFailure } from '../../db/infrastructure-failure';
import { ApiError } from './api-error';
import { standardCodeFor } from './error-codes';
import type { ErrorEntryInput } from './error-response';

export interface MappedError {
  status: number;
  entries: ErrorEntryInput[];
  headers: Record<string, string>;
  /** A bug or an outage rather than a bad request: logged with its stack, hidden from the client. */
  unexpected: boolean;
}

const RETRY_AFTER_SECONDS = 5;

// allErrors lets one huge invalid array yield thousands of problems; the first ones suffice.
const MAX_ENTRIES = 50;

/** Turns anything thrown while serving `path` into the status and entries of an ErrorResponse. */
export function mapError(error: unknown, path: string): MappedError {
  if (error instanceof ApiError) return single(error.status, error.errorCode, error.message, path, error.detail);
  if (isBodyParserError(error) && error.status < 500) return fromBodyParser(error, path);
  if (isValidatorError(error) && error.status < 500) return fromValidator(error, path);
  if (isExposedClientError(error)) return single(error.status, standardCodeFor(error.status), error.message, path);
  // The database is unreachable or restarting: nothing was written, and the same request can be sent again.
  if (isInfrastructureFailure(error)) {
    return { ...single(503, 'SERVICE_UNAVAILABLE', 'The service cannot reach its database right now; retry the same request shortly.', path), headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
  }
  return { ...single(500, 'INTERNAL_ERROR', 'An unexpected error occurred; quote the correlation id when reporting it.', path), unexpected: true };
}

function single(status: number, errorCode: string, message: string, path: string, detail?: string): MappedError {
  return { status, entries: [{ path, errorCode, status, message, detail }], headers: {}, unexpected: false };
}

/** Errors of express.json (body-parser), recognised by their documented `type`. */
interface BodyParserError extends Error {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return error instanceof Error && typeof (error as Partial<BodyParserError>).type === 'string' && typeof (error as Partial<BodyParserError>).status === 'number';
}

function fromBodyParser(error: BodyParserError, path: string): MappedError {
  switch (error.type) {
    case 'entity.parse.failed':
      return single(400, 'MALFORMED_JSON', 'The request body is not valid JSON.', path);
    case 'entity.too.large':
      return single(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds the limit of ${error.limit ?? '?'} bytes.`, path);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return single(415, 'UNSUPPORTED_MEDIA_TYPE', error.message, path);
    default:
      return single(error.status, standardCodeFor(error.status), error.message, path);
  }
}

/** express-openapi-validator's HttpError: a status plus one item per problem. */
interface ValidatorError extends Error {
  status: number;
  errors: Array<{ path?: string; message?: string }>;
  headers?: { Allow?: string };
}

function isValidatorError(error: unknown): error is ValidatorError {
  return error instanceof Error && typeof (error as Partial<ValidatorError>).status === 'number' && Array.isArray((error as Partial<ValidatorError>).errors);
}

function fromValidator(error: ValidatorError, path: string): MappedError {
  const headers: Record<string, string> = error.headers?.Allow ? { Allow: error.headers.Allow } : {};
  if (error.status !== 400) return { ...single(error.status, standardCodeFor(error.status), clientMessageOf(error, path), path), headers };
  const entries = error.errors.slice(0, MAX_ENTRIES).map((problem) => ({
    path: problem.path || path,
    errorCode: 'VALIDATION_FAILED',
    status: 400,
    message: problem.message ?? error.message,
  }));
  return { status: 400, entries, headers, unexpected: false };
}

/** The validator's terse texts ("not found", "unsupported media type undefined") reworded for clients. */
function clientMessageOf(error: ValidatorError, path: string): string {
  if (error.status === 404) return `No resource at ${path}.`;
  if (error.status === 415) return 'The Content-Type is missing or not one this operation accepts.';
  return error.message;
}

/** http-errors style client errors (e.g. a malformed percent-encoding in the URL). */
function isExposedClientError(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}
