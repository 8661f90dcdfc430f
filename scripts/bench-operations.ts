/**
 * Latency of POST /v1/operations: seeds one contract through a real contract.lifecycle.v1
 * event, then fires purchases at a fixed concurrency and prints p50/p90/p99 and throughput.
 *
 *   npm run bench -- operations [--requests 2000] [--concurrency 20] [--contracts 1] [--tracing off|on|both] [--sample-ratio 1] [--rounds 1] [--ceiling on|off] [--cpu-prof DIR] [--url http://127.0.0.1:8181]
 *
 * With one contract every decision queues on its balance row lock (docs/adr/0005); spread
 * over several contracts, the lock no longer orders them.
 *
 * Without --url it starts billing-service as its own process on a free port with a scratch
 * database and topics of its own (KAFKA_TOPIC_PREFIX; all dropped afterwards), so the client
 * does not share its event loop and nothing other runs left on the shared topics reaches it.
 * With --url, the contract events go to that service's topics: set KAFKA_TOPIC_PREFIX as it has it.
 *
 * --tracing (not with --url; off by default) says how that billing-service traces; metrics are always on:
 * - off: no instrumentation preloaded and OTEL_TRACES_SAMPLER_RATIO=0 (the platform's own spans
 *   are not recorded), nothing exported;
 * - on: the instrumentations preloaded, traces recorded (every one, or the share `--sample-ratio`
 *   gives: OTEL_TRACES_SAMPLER_RATIO) and exported over OTLP/HTTP to a local stand-in collector
 *   (scripts/bench-trace-sink.ts), as in production with Jaeger; the collector runs on the same
 *   machine, so its work counts in the cost;
 * - both: off and on in the same run, alternated `--rounds` times each, each round on a billing
 *   of its own, then the throughput cost of tracing.
 *
 * --ceiling (not with --url; on by default): after each round's first billing has stopped, pgbench
 * runs the same writes as an accepted purchase (scripts/bench/purchase.pgbench.sql) on that
 * billing's database, same contracts, as many clients as --concurrency and about as many
 * transactions as --requests (scripts/bench-ceiling.ts): what PostgreSQL alone does on this machine.
 * Each measure prints where the CPU went (service, PostgreSQL, load generator, other), and the
 * summary ours / ceiling.
 *
 * --cpu-prof DIR (not with --url): each billing-service started writes a V8 CPU profile into DIR when
 * it stops (node --cpu-prof), to open in Chrome DevTools or summarise by function.
 *
 * The client is kept light, so it does not take the cores it measures: node:http with keep-alive
 * connections, one per concurrent request (lighter than fetch's streams), the token signed and the
 * bodies built as bytes before the clock starts, the answers drained and not parsed.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { dropDatabase, loadConfig, signAccessToken } from '@boissipay/runtime';
import { billingConfig } from '../billing-service/src/config';
import { deleteTopicsWithPrefix } from '@boissipay/runtime/testing';
import { buildContractEvent, startContractEventPublisher } from '../billing-service/test/support/contract-events';
import { buildPurchaseRequest } from '../billing-service/test/support/operation-requests';
import { freePort } from '@boissipay/runtime/testing';
import { waitUntil } from '../infra/wait';
import { runCeiling } from './bench-ceiling';
import { cpuBetween, describeCpu, describeCpuPerRequest, sampleCpu, type CpuTicks } from './bench-cpu';
import { percentile } from './bench-support';
import { startTraceSink, type TraceSink } from './bench-trace-sink';
import { spawnService } from './service-process';

type Tracing = 'off' | 'on';

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A billing-service of the bench's own: its own database, and topics of its own behind KAFKA_TOPIC_PREFIX, so nothing left on the shared topics by other runs reaches it. */
interface Billing {
  url: string;
  topicPrefix: string;
  databaseUrl: string;
  pid: number | undefined;
  /** Stops the service, leaving its database for the ceiling. */
  stopService(): Promise<void>;
  /** Stops the service if still running, then drops its database and topics. */
  stop(): Promise<void>;
}

