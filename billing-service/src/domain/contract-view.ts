import type { Money } from '@boissipay/money';

export type ContractStatus = 'CREATED' | 'ACTIVE' | 'SUSPENDED' | 'TERMINATED' | 'EXPIRED';
export type MandateStatus = 'PENDING_SIGNATURE' | 'ACTIVE' | 'REVOKED';

export interface MandateView {
  status: MandateStatus;
  /** ISO date; a mandate is valid only once signed. */
  signedAt: string | null;
  revokedAt: string | null;
}

/** What the decisions need to know of a contract, as billing's read model has it. Dates are ISO (YYYY-MM-DD). */
export interface ContractView {
  contractRef: string;
  status: ContractStatus;
  activatedAt: string;
  expireAt: string;
  mandate: MandateView | null;
  limit: Money;
}
