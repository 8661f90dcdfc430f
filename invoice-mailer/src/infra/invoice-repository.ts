import { currentTraceParent, customerScopeCondition, type CustomerScope } from '@boissipay/runtime';
import { and, eq, sql } from 'drizzle-orm';
import { invoiceLanguageOf, type Invoice, type Seller } from '../domain/invoice';
import type { MailerTransaction, Queryable } from './database';
import { invoices } from './schema';

export interface ReceivedInvoice {
  invoice: Invoice;
  seller: Seller;
  issuedEventId: string;
  correlationId: string | null;
}

/** Records the invoice unless its number is already known; true when it is new. */
export async function insertInvoice(tx: MailerTransaction, received: ReceivedInvoice): Promise<boolean> {
  const { invoice } = received;
  const inserted = await tx
    .insert(invoices)
    .values({
      invoiceRef: invoice.invoiceRef,
      invoiceId: invoice.invoiceId,
      invoiceType: invoice.invoiceType,
      contractRef: invoice.contractRef,
      issuedEventId: received.issuedEventId,
      correlationId: received.correlationId,
      traceParent: currentTraceParent(),
      invoice,
      language: invoiceLanguageOf(invoice),
      seller: received.seller,
    })
    .onConflictDoNothing()
    .returning({ invoiceRef: invoices.invoiceRef });
  return inserted.length > 0;
}

/** The customer of an invoice, as billing issued it. */
const invoiceCustomerRef = sql`(${invoices.invoice} -> 'customer' ->> 'customerRef')`;

/** The invoice, unless its customer (as billing issued it) is outside the caller's customer scope. */
export async function findInvoice(db: Queryable, invoiceRef: string, scope: CustomerScope): Promise<ReceivedInvoice | undefined> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.invoiceRef, invoiceRef), customerScopeCondition(scope, invoiceCustomerRef)));
  return row && { invoice: { ...row.invoice, language: row.language }, seller: row.seller, issuedEventId: row.issuedEventId, correlationId: row.correlationId };
}

/**
 * The invoice, locked until the transaction ends (resends of one invoice are decided one after
 * the other), unless it is outside the caller's customer scope.
 */
export async function lockInvoice(tx: MailerTransaction, invoiceRef: string, scope: CustomerScope): Promise<ReceivedInvoice | undefined> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.invoiceRef, invoiceRef), customerScopeCondition(scope, invoiceCustomerRef)))
    .for('update');
  return row && { invoice: { ...row.invoice, language: row.language }, seller: row.seller, issuedEventId: row.issuedEventId, correlationId: row.correlationId };
}