async function startBilling(tracing: Tracing, sink: TraceSink | undefined, sampleRatio: string, cpuProfileDir: string | undefined): Promise<Billing> {
  const port = await freePort();
  const database = `billing_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  const topicPrefix = `${database}.`;
  const traced =
    tracing === 'on' ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink?.endpoint ?? '', OTEL_TRACES_SAMPLER_RATIO: sampleRatio } : { OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_TRACES_SAMPLER_RATIO: '0' };
  const child = spawnService('billing-service', {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl.toString(),
      LOG_LEVEL: 'warn',
      KAFKA_TOPIC_PREFIX: topicPrefix,
      ...traced,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    instrumented: tracing === 'on',
    // The service's own CPU profile, written when it stops: where a purchase's CPU goes.
    nodeArgs: cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}/health/ready`)).ok, { description: 'billing-service to be ready', timeoutMs: 60_000, intervalMs: 100 });
  const exited = once(child, 'exit');
  const stopService = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    topicPrefix,
    databaseUrl: databaseUrl.toString(),
    pid: child.pid,
    stopService,
    async stop() {
      await stopService();
      await dropDatabase(adminUrl, database);
      await deleteTopicsWithPrefix(loadConfig(billingConfig).KAFKA_BROKERS, topicPrefix);
    },
  };
}


interface Options {
  total: number;
  concurrency: number;
  contractCount: number;
}

interface Measured {
  throughput: number;
  latencies: number[];
  /** CPU milliseconds per request (or transaction): the service's (net of what it spends idle) and PostgreSQL's. */
  cpuMs: { service: number; postgres: number };
}

/** How long the idle service's CPU is sampled before the load starts. */
const IDLE_SAMPLE_MS = 3_000;

const cpuMsPerRequest = (cpu: CpuTicks, count: number) => ({ service: (cpu.service * 10) / Math.max(count, 1), postgres: (cpu.postgres * 10) / Math.max(count, 1) });

const ms = (value: number) => `${value.toFixed(1)} ms`;
const latencyLine = (sorted: readonly number[]) =>
  `p50 ${ms(percentile(sorted, 50))}  p90 ${ms(percentile(sorted, 90))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? 0)}`;

/** Contract refs the ceiling's pgbench script can name: CTR-BENCH-1..N. */
const benchContractRef = (index: number) => `CTR-BENCH-${index + 1}`;

