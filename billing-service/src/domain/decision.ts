/** Why billing refuses an operation: stable codes clients branch on (the spec's RejectionCode). */
export type RejectionCode =
  | 'CONTRACT_UNKNOWN'
  | 'CONTRACT_NOT_ACTIVE'
  | 'OUTSIDE_CONTRACT_VALIDITY'
  | 'OPERATION_DATE_IN_FUTURE'
  | 'MANDATE_INVALID'
  | 'OUTSTANDING_LIMIT_EXCEEDED'
  | 'CURRENCY_MISMATCH'
  | 'PURCHASE_NOT_FOUND'
  | 'REFUND_EXCEEDS_PURCHASE';

export interface Accepted {
  status: 'ACCEPTED';
  /** Signed change of the contract's outstanding, in minor units: + for a purchase, − for a refund. */
  outstandingDeltaMinor: number;
}

export interface Rejected {
  status: 'REJECTED';
  code: RejectionCode;
  message: string;
}

/** The answer to a purchase or a refund: data, never an exception. */
export type Decision = Accepted | Rejected;

export const accepted = (outstandingDeltaMinor: number): Accepted => ({ status: 'ACCEPTED', outstandingDeltaMinor });
export const rejected = (code: RejectionCode, message: string): Rejected => ({ status: 'REJECTED', code, message });

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
