import { findInvoice, findInvoicedOperations, findInvoiceLines, listInvoices, type InvoiceFilters, type InvoiceLineRow, type InvoiceRow } from '../infra/invoice-repository';
import type { CustomerScope } from '@boissipay/runtime';
import type { Queryable } from '../infra/database';
import type { OperationRow } from '../infra/operations-repository';

export interface InvoiceDetail {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  operations: OperationRow[];
}

/** Read side: straight from the tables. Undefined when there is no such invoice in the caller's customer scope. */
export async function getInvoice(db: Queryable, invoiceRef: string, scope: CustomerScope): Promise<InvoiceDetail | undefined> {
  const invoice = await findInvoice(db, invoiceRef, scope);
  if (!invoice) return undefined;
  const [lines, operations] = await Promise.all([findInvoiceLines(db, invoice.invoiceId), findInvoicedOperations(db, invoice.invoiceId)]);
  return { invoice, lines, operations };
}

export { listInvoices, type InvoiceFilters };
