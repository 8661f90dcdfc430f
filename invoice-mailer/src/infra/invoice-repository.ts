import { eq } from 'drizzle-orm';
import type { Invoice, Seller } from '../domain/invoice';
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
      invoice,
      seller: received.seller,
    })
    .onConflictDoNothing()
    .returning({ invoiceRef: invoices.invoiceRef });
  return inserted.length > 0;
}

export async function findInvoice(db: Queryable, invoiceRef: string): Promise<ReceivedInvoice | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.invoiceRef, invoiceRef));
  return row && { invoice: row.invoice, seller: row.seller, issuedEventId: row.issuedEventId, correlationId: row.correlationId };
}

/** The invoice, locked until the transaction ends: resends of one invoice are decided one after the other. */
export async function lockInvoice(tx: MailerTransaction, invoiceRef: string): Promise<ReceivedInvoice | undefined> {
  const [row] = await tx.select().from(invoices).where(eq(invoices.invoiceRef, invoiceRef)).for('update');
  return row && { invoice: row.invoice, seller: row.seller, issuedEventId: row.issuedEventId, correlationId: row.correlationId };
}
