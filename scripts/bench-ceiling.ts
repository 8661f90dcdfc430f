/**
 * The ceiling of `npm run bench -- operations`: pgbench running the writes of an accepted purchase
 * (scripts/bench/purchase.pgbench.sql) on the bench's own scratch database, once billing-service
 * has stopped, with as many clients as the bench has concurrent requests and as many transactions
 * as it sent purchases. What PostgreSQL alone does per second for the same work on this machine:
 * the service's throughput over it says how much of the machine the rest of the path takes.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { OUTBOX_CHANNEL } from '@boissipay/runtime';
import { cpuBetween, sampleCpu, type CpuTicks } from './bench-cpu';

const script = path.join(__dirname, 'bench', 'purchase.pgbench.sql');

export interface CeilingOptions {
  databaseUrl: string;
  clients: number;
  transactions: number;
  contractCount: number;
}

export interface CeilingResult {
  /** Transactions per second, as pgbench counts them (without connecting). */
  throughput: number;
  /** Each transaction's latency in ms, sorted. */
  latencies: number[];
  elapsedSeconds: number;
  failed: number;
  cpu: CpuTicks;
}

/** One of the service's own accepted purchases in that database, as its write statement receives it, so pgbench writes rows as large. */
async function sampleRows(databaseUrl: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [sample] } = await client.query<{ operation: string; lines: string; event: string; audit: string; limit: string }>(
      `select to_jsonb(o)::text as operation,
              (select jsonb_agg(to_jsonb(l) order by l.line_no) from operation_lines l where l.operation_id = o.operation_id)::text as lines,
              (select jsonb_build_object('topic', e.topic, 'payload', e.payload, 'headers', e.headers) from outbox e
                where e.topic like '%operation-decided%' and e.payload ->> 'operationId' = o.operation_id::text)::text as event,
              (select to_jsonb(a) - 'id' - 'before' from audit_events a where a.action = 'SUBMIT_PURCHASE' and a.entity_id = o.operation_id::text)::text as audit,
              (select c.limit_minor::text from contracts c where c.contract_ref = o.contract_ref) as limit
         from operations o where o.status = 'ACCEPTED' and o.type = 'PURCHASE' limit 1`,
    );
    if (!sample?.lines || !sample.event || !sample.audit || !sample.limit) {
      throw new Error('the ceiling needs one accepted purchase of the service in its database, with its lines, event and audit row, to copy the row sizes from');
    }
    return { operation: sample.operation, lines: sample.lines, event: sample.event, audit: sample.audit, limit: sample.limit };
  } finally {
    await client.end();
  }
}

export async function runCeiling({ databaseUrl, clients, transactions, contractCount }: CeilingOptions): Promise<CeilingResult> {
  const variables = { ...(await sampleRows(databaseUrl)), contracts: String(contractCount), channel: OUTBOX_CHANNEL };
  const logs = await mkdtemp(path.join(tmpdir(), 'bench-ceiling-'));
  try {
    const args = [
      '--no-vacuum',
      '--protocol=prepared', // as billing-service's named statements: parsed once per connection
      `--file=${script}`,
      `--client=${clients}`,
      `--jobs=${Math.min(2, clients)}`,
      `--transactions=${Math.max(1, Math.ceil(transactions / clients))}`,
      '--log',
      `--log-prefix=${path.join(logs, 'tx')}`,
      ...Object.entries(variables).map(([name, value]) => `--define=${name}=${value}`),
      databaseUrl,
    ];
    const before = sampleCpu(undefined);
    const started = performance.now();
    const output = await run('pgbench', args, logs);
    const elapsedSeconds = (performance.now() - started) / 1000;
    const cpu = cpuBetween(before, sampleCpu(undefined));
    const { throughput, failed } = summaryOfPgbench(output);
    const latencies = await readLatencies(logs);
    await expectCeilingRows(databaseUrl, latencies.length);
    return { throughput, latencies, elapsedSeconds, failed, cpu };
  } finally {
    await rm(logs, { recursive: true, force: true });
  }
}

/** Throughput (without connecting) and failed transactions from pgbench's report. */
export function summaryOfPgbench(output: string): { throughput: number; failed: number } {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${output}`);
  return { throughput: Number(tps), failed: Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0) };
}

/** Latencies in ms of a per-transaction log (--log): client, transaction, latency in µs, script, epoch s, µs; failed ones have no latency. */
export function latenciesOfLog(text: string): number[] {
  return text
    .split('\n')
    .map((line) => line.split(' ')[2])
    .filter((micros): micros is string => micros !== undefined && /^\d+$/.test(micros))
    .map((micros) => Number(micros) / 1000);
}

async function readLatencies(folder: string): Promise<number[]> {
  const latencies: number[] = [];
  for (const file of await readdir(folder)) latencies.push(...latenciesOfLog(await readFile(path.join(folder, file), 'utf8')));
  return latencies.sort((a, b) => a - b);
}

/** The script did write: one operation per logged transaction, told apart from the service's by its order ref. */
async function expectCeilingRows(databaseUrl: string, transactions: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [row] } = await client.query<{ count: string }>(`select count(*) from operations where order_ref like 'CEILING-%'`);
    if (Number(row?.count) !== transactions) throw new Error(`pgbench logged ${transactions} transactions but wrote ${row?.count} operations`);
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`pgbench exited with ${code}:\n${output}`))));
  });
}
