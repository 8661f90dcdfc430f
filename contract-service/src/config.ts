import { z } from 'zod';
import { defineServiceConfig, settings, variable, type ConfigOf } from '@boissipay/runtime';

/** contract-service's own variables, beside the common ones of the runtime; docs and `.env.example` are generated from both. */
export const contractConfig = defineServiceConfig({ name: 'contract-service', port: 8080, database: 'boissipay_contract' }, {
  CONTRACT_TIME_ZONE: variable({
    description: "Time zone of the contracts' calendar dates: a contract expires once its expireAt day is over there.",
    schema: settings.timeZone,
    default: 'Europe/Paris',
  }),
  CONTRACT_EXPIRY_CRON: variable({
    description: 'node-cron schedule (in CONTRACT_TIME_ZONE) of the check that expires contracts past their expireAt; it also runs at start-up.',
    schema: settings.cronExpression,
    default: '0 * * * *',
  }),
  CONTRACT_DUNNING_ENABLED: variable({
    description:
      'Whether a failed direct debit (payment.result.v1 FAILED) suspends the contract, so that billing refuses its purchases until an operator reactivates it. Failures that are the payment provider\'s doing (CONTRACT_DUNNING_IGNORED_REASONS) suspend nothing.',
    schema: settings.flag,
    default: 'true',
  }),
  CONTRACT_DUNNING_IGNORED_REASONS: variable({
    description: 'Comma-separated reasonCodes of failed debits that do not suspend the contract: the payment provider\'s failures, not the customer\'s.',
    schema: z
      .string()
      .regex(/^[A-Z0-9_]*(,[A-Z0-9_]+)*$/, 'reason codes (A-Z, 0-9, _) separated by commas')
      .transform((value) => value.split(',').filter((code) => code.length > 0)),
    default: 'PROVIDER_UNAVAILABLE,PROVIDER_TIMEOUT,PROVIDER_ERROR',
  }),
  CONTRACT_PAYMENT_CONSUMER_NAME: variable({
    description: 'Name of the consumer that suspends contracts whose direct debit failed, from payment.result.v1; its group id is contract-service.<name> (a new name re-reads the topic from the beginning).',
    schema: settings.consumerName,
    default: 'payment-results',
  }),
});

export type ContractConfig = ConfigOf<typeof contractConfig>;
