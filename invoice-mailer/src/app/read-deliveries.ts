import type { CustomerScope } from '@boissipay/runtime';
import { findDelivery, searchDeliveries, type DeliveryFilters, type DeliveryView } from '../infra/delivery-repository';
import { findCreditNote } from '../infra/credit-note-repository';
import { findInvoice } from '../infra/invoice-repository';
import { renderCreditNotePdf } from '../infra/render-credit-note-pdf';
import { renderInvoicePdf } from '../infra/render-invoice-pdf';
import type { MailerDependencies } from './dependencies';

/** The read side needs no domain: it reads the current rows as they are, within the caller's customer scope. */
export function getDelivery(dependencies: Pick<MailerDependencies, 'db'>, deliveryId: string, scope: CustomerScope): Promise<DeliveryView | undefined> {
  return findDelivery(dependencies.db, deliveryId, scope);
}

export function listDeliveries(
  dependencies: Pick<MailerDependencies, 'db'>,
  filters: DeliveryFilters,
  page: { offset: number; limit: number },
  scope: CustomerScope,
): Promise<{ deliveries: DeliveryView[]; totalItems: number }> {
  return searchDeliveries(dependencies.db, filters, page, scope);
}

/** The PDF rendered again from the recorded invoice and seller details: the same document as the one e-mailed. */
export async function renderRecordedInvoicePdf(dependencies: Pick<MailerDependencies, 'db'>, invoiceRef: string, scope: CustomerScope): Promise<Buffer | undefined> {
  const received = await findInvoice(dependencies.db, invoiceRef, scope);
  return received && renderInvoicePdf(received.invoice, received.seller);
}

/** The credit note's PDF rendered again from what was recorded (the credit note, the invoice it corrects, the seller details): the document e-mailed. */
export async function renderRecordedCreditNotePdf(dependencies: Pick<MailerDependencies, 'db'>, creditNoteRef: string, scope: CustomerScope): Promise<Buffer | undefined> {
  const received = await findCreditNote(dependencies.db, creditNoteRef, scope);
  return received && renderCreditNotePdf(received, received.seller);
}
