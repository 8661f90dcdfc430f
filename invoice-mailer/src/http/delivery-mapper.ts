import { toDecimal } from '@boissipay/money';
import type { mailerApi } from '@boissipay/contracts';
import type { DeliveryView } from '../infra/delivery-repository';

type Schemas = mailerApi.components['schemas'];
export type DeliveryResponseBody = Schemas['Delivery'];
export type DeliveriesResponseBody = Schemas['DeliveriesResponse'];

/** The delivery as the API shows it: decimal total, ISO instants, fields that do not apply left out. */
export function deliveryResponseOf(delivery: DeliveryView): DeliveryResponseBody {
  return {
    deliveryId: delivery.deliveryId,
    invoiceRef: delivery.invoiceRef,
    ...(delivery.creditNoteRef === null ? {} : { creditNoteRef: delivery.creditNoteRef }),
    invoiceType: delivery.invoiceType,
    contractRef: delivery.contractRef,
    period: delivery.period,
    recipient: delivery.recipient,
    kind: delivery.kind,
    ...(delivery.reason === null ? {} : { reason: delivery.reason }),
    ...(delivery.requestedBy === null ? {} : { requestedBy: delivery.requestedBy }),
    status: delivery.status,
    attempts: delivery.attempts,
    messageId: delivery.messageId,
    totalWithTax: { amount: toDecimal(delivery.totalWithTaxMinor, delivery.currency), currency: delivery.currency },
    receivedAt: delivery.receivedAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
    ...(delivery.status === 'PENDING' ? { nextAttemptAt: delivery.nextAttemptAt.toISOString() } : {}),
    ...(delivery.lastError === null ? {} : { lastError: delivery.lastError }),
    ...(delivery.sentAt === null ? {} : { sentAt: delivery.sentAt.toISOString() }),
    ...(delivery.failedAt === null ? {} : { failedAt: delivery.failedAt.toISOString() }),
    ...(delivery.failureReason === null ? {} : { failureReason: delivery.failureReason }),
  };
}
