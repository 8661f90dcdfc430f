import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DeliveryKind, DeliveryStatus } from '../domain/delivery';
import type { CreditNote } from '../domain/credit-note';
import type { Invoice, InvoiceType, Seller } from '../domain/invoice';
import type { Language } from '../domain/language';
import type { NoticeFacts, NoticeKind } from '../domain/notice';

/** The service's tables. The outbox, processed-events and audit-events tables come from the shared runtime. */
export { auditEvents, outbox, processedEvents } from '@boissipay/runtime';

/**
 * Every invoice received, as billing issued it (the event's `invoice` record), keyed by its
 * number, with the seller details in force when it arrived: the PDF is rendered from both,
 * for the e-mail and again on demand, so a reprint is the document that was sent even after
 * the seller settings change. The first event for a number wins; an invoice is never changed
 * once issued (a correction is a credit note).
 */
export const invoices = pgTable(
  'invoices',
  {
    invoiceRef: text('invoice_ref').primaryKey(),
    invoiceId: uuid('invoice_id').notNull(),
    invoiceType: text('invoice_type').$type<InvoiceType>().notNull(),
    contractRef: text('contract_ref').notNull(),
    /** eventId of the billing.invoice-issued.v1 event recorded: the causationId of what we publish. */
    issuedEventId: uuid('issued_event_id').notNull(),
    correlationId: text('correlation_id'),
    /** W3C traceparent of the consumer that recorded the invoice: its e-mail and the delivery event continue that trace. */
    traceParent: text('trace_parent'),
    invoice: jsonb('invoice').$type<Invoice>().notNull(),
    /** The language the invoice is written in, as billing issued it (fr for invoices received before languages existed). */
    language: text('language').$type<Language>().notNull().default('fr'),
    seller: jsonb('seller').$type<Seller>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('invoices_contract_ref_idx').on(table.contractRef)],
);

/**
 * Every credit note received (billing.credit-note-issued.v1), keyed by its number, with the
 * seller details in force when it arrived, like invoices: its PDF is rendered from it, the
 * invoice it corrects (whose parties it is addressed to) and those seller details. No foreign
 * key to that invoice: a credit note may arrive before its invoice (another topic); its
 * delivery is created once both are here.
 */
export const creditNotes = pgTable(
  'credit_notes',
  {
    creditNoteRef: text('credit_note_ref').primaryKey(),
    creditNoteId: uuid('credit_note_id').notNull(),
    invoiceRef: text('invoice_ref').notNull(),
    contractRef: text('contract_ref').notNull(),
    /** eventId of the billing.credit-note-issued.v1 event recorded. */
    issuedEventId: uuid('issued_event_id').notNull(),
    correlationId: text('correlation_id'),
    traceParent: text('trace_parent'),
    creditNote: jsonb('credit_note').$type<CreditNote>().notNull(),
    language: text('language').$type<Language>().notNull().default('fr'),
    seller: jsonb('seller').$type<Seller>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('credit_notes_invoice_ref_idx').on(table.invoiceRef), index('credit_notes_contract_ref_idx').on(table.contractRef)],
);

