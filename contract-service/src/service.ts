import path from 'node:path';
import { contractLifecycleV1Event, paymentResultV1Event } from '@boissipay/contracts';
import { consume, defineService } from '@boissipay/runtime';
import { applyPaymentResult } from './app/apply-payment-result';
import type { ContractDependencies } from './app/dependencies';
import { contractConfig } from './config';
import { contractStatuses } from './domain/contract';
import { mountContractRoutes } from './http/contract-routes';
import { contractExpirySchedule } from './infra/contract-expiry.schedule';
import { countContractsByStatus } from './infra/contract-repository';
import * as schema from './infra/schema';

const serviceRoot = path.resolve(__dirname, '..');

export const contractService = defineService({
  config: contractConfig,
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'contract.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  produces: [contractLifecycleV1Event.eventTopic],
  compose: ({ db, config, clock, newId, logger, metrics }) => {
    const dependencies: ContractDependencies = { db, timeZone: config.CONTRACT_TIME_ZONE, clock, newId };
    metrics.gauge('contracts', 'Contracts by status, counted at each scrape.', ['status'], async (gauge) => {
      const counted = new Map((await countContractsByStatus(db)).map(({ status, contracts }) => [status, contracts]));
      for (const status of contractStatuses) gauge.set({ status }, counted.get(status) ?? 0);
    });
    return {
      routes: (router) => mountContractRoutes(router, dependencies),
      consumers: [
        // Dunning: a failed direct debit suspends the contract (CONTRACT_DUNNING_*).
        consume(paymentResultV1Event.eventTopic, config.CONTRACT_PAYMENT_CONSUMER_NAME, (result, tx) =>
          applyPaymentResult(tx, result, {
            timeZone: config.CONTRACT_TIME_ZONE,
            clock,
            newId,
            logger,
            policy: { enabled: config.CONTRACT_DUNNING_ENABLED, ignoredReasons: config.CONTRACT_DUNNING_IGNORED_REASONS },
          }),
        ),
      ],
      schedules: [contractExpirySchedule(dependencies, { cron: config.CONTRACT_EXPIRY_CRON, logger })],
    };
  },
});
