import type { BillingContact, Change, Distributor, IsoDate, Language, ProductRef, Subscriber } from './contract';
import type { Invalid, Problem } from './contract.errors';
import { checkLimit, checkMandate, type AmountInput, type MandateInput } from './contract-inputs';
import { isAfter, isBefore } from './dates';

/** What a client asks for when it subscribes a contract (the API request, decoded). */
export interface ContractApplication {
  productRef: ProductRef;
  contractType: ProductRef;
  createdAt: IsoDate;
  signedAt: IsoDate | null;
  activatedAt: IsoDate;
  expireAt: IsoDate;
  distributor: Distributor;
  subscriber: Subscriber;
  mandate: MandateInput;
  outstandingLimit: AmountInput;
  billingContact: BillingContact;
  language: Language;
}

/** Server-assigned identity of a new contract. */
export interface ContractIdentity {
  contractId: string;
  contractRef: string;
}

/**
 * Checks an application and, when sound, builds the contract at version 1, always CREATED
 * whatever the client asked: it becomes ACTIVE only through activation. Every problem is
 * reported at once.
 */
export function subscribe(application: ContractApplication, identity: ContractIdentity, today: IsoDate): Change | Invalid {
  const problems: Problem[] = [...checkDates(application, today)];
  const mandate = checkMandate(application.mandate, today, '/payment/mandate');
  if (!mandate.ok) problems.push(...mandate.problems);
  const limit = checkLimit(application.outstandingLimit, '/billing/outstandingLimit');
  if (!limit.ok) problems.push(...limit.problems);
  if (!mandate.ok || !limit.ok || problems.length > 0) return { kind: 'invalid', problems };

  const { mandate: _mandate, outstandingLimit: _limit, ...rest } = application;
  return {
    kind: 'accepted',
    contract: {
      ...rest,
      ...identity,
      version: 1,
      status: 'CREATED',
      statusReason: null,
      terminatedAt: null,
      mandate: mandate.value,
      outstandingLimit: limit.value,
    },
    eventType: 'SUBSCRIBED',
    reason: null,
  };
}

function checkDates({ createdAt, signedAt, activatedAt, expireAt }: ContractApplication, today: IsoDate): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, message: string) => problems.push({ code: 'INVALID_DATES', field, message });
  if (isAfter(createdAt, activatedAt)) problem('/activatedAt', `activatedAt (${activatedAt}) is before createdAt (${createdAt}).`);
  if (isAfter(activatedAt, expireAt)) problem('/expireAt', `expireAt (${expireAt}) is before activatedAt (${activatedAt}).`);
  if (signedAt !== null && isAfter(signedAt, activatedAt)) problem('/signedAt', `signedAt (${signedAt}) is after activatedAt (${activatedAt}).`);
  if (isBefore(expireAt, today)) problem('/expireAt', `expireAt (${expireAt}) is already past (today is ${today}).`);
  return problems;
}
