import {
  billingCreditNoteIssuedV1Event,
  billingInvoiceIssuedV1Event,
  billingOperationDecidedV1Event,
  contractLifecycleV1Event,
  mailerInvoiceDeliveryV1Event,
  paymentResultV1Event,
} from '@boissipay/contracts';

/**
 * The topics the live feed follows, in a fixed order: event ids name a topic by its index here,
 * so a topic is only ever added at the end.
 */
export const liveTopics = [
  billingOperationDecidedV1Event.eventTopic,
  contractLifecycleV1Event.eventTopic,
  billingInvoiceIssuedV1Event.eventTopic,
  billingCreditNoteIssuedV1Event.eventTopic,
  paymentResultV1Event.eventTopic,
  mailerInvoiceDeliveryV1Event.eventTopic,
] as const;

export const liveTopicNames: readonly string[] = liveTopics.map(({ topic }) => topic);
