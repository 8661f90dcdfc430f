/** What a payment result says, as far as dunning is concerned. */
export interface DebitOutcome {
  /** RETURNED: a settled debit the debtor's bank sent back (an R-transaction): a refusal that came late. */
  status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'RETURNED';
  invoiceRef: string;
  reasonCode: string | null;
  reasonMessage: string | null;
}

export interface DunningPolicy {
  enabled: boolean;
  /** Reason codes that are the payment provider's failures, not the customer's. */
  ignoredReasons: readonly string[];
}

export type DunningDecision = { kind: 'suspend'; reason: string } | { kind: 'ignore'; why: string };

/**
 * Whether a payment result suspends the contract: a direct debit that failed for a reason on
 * the customer's side (insufficient funds, closed account, no valid mandate, any reason the
 * provider gives that is not listed as its own) stops the contract's credit until an
 * operator reactivates it. A debit returned after it settled (AM04, AC04, MD01, MS02…) is the
 * same refusal, days later, and suspends likewise. A reason code the policy does not know
 * suspends: with money owed, stopping further credit is the safe side.
 */
export function dunningDecisionOf(outcome: DebitOutcome, policy: DunningPolicy): DunningDecision {
  if (outcome.status === 'SUCCEEDED') return { kind: 'ignore', why: `${outcome.invoiceRef} was paid` };
  // An operator cancelled the debit on purpose: nothing was refused by the customer's bank.
  if (outcome.status === 'CANCELLED') return { kind: 'ignore', why: `the debit of ${outcome.invoiceRef} was cancelled by an operator` };
  if (!policy.enabled) return { kind: 'ignore', why: 'dunning is off (CONTRACT_DUNNING_ENABLED=false)' };
  const code = outcome.reasonCode ?? 'UNKNOWN';
  if (policy.ignoredReasons.includes(code)) return { kind: 'ignore', why: `${code} is the payment provider's failure, not the customer's` };
  const detail = outcome.reasonMessage ? ` (${outcome.reasonMessage})` : '';
  const what = outcome.status === 'RETURNED' ? 'was returned' : 'failed';
  return { kind: 'suspend', reason: `Direct debit of invoice ${outcome.invoiceRef} ${what}: ${code}${detail}` };
}
