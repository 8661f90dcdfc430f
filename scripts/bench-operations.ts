/**
 * Latency of POST /v1/operations: seeds one contract through a real contract.lifecycle.v1
 * event, then fires purchases at a fixed concurrency and prints p50/p90/p99 and throughput.
 *
 *   npm run bench -- operations [--requests 2000] [--concurrency 20] [--contracts 1] [--url http://127.0.0.1:8181]
 *
 * With one contract every decision queues on its balance row lock (docs/adr/0005); spread
 * over several contracts, the lock no longer orders them.
 *
 * Without --url it starts billing-service as its own process on a free port with a scratch
 * database and topics of its own (KAFKA_TOPIC_PREFIX; all dropped afterwards), so the client
 * does not share its event loop and nothing other runs left on the shared topics reaches it.
 * With --url, the contract events go to that service's topics: set KAFKA_TOPIC_PREFIX as it has it.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { dropDatabase, loadConfig, signAccessToken } from '@boissipay/runtime';
import { billingConfig } from '../billing-service/src/config';
import { deleteTopicsWithPrefix } from '@boissipay/runtime/testing';
import { buildContractEvent, startContractEventPublisher } from '../billing-service/test/support/contract-events';
import { buildPurchaseRequest } from '../billing-service/test/support/operation-requests';
import { freePort } from '@boissipay/runtime/testing';
import { waitUntil } from '../infra/wait';
import { percentile } from './bench-support';
import { spawnService } from './service-process';

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A billing-service of the bench's own: its own database, and topics of its own behind KAFKA_TOPIC_PREFIX, so nothing left on the shared topics by other runs reaches it. */
async function startBilling(): Promise<{ url: string; topicPrefix: string; stop(): Promise<void> }> {
  const port = await freePort();
  const database = `billing_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  const topicPrefix = `${database}.`;
  const child = spawnService('billing-service', {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl.toString(), LOG_LEVEL: 'warn', KAFKA_TOPIC_PREFIX: topicPrefix },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}/health/ready`)).ok, { description: 'billing-service to be ready', timeoutMs: 60_000, intervalMs: 100 });
  return {
    url,
    topicPrefix,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await dropDatabase(adminUrl, database);
      await deleteTopicsWithPrefix(loadConfig(billingConfig).KAFKA_BROKERS, topicPrefix);
    },
  };
}


async function main(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '20' }, contracts: { type: 'string', default: '1' }, url: { type: 'string' } } });
  const total = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const contractCount = Number(values.contracts);
  const billing = values.url ? { url: values.url, topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '', stop: async () => undefined } : await startBilling();
  const publisher = await startContractEventPublisher(billing.topicPrefix);
  try {
    const config = loadConfig(billingConfig);
    const token = await signAccessToken({ secret: config.AUTH_JWT_SECRET }, { subject: 'bench', scopes: ['operations:read', 'operations:write'], ttlSeconds: 3600 });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const events = Array.from({ length: contractCount }, () =>
      buildContractEvent({ type: 'ACTIVATED', contract: { outstandingLimit: { amountMinor: 1_000_000_000_000, currency: 'EUR' } } }),
    );
    await publisher.publish(...events);
    for (const { contractRef } of events) {
      await waitUntil(async () => (await fetch(`${billing.url}/v1/contracts/${contractRef}/balance`, { headers })).ok, { description: `contract ${contractRef}`, timeoutMs: 60_000, intervalMs: 100 });
    }

    const bodies = Array.from({ length: total }, (_, index) =>
      JSON.stringify(buildPurchaseRequest(events[index % contractCount]?.contractRef ?? '', 1_000 + index)),
    );
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < total; index = next++) {
          const sent = performance.now();
          const response = await fetch(`${billing.url}/v1/operations`, { method: 'POST', headers, body: bodies[index] });
          await response.arrayBuffer();
          latencies.push(performance.now() - sent);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    const sorted = latencies.sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(`POST /v1/operations — ${total} purchases on ${contractCount} contract(s), concurrency ${concurrency}, ${billing.url}`);
    console.log(`  statuses   ${[...statuses].map(([status, count]) => `${status}×${count}`).join(' ')}`);
    console.log(`  latency    p50 ${ms(percentile(sorted, 50))}  p90 ${ms(percentile(sorted, 90))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? 0)}`);
    console.log(`  throughput ${(total / (elapsedMs / 1000)).toFixed(0)} req/s over ${(elapsedMs / 1000).toFixed(2)} s`);
  } finally {
    await publisher.stop();
    await billing.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
