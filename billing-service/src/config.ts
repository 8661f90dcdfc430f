import { z } from 'zod';
import { defineServiceConfig, settings, variable, type ConfigOf } from '@boissipay/runtime';
import { sellerVariables } from '@boissipay/einvoice';

/** billing-service's own variables, beside the common ones of the runtime; docs and `.env.example` are generated from both. */
export const billingConfig = defineServiceConfig({ name: 'billing-service', port: 8181, database: 'boissipay_billing' }, {
  BILLING_TIME_ZONE: variable({
    description: "Time zone of billing's calendar: the date an operation is decided on (today) and the billing run's periods.",
    schema: settings.timeZone,
    default: 'Europe/Paris',
  }),
  BILLING_OPERATION_MAX_DAYS_AHEAD: variable({
    description:
      "Days after today (in BILLING_TIME_ZONE) a purchase or refund may be dated: room for a sales system whose clock or time zone runs ahead. A later operationAt is rejected (422 OPERATION_DATE_IN_FUTURE), so that nothing weighs on today's outstanding before it happens.",
    schema: z.coerce.number().int().min(0).max(31),
    default: '1',
  }),
  BILLING_CONTRACT_CONSUMER_NAME: variable({
    description: "Name of the consumer that keeps billing's contract read model from contract.lifecycle.v1; its group id is billing-service.<name> (a new name re-reads the topic from the beginning).",
    schema: settings.consumerName,
    default: 'contract-read-model',
  }),
  BILLING_PAYMENT_CONSUMER_NAME: variable({
    description: "Name of the consumer that marks invoices PAID or UNPAID from payment.result.v1 (and lowers the outstanding of paid ones); its group id is billing-service.<name> (a new name re-reads the topic from the beginning, which the invoices' payment status makes harmless).",
    schema: settings.consumerName,
    default: 'payment-results',
  }),
  BILLING_DELIVERY_CONSUMER_NAME: variable({
    description: 'Name of the consumer that records when invoices were e-mailed, from mailer.invoice-delivery.v1; its group id is billing-service.<name> (a new name re-reads the topic from the beginning).',
    schema: settings.consumerName,
    default: 'invoice-deliveries',
  }),
  BILLING_RUN_CRON: variable({
    description: 'node-cron schedule (in BILLING_TIME_ZONE) of the billing run, which bills the month just ended.',
    schema: settings.cronExpression,
    default: '0 2 1 * *',
  }),
  BILLING_RUN_SCHEDULER_ENABLED: variable({
    description:
      'Whether this instance runs the billing run on BILLING_RUN_CRON, and at start-up when the month just ended has no completed run yet (false: runs start only through POST /v1/billing-runs). Several instances may run it: a contract is billed once whatever the number of runs. Whatever this says, a run a dead process left RUNNING is marked FAILED at start-up and its period run again.',
    schema: settings.flag,
    default: 'true',
  }),
  BILLING_PAYMENT_TERM_DAYS: variable({
    description: 'Days between an invoice\'s issue date and its due date, when the direct debit is due.',
    schema: z.coerce.number().int().min(0).max(365),
    default: '30',
  }),
  SEPA_PRENOTIFICATION_DAYS: variable({
    description:
      "Least number of days between the invoice e-mail, which is the SEPA pre-notification (sent when the invoice is issued), and the direct debit it announces. An invoice due sooner is collected this many days after its issue date instead; either way the collection date is then moved to the next TARGET2 business day. 14 is the SEPA rulebook's default; a shorter lead time must be agreed with the debtor.",
    schema: z.coerce.number().int().min(0).max(60),
    default: '14',
  }),
  // The seller as the mailer knows it, for the e-invoices the API serves.
  ...sellerVariables,
});

export type BillingConfig = ConfigOf<typeof billingConfig>;
