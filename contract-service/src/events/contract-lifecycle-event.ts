import type { contractLifecycleV1Event } from '@boissipay/contracts';
import type { Change, Contract, PostalAddress } from '../domain/contract';

type LifecycleEvent = contractLifecycleV1Event.ContractLifecycleEvent;

/** Who and when: what the event needs beyond the change itself. */
export interface EventContext {
  eventId: string;
  occurredAt: Date;
  correlationId: string | null;
  causationId?: string | null;
  /** The subject who asked for the change (a token's subject, or system:<job>). */
  changedBy: string;
}

/** The event announcing `change`, carrying the whole contract after it (event-carried state transfer). */
export function lifecycleEventOf(change: Change, context: EventContext): LifecycleEvent {
  return {
    eventId: context.eventId,
    occurredAt: context.occurredAt.toISOString(),
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    type: change.eventType,
    contractRef: change.contract.contractRef,
    version: change.contract.version,
    reason: change.reason,
    changedBy: context.changedBy,
    contract: snapshotOf(change.contract),
  };
}

export function snapshotOf(contract: Contract): contractLifecycleV1Event.ContractSnapshot {
  const { subscriber, mandate } = contract;
  return {
    contractId: contract.contractId,
    contractRef: contract.contractRef,
    productRef: contract.productRef,
    contractType: contract.contractType,
    status: contract.status,
    createdAt: contract.createdAt,
    signedAt: contract.signedAt,
    activatedAt: contract.activatedAt,
    expireAt: contract.expireAt,
    terminatedAt: contract.terminatedAt,
    subscriber: {
      subscriberRef: subscriber.subscriberRef,
      subscriberType: subscriber.subscriberType,
      customerId: subscriber.party?.customerId ?? null,
      customerRef: subscriber.party?.customerRef ?? null,
      siren: subscriber.eInvoicing?.siren ?? null,
      vatNumber: subscriber.eInvoicing?.vatNumber ?? null,
    },
    distributorRef: contract.distributor.distributorRef,
    billingContact: {
      firstName: contract.billingContact.firstName,
      lastName: contract.billingContact.lastName,
      email: contract.billingContact.mail,
      phone: contract.billingContact.phone ?? null,
    },
    billingAddress: postalAddressOf(subscriber.billingAddress),
    mandate: {
      mandateRef: mandate.mandateRef,
      iban: mandate.iban,
      bic: mandate.bic,
      signedAt: mandate.signedAt,
      status: mandate.status,
      revokedAt: mandate.revokedAt,
    },
    outstandingLimit: { amountMinor: contract.outstandingLimit.amountMinor, currency: contract.outstandingLimit.currency },
    language: contract.language,
  };
}

function postalAddressOf(address: PostalAddress): contractLifecycleV1Event.PostalAddress {
  return {
    line1: address.line1,
    line2: address.line2 ?? '',
    line3: address.line3 ?? '',
    line4: address.line4 ?? '',
    line5: address.line5 ?? '',
    line6: address.line6,
    country: address.countryCode ?? 'FR',
  };
}
