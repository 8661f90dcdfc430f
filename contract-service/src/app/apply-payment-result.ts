import type { paymentResultV1Event } from '@boissipay/contracts';
import { currentCorrelationId, systemActor, type Logger } from '@boissipay/runtime';
import { calendarDateIn } from '../domain/dates';
import { dunningDecisionOf, type DunningPolicy } from '../domain/dunning';
import { recordMandateCollection } from '../infra/contract-repository';
import type { ContractTransaction } from '../infra/database';
import { changeContractIn } from './change-contract';
import { momentOf, type ContractDependencies } from './dependencies';

export interface DunningDependencies extends Pick<ContractDependencies, 'timeZone' | 'clock' | 'newId'> {
  policy: DunningPolicy;
  logger: Logger;
}

/**
 * A successful debit renews its mandate's 36 months. Dunning: a direct debit that failed on the customer's side suspends the contract, in the
 * consumer's transaction, with its SUSPENDED event (causationId = the payment result's
 * eventId) in the outbox: billing then refuses the contract's purchases until an operator
 * reactivates it. A contract that is not ACTIVE any more (already suspended, terminated,
 * expired) is left as it is; so is one this service does not know.
 */
export async function applyPaymentResult(tx: ContractTransaction, result: paymentResultV1Event.PaymentResultEvent, deps: DunningDependencies): Promise<void> {
  const logger = deps.logger.child({ contractRef: result.contractRef, invoiceRef: result.invoiceRef, paymentRef: result.paymentRef, eventId: result.eventId });
  // The mandate was used: its 36 months without a collection start again (domain/mandate-expiry.ts).
  if (result.status === 'SUCCEEDED' && result.mandateRef) {
    await recordMandateCollection(tx, result.contractRef, result.mandateRef, calendarDateIn(deps.timeZone, new Date(result.settledAt ?? result.occurredAt)));
  }
  const decision = dunningDecisionOf(result, deps.policy);
  if (decision.kind === 'ignore') {
    if (result.status === 'FAILED' || result.status === 'RETURNED') logger.info({ why: decision.why }, 'failed debit: contract left as it is');
    return;
  }
  const audit = { actor: systemActor('dunning'), requestId: currentCorrelationId() ?? result.correlationId ?? result.eventId };
  const outcome = await changeContractIn(
    tx,
    result.contractRef,
    { type: 'SUSPEND', reason: decision.reason },
    { ...momentOf(deps), audit, newId: deps.newId, causationId: result.eventId },
  );
  if (outcome.kind === 'changed') logger.warn({ reason: decision.reason }, 'contract suspended: its direct debit failed or was returned');
  else if (outcome.kind === 'not-found') logger.warn('failed debit for a contract this service does not have: ignored');
  else if (outcome.kind === 'refused') logger.info({ why: outcome.message }, 'failed debit: contract not suspended');
  else throw new Error(`suspending ${result.contractRef} was refused as invalid input`);
}
