import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CreditNoteLine } from '../domain/credit-note';
import type { VatCategoryCode } from '../domain/vat-category';

/** The service's tables. The outbox, processed-events and audit-events tables come from the shared runtime. */
export { auditEvents, outbox, processedEvents } from '@boissipay/runtime';

export interface BillingContactRow {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
}

export interface BillingAddressRow {
  line1: string;
  line2: string;
  line3: string;
  line4: string;
  line5: string;
  line6: string;
  country: string;
}

export interface SubscriberRow {
  subscriberRef: string;
  subscriberType: string;
  customerId: string | null;
  customerRef: string | null;
  siren: string | null;
  vatNumber: string | null;
}

/**
 * Billing's read model of contracts: a projection of contract.lifecycle.v1 (each event
 * carries the whole contract), the highest version wins. Nothing here is billing's own
 * truth, so it can be truncated and rebuilt from the topic (src/rebuild-read-model.ts).
 */
export const contracts = pgTable('contracts', {
  contractRef: text('contract_ref').primaryKey(),
  contractId: text('contract_id').notNull(),
  productRef: text('product_ref').notNull(),
  contractType: text('contract_type').notNull(),
  status: text('status').notNull(),
  createdOn: date('created_on', { mode: 'string' }).notNull(),
  signedOn: date('signed_on', { mode: 'string' }),
  activatedAt: date('activated_at', { mode: 'string' }).notNull(),
  expireAt: date('expire_at', { mode: 'string' }).notNull(),
  terminatedAt: date('terminated_at', { mode: 'string' }),
  mandateRef: text('mandate_ref'),
  mandateStatus: text('mandate_status'),
  mandateSignedAt: date('mandate_signed_at', { mode: 'string' }),
  mandateRevokedAt: date('mandate_revoked_at', { mode: 'string' }),
  // Needed by the invoice event: the payment service debits this account.
  mandateIban: text('mandate_iban'),
  mandateBic: text('mandate_bic'),
  limitMinor: bigint('limit_minor', { mode: 'number' }).notNull(),
  limitCurrency: text('limit_currency').notNull(),
  subscriber: jsonb('subscriber').$type<SubscriberRow>().notNull(),
  distributorRef: text('distributor_ref'),
  billingContact: jsonb('billing_contact').$type<BillingContactRow>().notNull(),
  billingAddress: jsonb('billing_address').$type<BillingAddressRow>().notNull(),
  /** Language of the customer's documents (fr, en), copied onto each invoice issued. */
  language: text('language').notNull().default('fr'),
  version: bigint('version', { mode: 'number' }).notNull(),
  lastEventId: uuid('last_event_id').notNull(),
  lastEventType: text('last_event_type').notNull(),
  // The event's occurredAt, not the time of projection: a rebuild reproduces the row exactly.
  lastEventAt: timestamp('last_event_at', { withTimezone: true, mode: 'string' }).notNull(),
});

/**
 * Billing's own books, one row per contract: the outstanding (signed sum of accepted
 * operations not yet settled by a payment). Every decision on a contract locks its row
 * (SELECT … FOR UPDATE) and every accepted operation updates it in the same transaction,
 * which is what keeps the outstanding limit under concurrency (docs/adr/0005). A paid
 * invoice lowers it by its total with tax, under the same lock (app/record-payment-result.ts).
 */
