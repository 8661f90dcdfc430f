/**
 * Recovery after a crash: how long billing-service takes, from the moment its process is started
 * again after a SIGKILL, to accept a purchase (and to report ready). Billing runs as its own
 * process on a scratch database and topics of its own, with one ACTIVE contract in its read model.
 *
 *   npm run bench -- restart [--rounds 3]
 *
 * Kafka keeps the killed process's consumer groups until their session times out
 * (KAFKA_CONSUMER_SESSION_TIMEOUT_MS); the HTTP API does not wait for that.
 */
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { dropDatabase, loadConfig, signAccessToken } from '@boissipay/runtime';
import { deleteTopicsWithPrefix } from '@boissipay/runtime/testing';
import { billingConfig } from '../billing-service/src/config';
import { buildContractEvent, startContractEventPublisher } from '../billing-service/test/support/contract-events';
import { buildPurchaseRequest } from '../billing-service/test/support/operation-requests';
import { freePort } from '@boissipay/runtime/testing';
import { waitUntil } from '../infra/wait';
import { spawnService } from './service-process';

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
  const config = loadConfig(billingConfig);
  const port = await freePort();
  const database = `billing_restart_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  const topicPrefix = `${database}.`;
  const env = { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl.toString(), LOG_LEVEL: 'warn', KAFKA_TOPIC_PREFIX: topicPrefix };
  const url = `http://127.0.0.1:${port}`;
  const token = await signAccessToken({ secret: config.AUTH_JWT_SECRET }, { subject: 'bench', scopes: ['operations:read', 'operations:write'], ttlSeconds: 3600 });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const spawn = () => spawnService('billing-service', { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const accepted = async (contractRef: string) =>
    (await fetch(`${url}/v1/operations`, { method: 'POST', headers, body: JSON.stringify(buildPurchaseRequest(contractRef, 1_000)) })).status === 201;
  const kill = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  let child = spawn();
  const publisher = await startContractEventPublisher(topicPrefix);
  try {
    await waitUntil(async () => (await fetch(`${url}/health/ready`)).ok, { description: 'billing-service to be ready', timeoutMs: 60_000, intervalMs: 100 });
    const contract = buildContractEvent({ type: 'ACTIVATED', contract: { outstandingLimit: { amountMinor: 1_000_000_000, currency: 'EUR' } } });
    await publisher.publish(contract);
    await waitUntil(() => accepted(contract.contractRef), { description: 'a first accepted purchase', timeoutMs: 60_000, intervalMs: 100 });
    console.log(`billing-service restarted after SIGKILL, ${values.rounds} round(s), KAFKA_CONSUMER_SESSION_TIMEOUT_MS=${config.KAFKA_CONSUMER_SESSION_TIMEOUT_MS}`);
    for (let round = 1; round <= Number(values.rounds); round += 1) {
      await kill(child);
      const started = performance.now();
      child = spawn();
      await waitUntil(() => accepted(contract.contractRef), { description: 'an accepted purchase after the restart', timeoutMs: 120_000, intervalMs: 20 });
      const firstPurchaseMs = performance.now() - started;
      await waitUntil(async () => (await fetch(`${url}/health/ready`)).ok, { description: 'readiness', timeoutMs: 120_000, intervalMs: 20 });
      const readyMs = performance.now() - started;
      console.log(`  round ${round}: first accepted purchase ${(firstPurchaseMs / 1000).toFixed(2)} s after the start, ready ${(readyMs / 1000).toFixed(2)} s`);
    }
  } finally {
    await publisher.stop();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await dropDatabase(adminUrl, database);
    await deleteTopicsWithPrefix(config.KAFKA_BROKERS, topicPrefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
