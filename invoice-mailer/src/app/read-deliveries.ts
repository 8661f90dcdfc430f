import type { CustomerScope } from '@boissipay/runtime';
import { findDelivery, searchDeliveries, type DeliveryFilters, type DeliveryView } from '../infra/delivery-repository';
import { findInvoice } from '../infra/invoice-repository';
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