export const balances = pgTable('balances', {
  contractRef: text('contract_ref').primaryKey(),
  currency: text('currency').notNull(),
  outstandingMinor: bigint('outstanding_minor', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every decision, accepted or rejected, with the answer given so that a replay can repeat it. */
export const operations = pgTable(
  'operations',
  {
    operationId: uuid('operation_id').primaryKey(),
    type: text('type').$type<'PURCHASE' | 'REFUND'>().notNull(),
    status: text('status').$type<'ACCEPTED' | 'REJECTED'>().notNull(),
    rejectionCode: text('rejection_code'),
    rejectionMessage: text('rejection_message'),
    contractRef: text('contract_ref').notNull(),
    orderRef: text('order_ref').notNull(),
    /** REFUND: the orderRef of the purchase it refunds. */
    refundedOrderRef: text('refunded_order_ref'),
    customerRef: text('customer_ref'),
    operationAt: date('operation_at', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    totalWithoutTaxMinor: bigint('total_without_tax_minor', { mode: 'number' }).notNull(),
    totalTaxMinor: bigint('total_tax_minor', { mode: 'number' }).notNull(),
    totalWithTaxMinor: bigint('total_with_tax_minor', { mode: 'number' }).notNull(),
    /** The request body as received (contact, order): echoed in responses. */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    requestHash: text('request_hash').notNull(),
    idempotencyKey: text('idempotency_key'),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').$type<Record<string, unknown>>().notNull(),
    submittedBy: text('submitted_by').notNull(),
    correlationId: text('correlation_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // One answer per order and type: the natural idempotency key, and a guard against double billing.
    uniqueIndex('operations_natural_key_uq').on(table.contractRef, table.orderRef, table.type),
    // Keys are the client's own (the token's subject): another client's key is a new request, never its answer.
    uniqueIndex('operations_client_idempotency_key_uq').on(table.submittedBy, table.idempotencyKey).where(sql`${table.idempotencyKey} is not null`),
    index('operations_contract_date_idx').on(table.contractRef, table.operationAt),
    index('operations_decided_idx').on(table.decidedAt),
    index('operations_refunds_idx').on(table.contractRef, table.refundedOrderRef).where(sql`${table.type} = 'REFUND'`),
    check('operations_type_ck', sql`${table.type} in ('PURCHASE', 'REFUND')`),
    check('operations_status_ck', sql`${table.status} in ('ACCEPTED', 'REJECTED')`),
    check('operations_amounts_ck', sql`${table.totalWithTaxMinor} = ${table.totalWithoutTaxMinor} + ${table.totalTaxMinor}`),
  ],
);

/** The product lines of each operation, with the travel details the invoice lines will show. */
export const operationLines = pgTable(
  'operation_lines',
  {
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.operationId),
    lineNo: integer('line_no').notNull(),
    orderItemNo: integer('order_item_no').notNull(),
    productRef: text('product_ref'),
    productLabel: text('product_label').notNull(),
    quantity: integer('quantity').notNull(),
    packaging: text('packaging'),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
    /** Hundredths of a percent, converted exactly from the request's percent: 2000 is 20 %, 550 is 5.5 %. */
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
    amountWithoutTaxMinor: bigint('amount_without_tax_minor', { mode: 'number' }).notNull(),
    amountTaxMinor: bigint('amount_tax_minor', { mode: 'number' }).notNull(),
    amountWithTaxMinor: bigint('amount_with_tax_minor', { mode: 'number' }).notNull(),
    ecoParticipationMinor: bigint('eco_participation_minor', { mode: 'number' }),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    travellerName: text('traveller_name'),
    bookingRef: text('booking_ref'),
    costCentre: text('cost_centre'),
    /** EN 16931 VAT category (UNTDID 5305) of the line, from the request's vatCategory (domain/vat-category.ts). */
    vatCategoryCode: text('vat_category_code').$type<VatCategoryCode>().notNull().default('S'),
    /** VATEX code (BT-121) and the mention printed (BT-120) of an untaxed line; null for S and Z. */
    vatExemptionReasonCode: text('vat_exemption_reason_code'),
    vatExemptionReason: text('vat_exemption_reason'),
  },
  (table) => [primaryKey({ columns: [table.operationId, table.lineNo] })],
);

/**
 * What is left to invoice: one row per accepted operation that no invoice has taken yet,
 * written with the decision and deleted by the transaction that invoices it. Billing runs
 * read this, never the whole history of operations, and invoicing deletes these narrow rows
 * instead of rewriting wide operation rows and every index on them (one page touched per
 * operation, not one per index, wherever the operation is stored).
 */
export const uninvoicedOperations = pgTable(
  'uninvoiced_operations',
  {
    contractRef: text('contract_ref').notNull(),
    operationAt: date('operation_at', { mode: 'string' }).notNull(),
    // No foreign key to operations: checking it would lock each operation row, and so rewrite its page.
    operationId: uuid('operation_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.contractRef, table.operationAt, table.operationId] })],
);

export interface BillingRunErrorRow {
  contractRef: string | null;
  message: string;
}

/**
 * One row per billing run, RUNNING until it finishes. What it issued is read from the
 * invoices it wrote (invoices.run_id), so the figures are right even for a run that stopped
 * half-way. A run that stopped without finishing (crash) is marked FAILED by the next run,
 * which sees that no session holds its lock any more (app/billing-run-liveness.ts).
 */
export const billingRuns = pgTable(
  'billing_runs',
  {
    runId: uuid('run_id').primaryKey(),
    period: text('period').notNull(),
    status: text('status').$type<'RUNNING' | 'COMPLETED' | 'FAILED'>().notNull(),
    trigger: text('trigger').$type<'SCHEDULE' | 'API'>().notNull(),
    requestedBy: text('requested_by').notNull(),
    correlationId: text('correlation_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    contractsConsidered: integer('contracts_considered').notNull().default(0),
    errors: jsonb('errors').$type<BillingRunErrorRow[]>().notNull().default([]),
  },
  (table) => [
    index('billing_runs_started_idx').on(table.startedAt),
    index('billing_runs_period_idx').on(table.period, table.status),
    check('billing_runs_status_ck', sql`${table.status} in ('RUNNING', 'COMPLETED', 'FAILED')`),
  ],
);

/**
 * The last invoice number given in each calendar year. Taken with UPDATE … RETURNING in the
 * transaction that issues the invoice, so a rolled-back invoice gives its number back: no
 * gaps, unlike a sequence. The row lock also orders concurrent issuers.
 */
export const invoiceNumberCounters = pgTable('invoice_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

export interface VatSubtotalRow {
  rateBasisPoints: number;
  baseMinor: number;
  taxMinor: number;
  /** Absent from entries stored before VAT categories (docs/adr/0026): S, or Z at 0 %. */
  vatCategoryCode?: VatCategoryCode;
  vatExemptionReasonCode?: string | null;
  vatExemptionReason?: string | null;
}

export interface InvoiceCustomerRow {
  subscriberRef: string;
  customerRef: string | null;
  siren: string | null;
  vatNumber: string | null;
}

export interface DebitMandateRow {
  mandateRef: string;
  iban: string;
  bic: string | null;
  /** Absent on invoices issued before it was kept. */
  signedAt?: string | null;
}

/** PENDING until the payment service reports; NOT_REQUIRED for a credit note (nothing is debited). */
export type InvoicePaymentStatus = 'PENDING' | 'NOT_REQUIRED' | 'PAID' | 'UNPAID';
/** Whether the mailer has e-mailed it: independent of its payment. */
export type InvoiceDeliveryStatus = 'PENDING' | 'SENT' | 'FAILED';

/** Invoices and credit notes, with who they bill as the read model had it at issue. */
export const invoices = pgTable(
  'invoices',
  {
    invoiceId: uuid('invoice_id').primaryKey(),
    invoiceRef: text('invoice_ref').notNull().unique(),
    invoiceType: text('invoice_type').$type<'INVOICE' | 'CREDIT_NOTE'>().notNull(),
    /**
     * Where collecting it stands (payment.result.v1): PENDING, then PAID or UNPAID;
     * NOT_REQUIRED for a credit note. The API shows ISSUED for PENDING and NOT_REQUIRED.
     */
    paymentStatus: text('payment_status').$type<InvoicePaymentStatus>().notNull(),
    contractRef: text('contract_ref').notNull(),
    contractId: text('contract_id').notNull(),
    period: text('period').notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => billingRuns.runId),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The day the direct debit is collected, as the invoice e-mail announces it (domain/collection-date.ts). */
    collectionDate: date('collection_date', { mode: 'string' }).notNull(),
    /** Language the invoice and its e-mail are written in: the contract's when it was issued, never changed afterwards. */
    language: text('language').notNull().default('fr'),
    currency: text('currency').notNull(),
    totalWithoutTaxMinor: bigint('total_without_tax_minor', { mode: 'number' }).notNull(),
    totalTaxMinor: bigint('total_tax_minor', { mode: 'number' }).notNull(),
    totalWithTaxMinor: bigint('total_with_tax_minor', { mode: 'number' }).notNull(),
    /** Credit of the contract's credit notes deducted from this invoice (EN 16931 BT-113), docs/adr/0026. */
    prepaidAmountMinor: bigint('prepaid_amount_minor', { mode: 'number' }).notNull().default(0),
    /** total with tax − prepaid (BT-115): what is debited, and what settles the invoice. */
    amountDueMinor: bigint('amount_due_minor', { mode: 'number' }).notNull(),
    vatBreakdown: jsonb('vat_breakdown').$type<VatSubtotalRow[]>().notNull(),
    debitRequired: boolean('debit_required').notNull(),
    customer: jsonb('customer').$type<InvoiceCustomerRow>().notNull(),
    billingContact: jsonb('billing_contact').$type<BillingContactRow>().notNull(),
    billingAddress: jsonb('billing_address').$type<BillingAddressRow>().notNull(),
    mandate: jsonb('mandate').$type<DebitMandateRow>(),
    /** eventId of the billing.invoice-issued.v1 event written with it. */
    issuedEventId: uuid('issued_event_id').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    paymentRef: text('payment_ref'),
    /** When the debit succeeded (the provider's settlement instant). */
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** Why the last debit failed (SEPA reason code and message); kept once paid, as history. */
    paymentFailureCode: text('payment_failure_code'),
    paymentFailureMessage: text('payment_failure_message'),
    /** Delivery (mailer.invoice-delivery.v1), a status of its own: an invoice can be PAID and not SENT, or SENT and UNPAID. */
    deliveryStatus: text('delivery_status').$type<InvoiceDeliveryStatus>().notNull().default('PENDING'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveryRecipient: text('delivery_recipient'),
    deliveryFailureReason: text('delivery_failure_reason'),
  },
  (table) => [
    // One invoice per contract and period, whatever the number of runs: the last guard against a double bill.
    uniqueIndex('invoices_contract_period_uq').on(table.contractRef, table.period),
    index('invoices_run_idx').on(table.runId),
    index('invoices_period_idx').on(table.period),
    check('invoices_type_ck', sql`${table.invoiceType} in ('INVOICE', 'CREDIT_NOTE')`),
    check('invoices_payment_status_ck', sql`${table.paymentStatus} in ('PENDING', 'NOT_REQUIRED', 'PAID', 'UNPAID')`),
    check('invoices_delivery_status_ck', sql`${table.deliveryStatus} in ('PENDING', 'SENT', 'FAILED')`),
    check('invoices_amounts_ck', sql`${table.totalWithTaxMinor} = ${table.totalWithoutTaxMinor} + ${table.totalTaxMinor}`),
    check('invoices_due_ck', sql`${table.prepaidAmountMinor} >= 0 and ${table.amountDueMinor} = ${table.totalWithTaxMinor} - ${table.prepaidAmountMinor}`),
    check('invoices_debit_ck', sql`${table.debitRequired} = (${table.amountDueMinor} > 0)`),
  ],
);

/**
 * Which invoice billed each invoiced operation. Keyed by contract first, so the rows one
 * invoice adds sit side by side in each index however scattered the operations are, and an
 * operation can be on one invoice only.
 */
export const invoicedOperations = pgTable(
  'invoiced_operations',
  {
    contractRef: text('contract_ref').notNull(),
    // No foreign key to operations, for the reason given on uninvoiced_operations.
    operationId: uuid('operation_id').notNull(),
    // Refers to invoices, checked once per statement by a trigger, not per row by a foreign key (drizzle/0015, docs/adr/0031).
    invoiceId: uuid('invoice_id').notNull(),
    invoiceRef: text('invoice_ref').notNull(),
  },
  (table) => [primaryKey({ columns: [table.contractRef, table.operationId] }), index('invoiced_operations_invoice_idx').on(table.invoiceId)],
);

/** One line per product line of each invoiced operation; refund lines negative. */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    // Refers to invoices, checked once per statement by a trigger, not per row by a foreign key (drizzle/0015, docs/adr/0031).
    invoiceId: uuid('invoice_id').notNull(),
    lineNo: integer('line_no').notNull(),
    operationId: uuid('operation_id').notNull(),
    operationLineNo: integer('operation_line_no').notNull(),
    operationType: text('operation_type').$type<'PURCHASE' | 'REFUND'>().notNull(),
    orderRef: text('order_ref').notNull(),
    operationDate: date('operation_date', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceWithoutTaxMinor: bigint('unit_price_without_tax_minor', { mode: 'number' }).notNull(),
    amountWithoutTaxMinor: bigint('amount_without_tax_minor', { mode: 'number' }).notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
    taxMinor: bigint('tax_minor', { mode: 'number' }).notNull(),
    amountWithTaxMinor: bigint('amount_with_tax_minor', { mode: 'number' }).notNull(),
    traveller: text('traveller'),
    bookingRef: text('booking_ref'),
    costCentre: text('cost_centre'),
    vatCategoryCode: text('vat_category_code').$type<VatCategoryCode>().notNull().default('S'),
    vatExemptionReasonCode: text('vat_exemption_reason_code'),
    vatExemptionReason: text('vat_exemption_reason'),
  },
  (table) => [primaryKey({ columns: [table.invoiceId, table.lineNo] })],
);

/**
 * The last credit-note number given in each calendar year: the credit-note series
 * (AV-<year>-<number>, docs/adr/0020) is numbered apart from the invoices, the same way
 * (UPDATE … RETURNING in the issuing transaction: no gaps, concurrent issuers ordered).
 */
export const creditNoteNumberCounters = pgTable('credit_note_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

/**
 * Credit notes against invoices: documents of their own (lines, VAT breakdown, totals,
 * positive amounts credited) referencing the invoice they correct and its issue date, with why
 * and by whom. Operators issue them (with the client's Idempotency-Key, unique per client as on
 * operations, and the fingerprint of its request); billing runs issue them for refunds of
 * purchases billed on an earlier invoice (`run_id`, docs/adr/0026).
 */
export const creditNotes = pgTable(
  'credit_notes',
  {
    creditNoteId: uuid('credit_note_id').primaryKey(),
    creditNoteRef: text('credit_note_ref').notNull().unique(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.invoiceId),
    invoiceRef: text('invoice_ref').notNull(),
    /** Issue date of the invoice it corrects (EN 16931 BT-26). */
    invoiceIssueDate: date('invoice_issue_date', { mode: 'string' }).notNull(),
    contractRef: text('contract_ref').notNull(),
    /** The billing run that issued it for refunds; null when an operator did. */
    runId: uuid('run_id').references(() => billingRuns.runId),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** The language of the invoice it credits. */
    language: text('language').notNull().default('fr'),
    currency: text('currency').notNull(),
    totalWithoutTaxMinor: bigint('total_without_tax_minor', { mode: 'number' }).notNull(),
    totalTaxMinor: bigint('total_tax_minor', { mode: 'number' }).notNull(),
    totalWithTaxMinor: bigint('total_with_tax_minor', { mode: 'number' }).notNull(),
    vatBreakdown: jsonb('vat_breakdown').$type<VatSubtotalRow[]>().notNull(),
    lines: jsonb('lines').$type<CreditNoteLine[]>().notNull(),
    reason: text('reason').notNull(),
    issuedBy: text('issued_by').notNull(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    /** eventId of the billing.credit-note-issued.v1 event written with it. */
    issuedEventId: uuid('issued_event_id').notNull(),
  },
  (table) => [
    index('credit_notes_invoice_idx').on(table.invoiceId, table.issuedAt),
    // The contract's credit to deduct from its next invoice is summed from here at each billing.
    index('credit_notes_contract_idx').on(table.contractRef),
    uniqueIndex('credit_notes_client_idempotency_key_uq')
      .on(table.issuedBy, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
    check('credit_notes_amounts_ck', sql`${table.totalWithTaxMinor} = ${table.totalWithoutTaxMinor} + ${table.totalTaxMinor} and ${table.totalWithTaxMinor} > 0`),
  ],
);

/**
 * Which credit note credited each refund of a purchase billed on an earlier invoice (the
 * refund is taken off uninvoiced_operations in the same transaction, so a run repeated after a
 * crash cannot credit it again; the primary key says so too).
 */
export const creditedRefunds = pgTable(
  'credited_refunds',
  {
    contractRef: text('contract_ref').notNull(),
    // No foreign key to operations, for the reason given on uninvoiced_operations.
    operationId: uuid('operation_id').notNull(),
    creditNoteId: uuid('credit_note_id')
      .notNull()
      .references(() => creditNotes.creditNoteId),
    creditNoteRef: text('credit_note_ref').notNull(),
  },
  (table) => [primaryKey({ columns: [table.contractRef, table.operationId] }), index('credited_refunds_credit_note_idx').on(table.creditNoteId)],
);