/**
 * One ORIGINAL delivery per invoice (unique invoice_ref among them: however often the invoice
 * is announced, it is mailed once) and per credit note (unique credit_note_ref), and one RESEND row per operator's request to mail it
 * again, with who asked, why, and the client's Idempotency-Key (unique per client, as billing
 * keeps it on operations) with the fingerprint of its request. The worker claims PENDING rows
 * whose next_attempt_at is due and pushes next_attempt_at forward as a lease while it sends;
 * `attempts` is counted at the claim.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    deliveryId: uuid('delivery_id').primaryKey(),
    invoiceRef: text('invoice_ref')
      .notNull()
      .references(() => invoices.invoiceRef),
    contractRef: text('contract_ref').notNull(),
    /**
     * The invoice's customer (its customer.customerRef), for customer-scoped tokens; null when
     * the invoice named none. Rows recorded before the column existed were filled from the
     * stored invoice by the migration that added it.
     */
    customerRef: text('customer_ref'),
    recipient: text('recipient').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    messageId: text('message_id').notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    failureReason: text('failure_reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').$type<DeliveryKind>().notNull().default('ORIGINAL'),
    reason: text('reason'),
    requestedBy: text('requested_by'),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    /**
     * Set for the delivery of a credit note: the credit note e-mailed, invoice_ref being the
     * invoice it corrects. Null for an invoice's own deliveries.
     */
    creditNoteRef: text('credit_note_ref').references(() => creditNotes.creditNoteRef),
  },
  (table) => [
    uniqueIndex('deliveries_original_invoice_uq').on(table.invoiceRef).where(sql`${table.kind} = 'ORIGINAL' and ${table.creditNoteRef} is null`),
    uniqueIndex('deliveries_original_credit_note_uq').on(table.creditNoteRef).where(sql`${table.kind} = 'ORIGINAL' and ${table.creditNoteRef} is not null`),
    index('deliveries_invoice_ref_idx').on(table.invoiceRef),
    uniqueIndex('deliveries_client_idempotency_key_uq').on(table.requestedBy, table.idempotencyKey).where(sql`${table.idempotencyKey} is not null`),
    check('deliveries_status_check', sql`${table.status} in ('PENDING', 'SENT', 'FAILED')`),
    // The worker only ever looks for due PENDING rows; sent ones pile up and must not slow it.
    index('deliveries_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'PENDING'`),
    index('deliveries_contract_ref_idx').on(table.contractRef),
    index('deliveries_customer_ref_idx').on(table.customerRef),
    index('deliveries_received_idx').on(table.receivedAt, table.deliveryId),
  ],
);

/**
 * One customer notice per event that caused it (`cause_event_id` UNIQUE: the eventId of the
 * payment.result.v1 or contract.lifecycle.v1 event), recorded in the consumer's transaction and
 * sent by the notice worker like a delivery: PENDING, claimed with a lease (next_attempt_at
 * pushed forward, `attempts` counted at the claim), then SENT or FAILED. The text is rendered
 * from `facts` in `language`, so a copy sent again is the same message, under the same
 * Message-ID. A debit notice whose invoice has not arrived yet has no recipient: recording
 * the invoice fills it in, and only then is the notice due.
 */
export const notices = pgTable(
  'notices',
  {
    noticeId: uuid('notice_id').primaryKey(),
    causeEventId: uuid('cause_event_id').notNull(),
    kind: text('kind').$type<NoticeKind>().notNull(),
    contractRef: text('contract_ref').notNull(),
    invoiceRef: text('invoice_ref'),
    customerRef: text('customer_ref'),
    recipient: text('recipient'),
    recipientName: text('recipient_name'),
    language: text('language').$type<Language>().notNull().default('fr'),
    facts: jsonb('facts').$type<NoticeFacts>().notNull(),
    status: text('status').$type<DeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    messageId: text('message_id').notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    failureReason: text('failure_reason'),
    correlationId: text('correlation_id'),
    /** W3C traceparent of the consumer that recorded the notice: sending it continues that trace. */
    traceParent: text('trace_parent'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('notices_cause_event_uq').on(table.causeEventId),
    check('notices_status_check', sql`${table.status} in ('PENDING', 'SENT', 'FAILED')`),
    check('notices_kind_check', sql`${table.kind} in ('DEBIT_FAILED', 'DEBIT_RETURNED', 'CONTRACT_SUSPENDED', 'CONTRACT_REACTIVATED')`),
    // The worker looks only for due PENDING notices that have a recipient.
    index('notices_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'PENDING' and ${table.recipient} is not null`),
    index('notices_waiting_invoice_idx').on(table.invoiceRef).where(sql`${table.recipient} is null`),
    index('notices_contract_ref_idx').on(table.contractRef),
    index('notices_customer_ref_idx').on(table.customerRef),
    index('notices_received_idx').on(table.receivedAt, table.noticeId),
  ],
);