async function measure(billing: { url: string; topicPrefix: string; pid?: number | undefined }, { total, concurrency, contractCount }: Options, label: string): Promise<Measured> {
  const publisher = await startContractEventPublisher(billing.topicPrefix);
  try {
    const config = loadConfig(billingConfig);
    const token = await signAccessToken({ secret: config.AUTH_JWT_SECRET }, { subject: 'bench', scopes: ['operations:read', 'operations:write'], ttlSeconds: 3600 });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const events = Array.from({ length: contractCount }, (_, index) =>
      buildContractEvent({ type: 'ACTIVATED', contractRef: benchContractRef(index), contract: { outstandingLimit: { amountMinor: 1_000_000_000_000, currency: 'EUR' } } }),
    );
    await publisher.publish(...events);
    for (const { contractRef } of events) {
      await waitUntil(async () => (await fetch(`${billing.url}/v1/contracts/${contractRef}/balance`, { headers })).ok, { description: `contract ${contractRef}`, timeoutMs: 60_000, intervalMs: 100 });
    }

    const bodies = Array.from({ length: total }, (_, index) =>
      Buffer.from(JSON.stringify(buildPurchaseRequest(events[index % contractCount]?.contractRef ?? '', 1_000 + index))),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const target = new URL('/v1/operations', billing.url);
    const post = (body: Buffer) =>
      new Promise<number>((resolve, reject) => {
        const sent = request(target, { method: 'POST', agent, headers: { ...headers, 'content-length': body.length } }, (response) => {
          response.resume();
          response.once('end', () => resolve(response.statusCode ?? 0));
          response.once('error', reject);
        });
        sent.once('error', reject);
        sent.end(body);
      });
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    // What the idle service spends per second (consumers, relay, probes): taken off its CPU per request
    // below, or a slower round would look costlier per request for work that is not the requests'.
    const idleBefore = sampleCpu(billing.pid);
    const idleStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
    const idle = cpuBetween(idleBefore, sampleCpu(billing.pid));
    const idleTicksPerMs = idle.service / (performance.now() - idleStarted);
    const cpuBefore = sampleCpu(billing.pid);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < total; index = next++) {
          const sent = performance.now();
          const status = await post(bodies[index] ?? Buffer.alloc(0));
          latencies.push(performance.now() - sent);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    const cpu = cpuBetween(cpuBefore, sampleCpu(billing.pid));
    agent.destroy();
    const sorted = latencies.sort((a, b) => a - b);
    const throughput = total / (elapsedMs / 1000);
    console.log(`POST /v1/operations — ${total} purchases on ${contractCount} contract(s), concurrency ${concurrency}, ${billing.url}${label}`);
    console.log(`  statuses   ${[...statuses].map(([status, count]) => `${status}×${count}`).join(' ')}`);
    console.log(`  latency    ${latencyLine(sorted)}`);
    console.log(`  throughput ${throughput.toFixed(0)} req/s over ${(elapsedMs / 1000).toFixed(2)} s`);
    console.log(`  cpu        ${describeCpu(cpu, elapsedMs / 1000, 'billing-service')}`);
    console.log(`             ${describeCpuPerRequest(cpu, total, 'billing-service')}`);
    const idleTicks = Math.min(cpu.service, idleTicksPerMs * elapsedMs);
    const net = cpuMsPerRequest({ ...cpu, service: cpu.service - idleTicks }, total);
    console.log(`             billing-service ${net.service.toFixed(2)} ms CPU per request net of its idle ${(idleTicksPerMs * 10_000).toFixed(0)} ms CPU/s`);
    return { throughput, latencies: sorted, cpuMs: net };
  } finally {
    await publisher.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '20' },
      contracts: { type: 'string', default: '1' },
      tracing: { type: 'string', default: 'off' },
      rounds: { type: 'string', default: '1' },
      'sample-ratio': { type: 'string', default: '1' },
      ceiling: { type: 'string', default: 'on' },
      'cpu-prof': { type: 'string' },
      url: { type: 'string' },
    },
  });
  const options: Options = { total: Number(values.requests), concurrency: Number(values.concurrency), contractCount: Number(values.contracts) };
  if (values.url) {
    await measure({ url: values.url, topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '' }, options, '');
    return;
  }
  const modes: Tracing[] = values.tracing === 'both' ? ['off', 'on'] : values.tracing === 'off' || values.tracing === 'on' ? [values.tracing] : [];
  if (modes.length === 0) throw new Error(`--tracing ${values.tracing}: off, on or both`);
  if (values.ceiling !== 'on' && values.ceiling !== 'off') throw new Error(`--ceiling ${values.ceiling}: on or off`);
  const rounds = Number(values.rounds);
  const ceilings: Measured[] = [];
  const sink = modes.includes('on') ? await startTraceSink() : undefined;
  const results = new Map<Tracing, Measured[]>(modes.map((mode) => [mode, []]));
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const mode of modes) {
        const billing = await startBilling(mode, sink, values['sample-ratio'], values['cpu-prof']);
        const before = sink?.spans() ?? 0;
        const roundLabel = rounds > 1 ? `, round ${round}` : '';
        try {
          results.get(mode)?.push(await measure(billing, options, `, tracing ${mode}${roundLabel}`));
          if (values.ceiling === 'on' && mode === modes[0]) {
            await billing.stopService(); // the ceiling has the machine to itself, as the service had
            ceilings.push(await measureCeiling(billing.databaseUrl, options, roundLabel));
          }
        } finally {
          await billing.stop(); // a stopping service exports what it still holds
        }
        if (mode === 'on') console.log(`  exported   ${(sink?.spans() ?? 0) - before} spans to the stand-in collector`);
      }
    }
  } finally {
    await sink?.stop();
  }
  const mean = (values: number[] | undefined) => (values ?? []).reduce((sum, value) => sum + value, 0) / (values?.length || 1);
  const throughputOf = (measured: Measured[] | undefined) => mean(measured?.map(({ throughput }) => throughput));
  if (ceilings.length > 0) {
    const ceiling = throughputOf(ceilings);
    console.log(`ours / ceiling (mean of ${rounds} round(s), ${options.concurrency} concurrent, ${options.contractCount} contract(s)):`);
    console.log(
      `  ceiling      ${ceiling.toFixed(0)} tx/s  ${latencyLine(ceilings.flatMap(({ latencies }) => latencies).sort((a, b) => a - b))}  PostgreSQL ${mean(ceilings.map(({ cpuMs }) => cpuMs.postgres)).toFixed(2)} ms CPU/tx`,
    );
    for (const mode of modes) {
      const ours = results.get(mode) ?? [];
      const throughput = throughputOf(ours);
      console.log(
        `  tracing ${mode.padEnd(4)} ${throughput.toFixed(0)} req/s  ${latencyLine(ours.flatMap(({ latencies }) => latencies).sort((a, b) => a - b))}  ratio ${(throughput / ceiling).toFixed(2)}  service ${mean(ours.map(({ cpuMs }) => cpuMs.service)).toFixed(2)} ms CPU/req`,
      );
    }
  }
  if (modes.length === 2) {
    const off = throughputOf(results.get('off'));
    const on = throughputOf(results.get('on'));
    console.log(`tracing cost: ${off.toFixed(0)} req/s off, ${on.toFixed(0)} req/s on (mean of ${values.rounds} round(s) each, sample ratio ${values['sample-ratio']}): ${(((off - on) / off) * 100).toFixed(1)} % fewer requests per second with tracing`);
    const cpuOff = mean(results.get('off')?.map(({ cpuMs }) => cpuMs.service));
    const cpuOn = mean(results.get('on')?.map(({ cpuMs }) => cpuMs.service));
    console.log(`tracing cost in the service's CPU: ${cpuOff.toFixed(2)} ms per request off, ${cpuOn.toFixed(2)} ms on: ${(((cpuOn - cpuOff) / cpuOff) * 100).toFixed(1)} % more`);
  }
}

async function measureCeiling(databaseUrl: string, { total, concurrency, contractCount }: Options, roundLabel: string): Promise<Measured> {
  const ceiling = await runCeiling({ databaseUrl, clients: concurrency, transactions: total, contractCount });
  console.log(`ceiling: pgbench, the same writes (scripts/bench/purchase.pgbench.sql) — ${ceiling.latencies.length} transactions on ${contractCount} contract(s), ${concurrency} clients${roundLabel}`);
  if (ceiling.failed > 0) console.log(`  failed     ${ceiling.failed} transactions`);
  console.log(`  latency    ${latencyLine(ceiling.latencies)}`);
  console.log(`  throughput ${ceiling.throughput.toFixed(0)} tx/s over ${ceiling.elapsedSeconds.toFixed(2)} s (pgbench's count, without connecting)`);
  console.log(`  cpu        ${describeCpu(ceiling.cpu, ceiling.elapsedSeconds)}`);
  console.log(`             ${describeCpuPerRequest(ceiling.cpu, ceiling.latencies.length)}`);
  return { throughput: ceiling.throughput, latencies: ceiling.latencies, cpuMs: cpuMsPerRequest(ceiling.cpu, ceiling.latencies.length) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
