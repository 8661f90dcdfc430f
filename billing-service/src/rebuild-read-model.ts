/**
 * Rebuilds billing's contract read model from contract.lifecycle.v1, from the first retained
 * message, with a consumer group of its own (the live consumer keeps running):
 *
 *   npm run -w @boissipay/billing-service rebuild-read-model
 *
 * Reads the same variables as the service (DATABASE_URL, KAFKA_BROKERS, SCHEMA_REGISTRY_URL…).
 */
import { contractLifecycleV1Event } from '@boissipay/contracts';
import {
  createAvroCodec,
  createDatabase,
  createKafka,
  createLogger,
  createPool,
  createSchemaRegistry,
  loadConfig,
  migrateServiceDatabase,
} from '@boissipay/runtime';
import { rebuildContractReadModel } from './infra/read-model-rebuild';
import * as schema from './infra/schema';
import { definition } from './service';

async function main(): Promise<void> {
  const config = loadConfig('billing-service');
  const logger = createLogger({ service: 'billing-service', level: config.LOG_LEVEL });
  await migrateServiceDatabase(config.DATABASE_URL, definition.migrationsFolder);
  const pool = createPool(config.DATABASE_URL, 1, logger);
  try {
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-rebuild`, logger });
    const codec = createAvroCodec(createSchemaRegistry(config.SCHEMA_REGISTRY_URL), {
      consumes: [{ topic: contractLifecycleV1Event.topic, schema: contractLifecycleV1Event.schema }],
    });
    const groupId = `billing-service.${config.BILLING_CONTRACT_CONSUMER_NAME}.rebuild-${Date.now()}`;
    const started = Date.now();
    const result = await rebuildContractReadModel({ db: createDatabase(pool, schema), kafka, codec, logger, groupId });
    logger.info({ ...result, durationMs: Date.now() - started }, 'contract read model rebuilt');
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error('rebuild of the contract read model failed:', error);
  process.exitCode = 1;
});
