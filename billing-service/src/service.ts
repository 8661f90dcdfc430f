import path from 'node:path';
import { contractLifecycleV1Event } from '@boissipay/contracts';
import type { ServiceDefinition } from '@boissipay/runtime';
import { mountBillingRoutes } from './http/billing-routes';
import { projectContractEvent } from './infra/contract-projection';
import * as schema from './infra/schema';

const serviceRoot = path.resolve(__dirname, '..');
const contractTopic = { topic: contractLifecycleV1Event.topic, schema: contractLifecycleV1Event.schema };

export const definition: ServiceDefinition<typeof schema> = {
  name: 'billing-service',
  specPath: path.resolve(serviceRoot, '..', 'specs', 'openapi', 'billing.yaml'),
  migrationsFolder: path.join(serviceRoot, 'drizzle'),
  schema,
  consumes: [contractTopic],
  mountRoutes: (router, { db, config }) => mountBillingRoutes(router, { db, clock: () => new Date(), timeZone: config.BILLING_TIME_ZONE }),
  consumers: ({ config }) => [
    {
      // Configurable so that a second instance (a test, a rebuild) reads the topic in a group of its own.
      name: config.BILLING_CONTRACT_CONSUMER_NAME,
      topics: [contractTopic.topic],
      handler: (event, tx) => projectContractEvent(tx, event as contractLifecycleV1Event.ContractLifecycleEvent),
    },
  ],
};
