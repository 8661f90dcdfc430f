/**
 * The due-work loop (packages/runtime/src/work) against graphile-worker doing the same jobs
 * (docs/adr/0012):
 * - outbox hop: an event committed in a business transaction → consumed from Kafka, one event
 *   at a time every --interval ms (latency p50/p90/p99);
 * - debit throughput: --payments due payments debited by one worker, the provider answering
 *   after --provider-latency ms (payments per second).
 *
 *   npm run bench -- due-work [--events 200] [--interval 25] [--payments 300] [--provider-latency 0]
 *
 * Everything runs on a scratch database (payment-service's schema) and a topic of its own,
 * dropped afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { Logger as GraphileLogger, run as runGraphileWorker, type Runner } from 'graphile-worker';
import {
  createAvroCodec,
  createIdempotentProducer,
  createKafka,
  createLogger,
  createSchemaRegistry,
  enqueueEvent,
  ensureTopics,
  loadConfig,
  registerSchemas,
  startOutboxRelay,
  type AvroCodec,
  type AvroRecordSchema,
} from '@boissipay/runtime';
import { createScratchDatabase, deleteTopicsWithPrefix, type ScratchDatabase } from '@boissipay/runtime/testing';
import { localEndpoints } from '../infra/endpoints';
import { percentile } from './bench-support';
import { paymentConfig } from '../payment-service/src/config';
import { debitNextDuePayment } from '../payment-service/src/app/debit-next-payment';
import type { DebitDependencies } from '../payment-service/src/app/dependencies';
import { buildPayment } from '../payment-service/src/domain/payment.fixtures';
import { startDebitWorker } from '../payment-service/src/infra/debit.worker';
import { insertPaymentOnce, notifyPaymentDue } from '../payment-service/src/infra/payment-repository';
import * as schema from '../payment-service/src/infra/schema';
import { createSimulatedSepaProvider } from '../payment-service/src/infra/simulated-sepa-provider';

const { values: options } = parseArgs({
  options: {
    events: { type: 'string', default: '200' },
    interval: { type: 'string', default: '25' },
    payments: { type: 'string', default: '300' },
    'provider-latency': { type: 'string', default: '0' },
  },
});
const events = Number(options.events);
const intervalMs = Number(options.interval);
const paymentCount = Number(options.payments);
const providerLatencyMs = Number(options['provider-latency']);

const config = loadConfig(paymentConfig);
const logger = createLogger({ service: 'bench-due-work', level: 'warn' });
const silentGraphile = new GraphileLogger(() => () => undefined);
const runId = `bench-due-work-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const hopSchema: AvroRecordSchema = {
  type: 'record',
  name: 'BenchHop',
  namespace: 'boissipay.bench',
  fields: [
    { name: 'eventId', type: 'string' },
    { name: 'sequence', type: 'int' },
  ],
};

type Scratch = ScratchDatabase<typeof schema>;
type Variant = 'due-work loop' | 'graphile-worker';

/** Events sent first and left out of the figures: connections and metadata are warm by then. */
const WARM_UP = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


async function withScratch<T>(work: (scratch: Scratch) => Promise<T>): Promise<T> {
  const scratch = await createScratchDatabase({
    adminUrl: localEndpoints.postgresAdminUrl,
    migrationsFolder: path.resolve(__dirname, '..', 'payment-service', 'drizzle'),
    schema,
    prefix: 'due_work_bench',
  });
  try {
    return await work(scratch);
  } finally {
    await scratch.drop();
  }
}

/** Commits one event at a time and times each from its commit to its arrival at a consumer. */
async function outboxHop(variant: Variant, kafka: ReturnType<typeof createKafka>, codec: AvroCodec, topic: string): Promise<number[]> {
  return withScratch(async (scratch) => {
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    const committedAt = new Map<string, number>();
    // Kept apart and matched at the end: an event may be consumed before its commit call has returned.
    const receivedAt = new Map<string, number>();
    const consumer = kafka.consumer({ groupId: `${runId}-${variant.replace(/\W/g, '')}`, maxWaitTimeInMs: 10 });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.connect();
    // A topic of the variant's own, read from its beginning: no event is missed while the group joins.
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const received = Date.now();
        if (!message.value) return;
        const event = (await codec.decode(message.value, topic)) as { eventId: string; sequence: number };
        if (event.sequence >= WARM_UP) receivedAt.set(event.eventId, received);
      },
    });
    await joined;

    let stop: () => Promise<unknown>;
    let commit: (event: { eventId: string; sequence: number }) => Promise<void>;
    if (variant === 'due-work loop') {
      const relay = await startOutboxRelay({ pool: scratch.pool, producer, codec, logger, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS });
      stop = () => relay.stop();
      commit = (event) => scratch.db.transaction((tx) => enqueueEvent(tx, { topic, key: event.eventId, event }));
    } else {
      const runner: Runner = await runGraphileWorker({
        pgPool: scratch.pool,
        concurrency: 1,
        noHandleSignals: true,
        logger: silentGraphile,
        taskList: {
          publish: async (payload) => {
            const event = payload as { eventId: string; sequence: number };
            await producer.send({ topic, acks: -1, messages: [{ key: event.eventId, value: await codec.encode(topic, event) }] });
          },
        },
      });
      stop = () => runner.stop();
      commit = (event) =>
        scratch.db.transaction(async (tx) => {
          await tx.execute(sql`select graphile_worker.add_job('publish', ${JSON.stringify(event)}::json)`);
        });
    }

    for (let sequence = 0; sequence < WARM_UP + events; sequence += 1) {
      const event = { eventId: randomUUID(), sequence };
      await commit(event);
      committedAt.set(event.eventId, Date.now());
      await sleep(intervalMs);
    }
    const deadline = Date.now() + 30_000;
    while (receivedAt.size < events && Date.now() < deadline) await sleep(50);
    await stop();
    await consumer.disconnect();
    await producer.disconnect();
    if (receivedAt.size < events) throw new Error(`${variant}: only ${receivedAt.size} of ${events} events arrived`);
    return [...receivedAt].map(([eventId, received]) => received - committedAt.get(eventId)!).sort((a, b) => a - b);
  });
}

