/**
 * `npm run bench -- <name> [options]`: runs one named benchmark, each in its own process.
 *
 *   npm run bench -- operations [--requests 2000] [--concurrency 20] [--contracts 1] [--tracing off|on|both] [--rounds 1] [--ceiling on|off]
 *   npm run bench -- billing-run [--contracts 1000] [--operations 100] [--period 2026-10] [--keep]
 *   npm run bench -- restart [--rounds 3]
 *   npm run bench -- due-work [--events 200] [--interval 25] [--payments 300] [--provider-latency 0]
 *   npm run bench -- event-hop [--changes 300] [--rate 30] [--contracts 20]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const benchmarks: Record<string, { script: string; about: string }> = {
  operations: { script: 'bench-operations.ts', about: 'latency and throughput of POST /v1/operations (p50/p90/p99), CPU split, ours / pgbench ceiling' },
  'billing-run': { script: 'bench-billing-run.ts', about: 'invoices per second of a monthly billing run over N contracts × M operations' },
  restart: { script: 'bench-restart.ts', about: 'seconds from restarting billing-service after a SIGKILL to its first accepted purchase' },
  'due-work': { script: 'bench-due-work.ts', about: 'outbox hop latency and debit throughput, the due-work loop against graphile-worker' },
  'event-hop': { script: 'bench-event-hop.ts', about: 'contract change → billing read model latency (p50/p90/p99) at a steady rate of changes' },
};

const [name, ...args] = process.argv.slice(2);
const benchmark = name ? benchmarks[name] : undefined;
if (!benchmark) {
  console.error(`usage: npm run bench -- <name> [options]\n${Object.entries(benchmarks).map(([key, { about }]) => `  ${key.padEnd(12)} ${about}`).join('\n')}`);
  process.exit(name ? 1 : 0);
}

const tsx = path.resolve(__dirname, '..', 'node_modules', '.bin', 'tsx');
const result = spawnSync(tsx, [path.join(__dirname, benchmark.script), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
