import type { Contract } from './contract';

/**
 * The fields of a contract the audit trail shows before and after a change: status, mandate
 * (reference and state, not the IBAN), limit and language. No party, contact nor address: the trail
 * says what changed, the contract itself says who the customer is.
 */
export function contractAuditSummaryOf(contract: Contract): Record<string, unknown> {
  return {
    version: contract.version,
    status: contract.status,
    statusReason: contract.statusReason,
    terminatedAt: contract.terminatedAt,
    mandate: {
      mandateRef: contract.mandate.mandateRef,
      status: contract.mandate.status,
      signedAt: contract.mandate.signedAt,
      revokedAt: contract.mandate.revokedAt,
    },
    outstandingLimit: { amountMinor: contract.outstandingLimit.amountMinor, currency: contract.outstandingLimit.currency },
    language: contract.language,
  };
}
