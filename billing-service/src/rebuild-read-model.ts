/**
 * Rebuilds billing's contract read model from contract.lifecycle.v1, from its first event,
 * with a consumer group of its own (the live consumer keeps running):
 *
 *   npm run -w @boissipay/billing-service rebuild-read-model [-- --allow-missing-history]
 *
 * Reads the same variables as the service (DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX,
 * SCHEMA_REGISTRY_URL…). Refuses, changing nothing, when retention has deleted the topic's
 * first events, unless --allow-missing-history.
 */
import { contractLifecycleV1Event } from '@boissipay/contracts';
import {
  createAvroCodec,
  createDatabase,
  createKafka,
  createLogger,
  createPool,
  createSchemaRegistry,
  kafkaSecurityOf,
  loadConfig,
  migrateServiceDatabase,
} from '@boissipay/runtime';
import { IncompleteHistoryError, rebuildContractReadModel } from './infra/read-model-rebuild';
import * as schema from './infra/schema';
import { billingService } from './service';
import { billingConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig(billingConfig);
  const logger = createLogger({ service: 'billing-service', level: config.LOG_LEVEL });
  await migrateServiceDatabase(config.DATABASE_URL, billingService.migrationsFolder);
  const pool = createPool(config.DATABASE_URL, 1, logger);
  try {
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-rebuild`, logger, security: kafkaSecurityOf(config) });
    // The names the service itself uses on Kafka: its topics, subjects and groups are behind KAFKA_TOPIC_PREFIX.
    const topic = `${config.KAFKA_TOPIC_PREFIX}${contractLifecycleV1Event.topic}`;
    const codec = createAvroCodec(createSchemaRegistry(config.SCHEMA_REGISTRY_URL), { consumes: [{ topic, schema: contractLifecycleV1Event.schema }] });
    const groupId = `${config.KAFKA_TOPIC_PREFIX}billing-service.${config.BILLING_CONTRACT_CONSUMER_NAME}.rebuild-${Date.now()}`;
    const allowMissingHistory = process.argv.includes('--allow-missing-history');
    const started = Date.now();
    const result = await rebuildContractReadModel({ db: createDatabase(pool, schema), kafka, codec, logger, groupId, topic, allowMissingHistory });
    logger.info({ ...result, durationMs: Date.now() - started }, 'contract read model rebuilt');
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  if (error instanceof IncompleteHistoryError) console.error(`rebuild refused: ${error.message}`);
  else console.error('rebuild of the contract read model failed:', error);
  process.exitCode = 1;
});
