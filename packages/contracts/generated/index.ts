// Generated from specs/ by `npm run generate`. Do not edit: change the spec and regenerate.
export * as billingApi from './openapi/billing';
export * as contractApi from './openapi/contract';
export * as mailerApi from './openapi/mailer';
export * as paymentApi from './openapi/payment';
export * as billingCreditNoteIssuedV1Event from './avro/billingCreditNoteIssuedV1';
export * as billingInvoiceIssuedV1Event from './avro/billingInvoiceIssuedV1';
export * as billingOperationDecidedV1Event from './avro/billingOperationDecidedV1';
export * as contractLifecycleV1Event from './avro/contractLifecycleV1';
export * as mailerInvoiceDeliveryV1Event from './avro/mailerInvoiceDeliveryV1';
export * as paymentResultV1Event from './avro/paymentResultV1';
