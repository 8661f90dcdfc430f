// Generated from specs/ by `npm run generate`. Do not edit: change the spec and regenerate.
export * as billingApi from './openapi/billing';
export * as contractApi from './openapi/contract';
export * as mailerApi from './openapi/mailer';
export * as paymentApi from './openapi/payment';
export * as contractLifecycleV1Event from './avro/contractLifecycleV1';
