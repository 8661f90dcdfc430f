import type { ErrorCode } from './error-codes';

/** One problem, shaped as the `ErrorType` schema of every service spec. */
export interface ErrorEntry {
  path: string;
  timestamp: string;
  errorCode: ErrorCode;
  status: number;
  message: string;
  detail?: string;
}

/** The `ErrorResponse` schema of every service spec. */
export interface ErrorResponse {
  errors: ErrorEntry[];
  correlationId: string;
}

export type ErrorEntryInput = Omit<ErrorEntry, 'timestamp'>;

/** All entries of one response share a timestamp: they describe the same moment. */
export function buildErrorResponse(entries: readonly ErrorEntryInput[], correlationId: string, now = new Date()): ErrorResponse {
  const timestamp = now.toISOString();
  return {
    errors: entries.map(({ detail, ...entry }) => ({ ...entry, timestamp, ...(detail === undefined ? {} : { detail }) })),
    correlationId,
  };
}
