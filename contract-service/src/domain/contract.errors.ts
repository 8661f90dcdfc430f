/**
 * The closed set of reasons this service refuses a request, with stable codes clients can
 * branch on. Each maps to one HTTP status in the HTTP layer (http/contract-errors.ts).
 */
export type ContractErrorCode = InvalidInputCode | RefusalCode | 'CONTRACT_NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED';

export type InvalidInputCode = 'INVALID_DATES' | 'INVALID_IBAN' | 'INVALID_BIC' | 'INVALID_MANDATE' | 'INVALID_AMOUNT' | 'UNKNOWN_CURRENCY' | 'INVALID_EFFECTIVE_DATE';

export type RefusalCode =
  | 'ILLEGAL_TRANSITION'
  | 'MANDATE_NOT_ACTIVE'
  | 'MANDATE_ALREADY_REVOKED'
  | 'CONTRACT_VALIDITY_ENDED'
  | 'CONTRACT_STILL_VALID'
  | 'CURRENCY_CHANGE_REFUSED'
  | 'MANDATE_REF_IN_USE';

/** One thing wrong with the input; `field` is a JSON pointer into the request body. */
export interface Problem {
  code: InvalidInputCode;
  field: string;
  message: string;
}

/** The input is wrong whatever the contract's state. */
export interface Invalid {
  kind: 'invalid';
  problems: Problem[];
}

/** The input is fine but the contract's current state does not allow it. */
export interface Refused {
  kind: 'refused';
  code: RefusalCode;
  message: string;
}

export const refused = (code: RefusalCode, message: string): Refused => ({ kind: 'refused', code, message });

/** A mandate reference (RUM) is unique per creditor: another contract's mandate already has it. */
export const mandateRefInUse = (mandateRef: string): Refused =>
  refused('MANDATE_REF_IN_USE', `Mandate reference ${mandateRef} is already the reference of another contract's mandate; a mandate reference (RUM) identifies one mandate of the creditor.`);
