import type { Money } from '@boissipay/money';

/**
 * The contract as this service masters it. Parties are value objects the domain carries but
 * never decides on; status, dates, mandate and limit are what the lifecycle rules read.
 * Dates are ISO calendar dates (YYYY-MM-DD) in the service's time zone.
 */
export const contractStatuses = ['CREATED', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export type IsoDate = string;

/** Languages the customer's invoices, credit notes and e-mails can be written in (ISO 639-1); French unless the contract says otherwise. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/** The only product and contract type there is today. */
export type ProductRef = 'DEFERRED_BILLING';

export interface PostalAddress {
  line1: string;
  line2?: string;
  line3?: string;
  line4?: string;
  line5?: string;
  line6: string;
  countryCode?: string;
}

export interface Person {
  ccuid?: string;
  contactId?: string;
  gender?: 'M' | 'MME';
  firstName?: string;
  lastName: string;
  mail: string;
  phone?: string;
}

export interface EInvoicing {
  siren?: string;
  vatNumber?: string;
  country?: string;
}

export interface Distributor {
  distributorRef: string;
  eInvoicing?: EInvoicing;
  contactPerson?: Person;
  contactAddress?: PostalAddress;
}

export interface Subscriber {
  subscriberRef: string;
  subscriberType: 'PARTICULAR' | 'PROFESSIONNAL';
  party?: { customerId?: string; customerRef?: string };
  eInvoicing?: EInvoicing;
  contactPerson: Person;
  contactAddress: PostalAddress;
  billingAddress: PostalAddress;
}

export interface BillingContact {
  firstName: string;
  lastName: string;
  mail: string;
  phone?: string;
}

export type MandateStatus = 'PENDING_SIGNATURE' | 'ACTIVE' | 'REVOKED';

export interface Mandate {
  mandateRef: string;
  iban: string;
  bic: string | null;
  signedAt: IsoDate | null;
  status: MandateStatus;
  revokedAt: IsoDate | null;
  revocationReason: string | null;
  /** The day of its last successful collection (payment.result.v1); absent until then. A mandate unused for 36 months lapses (domain/mandate-expiry.ts). */
  lastCollectedOn?: IsoDate | null;
}

export interface Contract {
  contractId: string;
  contractRef: string;
  /** Version of the last event published about the contract: 1 once created, +1 per change. */
  version: number;
  status: ContractStatus;
  /** Why the contract is SUSPENDED, TERMINATED or EXPIRED; null otherwise. */
  statusReason: string | null;
  productRef: ProductRef;
  contractType: ProductRef;
  createdAt: IsoDate;
  signedAt: IsoDate | null;
  activatedAt: IsoDate;
  expireAt: IsoDate;
  terminatedAt: IsoDate | null;
  distributor: Distributor;
  subscriber: Subscriber;
  mandate: Mandate;
  outstandingLimit: Money;
  billingContact: BillingContact;
  /** Language of the customer's invoices, credit notes and e-mails. */
  language: Language;
}

/** The events of contract.lifecycle.v1, one per accepted change. */
export type ContractEventType =
  | 'SUBSCRIBED'
  | 'ACTIVATED'
  | 'SUSPENDED'
  | 'REACTIVATED'
  | 'TERMINATED'
  | 'EXPIRED'
  | 'MANDATE_CHANGED'
  | 'MANDATE_REVOKED'
  | 'LIMIT_CHANGED'
  | 'LANGUAGE_CHANGED';

/** A change the domain accepted: the contract after it, and the event announcing it. */
export interface Change {
  kind: 'accepted';
  contract: Contract;
  eventType: ContractEventType;
  /** Why, when the command gave (or the domain knows) one; published on the event and kept in the audit trail. */
  reason: string | null;
}
