import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BillingContact, ContractStatus, Distributor, Language, Mandate, ProductRef, Subscriber } from '../domain/contract';

/** The service's tables. The outbox, processed-events and audit-events tables come from the shared runtime. */
export { auditEvents, outbox, processedEvents } from '@boissipay/runtime';

/** Numbers of the human contract references (CTR-<year>-<number>); gaps are harmless. */
export const contractRefSequence = pgSequence('contract_ref_seq', { startWith: 1 });

/**
 * One row per contract, its current state. `version` is the version of the last event
 * published about it; a change locks the row (SELECT … FOR UPDATE), so concurrent changes
 * of one contract take turns and their versions never collide nor go backwards.
 * Parties and mandate are value objects kept as JSON; the columns searched on are copied out.
 */
export const MANDATE_REF_UNIQUE = 'contracts_mandate_ref_uq';

export const contracts = pgTable(
  'contracts',
  {
    contractId: uuid('contract_id').primaryKey(),
    contractRef: text('contract_ref').notNull().unique(),
    version: integer('version').notNull(),
    status: text('status').$type<ContractStatus>().notNull(),
    statusReason: text('status_reason'),
    productRef: text('product_ref').$type<ProductRef>().notNull(),
    contractType: text('contract_type').$type<ProductRef>().notNull(),
    createdAt: date('created_at', { mode: 'string' }).notNull(),
    signedAt: date('signed_at', { mode: 'string' }),
    activatedAt: date('activated_at', { mode: 'string' }).notNull(),
    expireAt: date('expire_at', { mode: 'string' }).notNull(),
    terminatedAt: date('terminated_at', { mode: 'string' }),
    subscriberRef: text('subscriber_ref').notNull(),
    customerRef: text('customer_ref'),
    subscriber: jsonb('subscriber').$type<Subscriber>().notNull(),
    distributor: jsonb('distributor').$type<Distributor>().notNull(),
    mandate: jsonb('mandate').$type<Mandate>().notNull(),
    limitAmountMinor: bigint('limit_amount_minor', { mode: 'number' }).notNull(),
    limitCurrency: text('limit_currency').notNull(),
    billingContact: jsonb('billing_contact').$type<BillingContact>().notNull(),
    /** Language of the customer's invoices and e-mails; contracts created before it existed are French. */
    language: text('language').$type<Language>().notNull().default('fr'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('contracts_customer_ref_idx').on(table.customerRef),
    index('contracts_subscriber_ref_idx').on(table.subscriberRef),
    index('contracts_status_idx').on(table.status, table.contractRef),
    // The expiry check only ever looks at contracts that can still expire.
    index('contracts_expirable_idx').on(table.expireAt).where(sql`${table.status} in ('ACTIVE', 'SUSPENDED')`),
    // A mandate reference (RUM) identifies one mandate of the creditor: two contracts never share one.
    uniqueIndex(MANDATE_REF_UNIQUE).on(sql`(${table.mandate}->>'mandateRef')`),
  ],
);

/**
 * Idempotency keys of contract creations, written in the same transaction as the contract:
 * a replay finds the key with the hash of the body it came with and the contract it made.
 * Keys are per client (token subject) so two clients cannot collide.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    clientId: text('client_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    contractRef: text('contract_ref').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.clientId, table.idempotencyKey] })],
);
