import path from 'node:path';
import { contractLifecycleV1Event, paymentResultV1Event } from '@boissipay/contracts';
import type { ServiceContext, ServiceDefinition } from '@boissipay/runtime';
import { applyPaymentResult } from './app/apply-payment-result';
import type { ContractDependencies } from './app/dependencies';
import { mountContractRoutes } from './http/contract-routes';
import { startContractExpiryScheduler } from './infra/contract-expiry.scheduler';
import * as schema from './infra/schema';

const serviceRoot = path.resolve(__dirname, '..');

function dependenciesOf({ db, config }: ServiceContext<typeof schema>): ContractDependencies {
  return { db, timeZone: config.CONTRACT_TIME_ZONE, clock: () => new Date() };
}

export const definition: ServiceDefinition<typeof schema> = {
  name: 'contract-service',
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'contract.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  produces: [{ topic: contractLifecycleV1Event.topic, schema: contractLifecycleV1Event.schema }],
  consumes: [{ topic: paymentResultV1Event.topic, schema: paymentResultV1Event.schema }],
  mountRoutes: (router, context) => mountContractRoutes(router, dependenciesOf(context)),
  // Dunning: a failed direct debit suspends the contract (CONTRACT_DUNNING_*).
  consumers: ({ config, logger }) => [
    {
      name: config.CONTRACT_PAYMENT_CONSUMER_NAME,
      topics: [paymentResultV1Event.topic],
      handler: (event, tx) =>
        applyPaymentResult(tx, event as paymentResultV1Event.PaymentResultEvent, {
          timeZone: config.CONTRACT_TIME_ZONE,
          clock: () => new Date(),
          logger,
          policy: { enabled: config.CONTRACT_DUNNING_ENABLED, ignoredReasons: config.CONTRACT_DUNNING_IGNORED_REASONS },
        }),
    },
  ],
  background: async (context) => [
    await startContractExpiryScheduler(dependenciesOf(context), { cronExpression: context.config.CONTRACT_EXPIRY_CRON, logger: context.logger }),
  ],
};
