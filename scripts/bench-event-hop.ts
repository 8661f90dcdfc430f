/**
 * The event hop of the CQRS line: a contract change committed by contract-service → applied to
 * billing-service's read model, at a steady rate of changes.
 *
 *   npm run bench -- event-hop [--changes 300] [--rate 30] [--contracts 20]
 *
 * Starts contract-service and billing-service as processes of their own (databases and topics of
 * their own, dropped afterwards), creates and activates --contracts contracts, then suspends and
 * reactivates them in turn, --rate changes per second, --changes in all, through
 * contract-service's API as an operator would.
 *
 * Each hop is read from the two databases' own clock (one PostgreSQL server, so one clock), not
 * from the client: from the start of the transaction that wrote the change and its outbox row
 * (`outbox.created_at` in contract-service's database) to the start of the transaction in which
 * billing applied it (`processed_events.processed_at`). Both ends are transaction starts, so the
 * hop counts the contract transaction's own work and commit, and leaves out billing's commit:
 * about one fsync each, which cancel out to within a millisecond. It counts the outbox relay's
 * wake-up (LISTEN/NOTIFY), the Avro encoding and the produce with acks=all, the consumer's fetch
 * and decoding, and billing's work up to its transaction.
 *
 * Each hop is also split where the relay claims the row (`outbox.published_at`, the start of the
 * relay's transaction that publishes it): before it, the change's own transaction and the relay's
 * wake-up (or its wait for the round in progress); after it, the publish, Kafka, the consumer and
 * billing up to its transaction. A stage that cannot keep up with the rate shows as a hop that
 * grows with the queue in front of it.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropDatabase, loadConfig, signAccessToken } from '@boissipay/runtime';
import { deleteTopicsWithPrefix, freePort } from '@boissipay/runtime/testing';
import { billingConfig } from '../billing-service/src/config';
import { buildContractRequest } from '../contract-service/test/support/contract-factory';
import { waitUntil } from '../infra/wait';
import { percentile } from './bench-support';
import { type ServiceName } from './platform';
import { spawnService } from './service-process';

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface RunningService {
  url: string;
  databaseUrl: string;
  database: string;
  stop(): Promise<void>;
}

async function startService(service: ServiceName, topicPrefix: string): Promise<RunningService> {
  const port = await freePort();
  const database = `${topicPrefix.replace(/\.$/, '')}_${service.replace(/-/g, '_')}`;
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  // Untraced, as the operations bench's baseline: the hop is measured, not the tracing.
  const child = spawnService(service, {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl.toString(), LOG_LEVEL: 'warn', KAFKA_TOPIC_PREFIX: topicPrefix, OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_TRACES_SAMPLER_RATIO: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
    instrumented: false,
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok === true, { description: `${service} to be ready`, timeoutMs: 90_000, intervalMs: 100 });
  return {
    url,
    database,
    databaseUrl: databaseUrl.toString(),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await dropDatabase(adminUrl, database);
    },
  };
}

async function queryRows<T extends pg.QueryResultRow>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      changes: { type: 'string', default: '300' },
      rate: { type: 'string', default: '30' },
      contracts: { type: 'string', default: '20' },
    },
  });
  const changes = Number(values.changes);
  const rate = Number(values.rate);
  const contractCount = Number(values.contracts);
  if (!(changes > 0 && rate > 0 && contractCount > 0)) throw new Error('--changes, --rate and --contracts must be positive numbers');

  const topicPrefix = `hop_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}.`;
  const services: RunningService[] = [];
  try {
    const contract = await startService('contract-service', topicPrefix);
    services.push(contract);
    const billing = await startService('billing-service', topicPrefix);
    services.push(billing);

    const config = loadConfig(billingConfig);
    const token = await signAccessToken({ secret: config.AUTH_JWT_SECRET }, { subject: 'bench', scopes: ['contracts:read', 'contracts:write'], ttlSeconds: 3600 });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const call = async (path: string, body: unknown) => {
      const response = await fetch(`${contract.url}/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { contractRef: string };
    };

    const contractRefs: string[] = [];
    for (let index = 0; index < contractCount; index++) {
      const { contractRef } = await call('/contracts', buildContractRequest());
      await call(`/contracts/${contractRef}/activate`, {});
      contractRefs.push(contractRef);
    }
    // CREATED then ACTIVATED for each contract.
    await waitUntil(async () => (await queryRows<{ count: string }>(billing.databaseUrl, 'select count(*) from processed_events')).map(({ count }) => Number(count))[0] === 2 * contractCount, {
      description: 'billing to know the contracts',
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    const [{ startedAt } = { startedAt: '' }] = await queryRows<{ startedAt: string }>(contract.databaseUrl, 'select now()::text as "startedAt"');

    // A fixed schedule, each change sent without waiting for the one before, so a slow answer does
    // not lower the rate; a contract's next change comes --contracts changes later, after its last
    // one has been answered.
    const inFlight = new Map<string, Promise<unknown>>();
    const suspended = new Set<string>();
    const intervalMs = 1000 / rate;
    const started = performance.now();
    for (let index = 0; index < changes; index++) {
      const wait = started + index * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      const contractRef = contractRefs[index % contractCount] ?? '';
      await inFlight.get(contractRef);
      const action = suspended.delete(contractRef) ? 'reactivate' : (suspended.add(contractRef), 'suspend');
      inFlight.set(contractRef, call(`/contracts/${contractRef}/${action}`, { reason: 'event hop bench' }));
    }
    await Promise.all(inFlight.values());
    const achievedRate = changes / ((performance.now() - started) / 1000);

    let committed: { eventId: string; createdAt: string; publishedAt: string | null }[] = [];
    await waitUntil(
      async () => {
        committed = await queryRows(
          contract.databaseUrl,
          `select event_id as "eventId", extract(epoch from created_at)::text as "createdAt", extract(epoch from published_at)::text as "publishedAt"
             from outbox where created_at >= $1::timestamptz order by id`,
          [startedAt],
        );
        return committed.every(({ publishedAt }) => publishedAt !== null);
      },
      { description: 'the relay to publish every change', timeoutMs: 60_000, intervalMs: 200 },
    );
    const eventIds = committed.map(({ eventId }) => eventId);
    let applied: { eventId: string; processedAt: string }[] = [];
    await waitUntil(
      async () => {
        applied = await queryRows(billing.databaseUrl, `select event_id as "eventId", extract(epoch from processed_at)::text as "processedAt" from processed_events where event_id = any($1::uuid[])`, [eventIds]);
        return applied.length === eventIds.length;
      },
      { description: 'billing to apply every change', timeoutMs: 60_000, intervalMs: 200 },
    );
    const appliedAt = new Map(applied.map(({ eventId, processedAt }) => [eventId, Number(processedAt)]));
    const hops = committed.map(({ eventId, createdAt }) => ((appliedAt.get(eventId) ?? Number.NaN) - Number(createdAt)) * 1000).sort((a, b) => a - b);
    // The relay marks a row with the start of the transaction that claims it: the hop splits there.
    const claims = committed.map(({ createdAt, publishedAt }) => (Number(publishedAt) - Number(createdAt)) * 1000).sort((a, b) => a - b);
    const deliveries = committed.map(({ eventId, publishedAt }) => ((appliedAt.get(eventId) ?? Number.NaN) - Number(publishedAt)) * 1000).sort((a, b) => a - b);

    console.log(`event hop contract-service → billing read model — ${committed.length} changes on ${contractCount} contracts at ${achievedRate.toFixed(1)} changes/s (asked ${rate})`);
    console.log(`  hop        p50 ${ms(percentile(hops, 50))}  p90 ${ms(percentile(hops, 90))}  p99 ${ms(percentile(hops, 99))}  max ${ms(hops.at(-1) ?? 0)}`);
    console.log(`  to claim   p50 ${ms(percentile(claims, 50))}  p90 ${ms(percentile(claims, 90))}  p99 ${ms(percentile(claims, 99))}  (change's transaction start → relay's claiming transaction start)`);
    console.log(`  claim → applied p50 ${ms(percentile(deliveries, 50))}  p90 ${ms(percentile(deliveries, 90))}  p99 ${ms(percentile(deliveries, 99))}  (publish with acks=all, fetch, decode, up to billing's transaction)`);
    console.log(`  load       ${(await import('node:os')).loadavg().map((load) => load.toFixed(2)).join(' ')} (1, 5, 15 min)`);
  } finally {
    for (const service of services.reverse()) await service.stop();
    await deleteTopicsWithPrefix(loadConfig(billingConfig).KAFKA_BROKERS, topicPrefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