/** Seeds due payments, then times one worker debiting all of them. */
async function debitThroughput(variant: Variant): Promise<number> {
  return withScratch(async (scratch) => {
    const dependencies: DebitDependencies = {
      db: scratch.db,
      clock: () => new Date(),
      newPaymentRef: () => `PAY-${randomBytes(8).toString('hex').toUpperCase()}`,
      newEventId: randomUUID,
      collectionSchedule: { time: '06:00', timeZone: 'Europe/Paris' },
      provider: createSimulatedSepaProvider({ pool: scratch.pool, latencyMs: providerLatencyMs, returnDelayMs: 0, clock: () => new Date() }),
      retryPolicy: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 },
    };
    const startGraphile = (): Promise<Runner> =>
      runGraphileWorker({
        pgPool: scratch.pool,
        concurrency: 1,
        noHandleSignals: true,
        logger: silentGraphile,
        taskList: { debit: async () => void (await debitNextDuePayment(dependencies, { leaseMs: config.PAYMENT_DEBIT_LEASE_MS, logger })) },
      });
    // Installed before the clock starts: its schema migration is not part of the work.
    if (variant === 'graphile-worker') await (await startGraphile()).stop();
    const now = new Date();
    for (let index = 0; index < paymentCount; index += 1) {
      const payment = buildPayment({ paymentRef: dependencies.newPaymentRef(), invoiceRef: `BIL-BENCH-${index}`, nextAttemptAt: now, createdAt: now, updatedAt: now });
      await scratch.db.transaction(async (tx) => {
        await insertPaymentOnce(tx, payment);
        if (variant === 'graphile-worker') await tx.execute(sql`select graphile_worker.add_job('debit', '{}'::json)`);
        else await notifyPaymentDue(tx);
      });
    }

    const started = Date.now();
    let stop: () => Promise<unknown>;
    if (variant === 'due-work loop') {
      const worker = await startDebitWorker(dependencies, { pool: scratch.pool, logger, pollIntervalMs: config.PAYMENT_DEBIT_POLL_INTERVAL_MS, leaseMs: config.PAYMENT_DEBIT_LEASE_MS });
      stop = () => worker.stop();
    } else {
      const runner = await startGraphile();
      stop = () => runner.stop();
    }
    const settled = async () => Number((await scratch.pool.query("select count(*) from payments where status = 'SUCCEEDED'")).rows[0].count);
    while ((await settled()) < paymentCount) await sleep(20);
    const elapsedMs = Date.now() - started;
    await stop();
    return paymentCount / (elapsedMs / 1_000);
  });
}

async function main(): Promise<void> {
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'bench-due-work', logger });
  const topics = { 'due-work loop': `${runId}.hops-loop`, 'graphile-worker': `${runId}.hops-graphile` };
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, Object.values(topics), { partitions: 1, replicationFactor: 1 });
  await admin.disconnect();
  const registry = createSchemaRegistry(config.SCHEMA_REGISTRY_URL);
  const topicSchemas = Object.values(topics).map((topic) => ({ topic, schema: hopSchema }));
  const codec = createAvroCodec(registry, { produces: await registerSchemas(registry, topicSchemas), consumes: topicSchemas });
  try {
    console.log(`outbox hop, ${events} events one every ${intervalMs} ms (commit → consumed, ms):`);
    for (const variant of ['due-work loop', 'graphile-worker'] as const) {
      const sorted = await outboxHop(variant, kafka, codec, topics[variant]);
      console.log(`  ${variant.padEnd(16)} p50 ${percentile(sorted, 50)}  p90 ${percentile(sorted, 90)}  p99 ${percentile(sorted, 99)}  max ${sorted.at(-1)}`);
    }
    console.log(`debit throughput, ${paymentCount} due payments, one worker, provider latency ${providerLatencyMs} ms:`);
    for (const variant of ['due-work loop', 'graphile-worker'] as const) {
      console.log(`  ${variant.padEnd(16)} ${(await debitThroughput(variant)).toFixed(1)} payments/s`);
    }
  } finally {
    await deleteTopicsWithPrefix(config.KAFKA_BROKERS, `${runId}.`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
