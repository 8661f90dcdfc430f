import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PaymentActionKind } from '../domain/operator-actions';
import type { AttemptOutcome, PaymentMethod, PaymentStatus } from '../domain/payment';

/** The service's tables. The outbox, processed-events and audit-events tables come from the shared runtime. */
export { auditEvents, outbox, processedEvents } from '@boissipay/runtime';

/**
 * One row per issued invoice, its collection's current state. `invoice_ref` is UNIQUE: an
 * invoice can never get two payments, however often (and under whatever eventId) billing's
 * event reaches us. The debit worker claims due rows (PENDING, RETRY_SCHEDULED whose
 * `next_attempt_at` has come) with FOR UPDATE SKIP LOCKED in a short transaction that moves
 * `next_attempt_at` to the end of a lease and sets `lease_token`; it calls the provider with
 * no transaction open, renewing the lease meanwhile, and records the answer only while the
 * token is still its own. Two workers never debit the same payment at the same time, and
 * a worker that dies leaves the payment due again when its lease ends.
 */
export const payments = pgTable(
  'payments',
  {
    paymentRef: text('payment_ref').primaryKey(),
    invoiceRef: text('invoice_ref').notNull().unique(),
    invoiceId: text('invoice_id').notNull(),
    contractRef: text('contract_ref').notNull(),
    /**
     * The invoice's customer (the event's customer.customerRef), for customer-scoped tokens.
     * Null when the invoice named none, or for payments recorded before it was kept: those are
     * visible to unrestricted tokens only.
     */
    customerRef: text('customer_ref'),
    /** eventId of the billing.invoice-issued.v1 event that created the payment: the result's causationId. */
    invoiceEventId: uuid('invoice_event_id').notNull(),
    correlationId: text('correlation_id'),
    /** W3C traceparent of the consumer that recorded the payment: the debit and its result continue that trace. */
    traceParent: text('trace_parent'),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The day the debit is collected, as the invoice e-mail announced it: never sent to the provider before then. */
    collectionDate: date('collection_date', { mode: 'string' }).notNull(),
    mandateRef: text('mandate_ref'),
    iban: text('iban'),
    bic: text('bic'),
    /** The mandate's date of signature, from the invoice event (null for events that did not carry it). */
    mandateSignedAt: date('mandate_signed_at', { mode: 'string' }),
    /** The debtor's name (the billing address's first line); null for payments recorded before it was kept. */
    debtorName: text('debtor_name'),
    status: text('status').$type<PaymentStatus>().notNull(),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** The claim that holds the payment while its debit is in progress; null otherwise. */
    leaseToken: uuid('lease_token'),
    reasonCode: text('reason_code'),
    reasonMessage: text('reason_message'),
    providerRef: text('provider_ref'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    method: text('method').$type<PaymentMethod>().notNull().default('DIRECT_DEBIT'),
    bankReference: text('bank_reference'),
    receivedOn: date('received_on', { mode: 'string' }),
    /** Operators' retries so far: the provider's idempotency key of the current debit (domain debitKeyOf). */
    debitRound: integer('debit_round').notNull().default(0),
    attemptsBeforeRound: integer('attempts_before_round').notNull().default(0),
    /** The last return (R-transaction) of a debit of this payment: its ISO reason code and when it was recorded. */
    returnReasonCode: text('return_reason_code'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (table) => [
    index('payments_contract_ref_idx').on(table.contractRef, table.createdAt),
    index('payments_customer_ref_idx').on(table.customerRef, table.createdAt),
    index('payments_status_idx').on(table.status, table.createdAt),
    index('payments_listing_idx').on(table.createdAt, table.paymentRef),
    // The worker only ever looks for payments still to be debited.
    index('payments_due_idx').on(table.nextAttemptAt).where(sql`${table.status} in ('PENDING', 'RETRY_SCHEDULED')`),
  ],
);

/** Every call made to the provider for a payment whose answer was recorded, in order. */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    paymentRef: text('payment_ref')
      .notNull()
      .references(() => payments.paymentRef),
    attemptNumber: integer('attempt_number').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    outcome: text('outcome').$type<AttemptOutcome>().notNull(),
    reasonCode: text('reason_code'),
    message: text('message'),
    providerRef: text('provider_ref'),
  },
  (table) => [primaryKey({ columns: [table.paymentRef, table.attemptNumber] })],
);

/**
 * The operators' actions on payments (retry, manual payment, cancel), each written in the
 * transaction that applies it: who, when, why. The action row also holds the client's
 * Idempotency-Key with the fingerprint of its request, unique per client (the token subject),
 * as billing does for operations: a replay finds the row it wrote, another request under the
 * same key is told apart by its fingerprint.
 */
export const paymentActions = pgTable(
  'payment_actions',
  {
    actionId: uuid('action_id').primaryKey(),
    paymentRef: text('payment_ref')
      .notNull()
      .references(() => payments.paymentRef),
    kind: text('kind').$type<PaymentActionKind>().notNull(),
    reason: text('reason').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    bankReference: text('bank_reference'),
    receivedOn: date('received_on', { mode: 'string' }),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
  },
  (table) => [
    index('payment_actions_payment_idx').on(table.paymentRef, table.requestedAt),
    uniqueIndex('payment_actions_client_idempotency_key_uq')
      .on(table.requestedBy, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
  ],
);

/**
 * The simulated SEPA provider's own books (infra/simulated-sepa-provider.ts), standing for
 * the state a real provider keeps on its side: one row per idempotency key (our paymentRef),
 * its calls and, once decided, its final outcome. `payment_ref` holds that key: the
 * paymentRef, suffixed for an operator's retry (domain debitKeyOf). Written outside our transactions, as a
 * remote provider would be, so that a debit survives our rollback and is replayed, not
 * repeated, on the next attempt.
 */
export const simulatedDebits = pgTable('simulated_debits', {
  paymentRef: text('payment_ref').primaryKey(),
  iban: text('iban').notNull(),
  mandateRef: text('mandate_ref').notNull(),
  amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  calls: integer('calls').notNull(),
  outcome: text('outcome').$type<'SUCCEEDED' | 'FAILED'>(),
  providerRef: text('provider_ref'),
  reasonCode: text('reason_code'),
  message: text('message'),
  firstCalledAt: timestamp('first_called_at', { withTimezone: true }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  /** A debit the simulated bank will send back (test IBANs …0006 to …0009): the return's ISO reason code, due at return_due_at. */
  returnReasonCode: text('return_reason_code'),
  returnDueAt: timestamp('return_due_at', { withTimezone: true }),
  /** When the payment service acknowledged the return (recorded it); null while it is still to be reported. */
  returnReportedAt: timestamp('return_reported_at', { withTimezone: true }),
});

/**
 * The file adapter's books (PAYMENT_PROVIDER=pain008, infra/pain008-collection-provider.ts): one
 * row per debit sent, keyed by its idempotency key (the end-to-end id of the pain.008
 * transaction), in the batch of its collection date. Written in a transaction of its own, as a
 * remote provider's state would be: a debit written and then lost by our rollback is found again
 * under its key and answered, never added twice. `sequence_type` is decided once, when the
 * debit joins a batch: FRST for the first transaction of its mandate, RCUR afterwards, so a file
 * fetched again says the same.
 */
export const collectionTransactions = pgTable(
  'collection_transactions',
  {
    debitKey: text('debit_key').primaryKey(),
    paymentRef: text('payment_ref').notNull(),
    customerRef: text('customer_ref'),
    collectionDate: date('collection_date', { mode: 'string' }).notNull(),
    sequenceType: text('sequence_type').$type<'FRST' | 'RCUR'>().notNull(),
    mandateRef: text('mandate_ref').notNull(),
    mandateSignedAt: date('mandate_signed_at', { mode: 'string' }).notNull(),
    debtorName: text('debtor_name').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** The invoice number: the transaction's remittance information. */
    remittanceInformation: text('remittance_information').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('collection_transactions_date_idx').on(table.collectionDate, table.debitKey),
    index('collection_transactions_mandate_idx').on(table.mandateRef),
  ],
);
