import { ApiError } from '@boissipay/runtime';
import type { Invalid, Refused } from '../domain/contract.errors';

/** Bad input (400): the first problem's code and message, every problem in the detail. */
export function invalidInputError({ problems }: Invalid): ApiError {
  const [first] = problems;
  if (!first) return new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid.');
  const detail = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  return new ApiError(400, first.code, first.message, problems.length > 1 ? detail : undefined);
}

/** The contract's state does not allow the change (409). */
export function refusedError({ code, message }: Refused): ApiError {
  return new ApiError(409, code, message);
}

export function contractNotFound(contractRef: string): ApiError {
  return new ApiError(404, 'CONTRACT_NOT_FOUND', `No contract ${contractRef}.`);
}

export function idempotencyKeyReused(message: string): ApiError {
  return new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', message);
}
