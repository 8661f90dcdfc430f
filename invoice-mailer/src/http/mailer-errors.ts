import { ApiError } from '@boissipay/runtime';

export function deliveryNotFound(deliveryId: string): ApiError {
  return new ApiError(404, 'DELIVERY_NOT_FOUND', `No delivery ${deliveryId}.`);
}

export function invoiceNotFound(invoiceRef: string): ApiError {
  return new ApiError(404, 'INVOICE_NOT_FOUND', `No invoice ${invoiceRef} has been received.`);
}
