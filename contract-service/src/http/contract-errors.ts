import { errorFactory, type ApiError } from '@boissipay/runtime';
import type { ContractErrorCode, Invalid, Refused } from '../domain/contract.errors';

/** Each of the service's error codes with its one HTTP status. */
const errorStatus = {
  INVALID_DATES: 400,
  INVALID_IBAN: 400,
  INVALID_BIC: 400,
  INVALID_MANDATE: 400,
  INVALID_AMOUNT: 400,
  UNKNOWN_CURRENCY: 400,
  INVALID_EFFECTIVE_DATE: 400,
  CONTRACT_NOT_FOUND: 404,
  ILLEGAL_TRANSITION: 409,
  MANDATE_NOT_ACTIVE: 409,
  MANDATE_ALREADY_REVOKED: 409,
  CONTRACT_VALIDITY_ENDED: 409,
  CONTRACT_STILL_VALID: 409,
  CURRENCY_CHANGE_REFUSED: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  MANDATE_REF_IN_USE: 409,
} as const satisfies Record<ContractErrorCode, number>;

export const contractError = errorFactory(errorStatus);

/** Bad input: the first problem's code and message, every problem in the detail. */
export function invalidInputError({ problems }: Invalid): ApiError {
  const [first] = problems;
  if (!first) return contractError('VALIDATION_FAILED', 'The request is invalid.');
  const detail = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  return contractError(first.code, first.message, problems.length > 1 ? detail : undefined);
}

/** The contract's state does not allow the change. */
export function refusedError({ code, message }: Refused): ApiError {
  return contractError(code, message);
}
