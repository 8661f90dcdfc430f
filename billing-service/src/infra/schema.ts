import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The service's tables. The outbox and processed-events tables come from the shared runtime. */
export { outbox, processedEvents } from '@boissipay/runtime';

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
 * which is what keeps rule 4 true under concurrency (docs/adr/0005). Payments will lower it.
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
    invoiceRef: text('invoice_ref'),
    submittedBy: text('submitted_by').notNull(),
    correlationId: text('correlation_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // One answer per order and type: the natural idempotency key, and a guard against double billing.
    uniqueIndex('operations_natural_key_uq').on(table.contractRef, table.orderRef, table.type),
    uniqueIndex('operations_idempotency_key_uq').on(table.idempotencyKey).where(sql`${table.idempotencyKey} is not null`),
    index('operations_contract_date_idx').on(table.contractRef, table.operationAt),
    index('operations_decided_idx').on(table.decidedAt),
    index('operations_refunds_idx').on(table.contractRef, table.refundedOrderRef).where(sql`${table.type} = 'REFUND'`),
    index('operations_invoice_idx').on(table.invoiceRef).where(sql`${table.invoiceRef} is not null`),
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
    /** Kept as the decimal text the client sent (e.g. "5.5"), never as a float. */
    vatRate: text('vat_rate').notNull(),
    amountWithoutTaxMinor: bigint('amount_without_tax_minor', { mode: 'number' }).notNull(),
    amountTaxMinor: bigint('amount_tax_minor', { mode: 'number' }).notNull(),
    amountWithTaxMinor: bigint('amount_with_tax_minor', { mode: 'number' }).notNull(),
    ecoParticipationMinor: bigint('eco_participation_minor', { mode: 'number' }),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    travellerName: text('traveller_name'),
    bookingRef: text('booking_ref'),
    costCentre: text('cost_centre'),
  },
  (table) => [primaryKey({ columns: [table.operationId, table.lineNo] })],
);
