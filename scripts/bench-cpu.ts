/**
 * Where the CPU of a measured interval went, read from /proc (Linux): the service's process,
 * PostgreSQL's processes, the load generator (this process and the children it has reaped,
 * i.e. pgbench once it exits) and the rest of the machine. Clock ticks, as /proc counts them.
 *
 * PostgreSQL's backends come and go with their connections: a backend that exits hands its time
 * to the postmaster's children time (cutime/cstime), so summing both over every `postgres`
 * process keeps it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface CpuTicks {
  service: number;
  postgres: number;
  loadGenerator: number;
  /** Every core's busy time (/proc/stat), all processes. */
  machine: number;
}

/** utime, stime, cutime, cstime of a process, or undefined once it is gone. */
function processTicks(pid: number | string): { comm: string; own: number; children: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' '); // fields[0] is the state, field 3 of the man page
    const at = (field: number) => Number(fields[field - 3]);
    return { comm, own: at(14) + at(15), children: at(16) + at(17) };
  } catch {
    return undefined;
  }
}

function postgresTicks(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ticks = processTicks(entry);
    if (ticks?.comm === 'postgres') total += ticks.own + ticks.children;
  }
  return total;
}

function machineTicks(): number {
  const [, user, nice, system, , , irq, softirq, steal] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
  return [user, nice, system, irq, softirq, steal].reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

export function sampleCpu(servicePid: number | undefined): CpuTicks {
  const self = processTicks(process.pid);
  const service = servicePid === undefined ? undefined : processTicks(servicePid);
  return { service: service?.own ?? 0, postgres: postgresTicks(), loadGenerator: (self?.own ?? 0) + (self?.children ?? 0), machine: machineTicks() };
}

export function cpuBetween(before: CpuTicks, after: CpuTicks): CpuTicks {
  return {
    service: after.service - before.service,
    postgres: after.postgres - before.postgres,
    loadGenerator: after.loadGenerator - before.loadGenerator,
    machine: after.machine - before.machine,
  };
}

/** `service 45% · PostgreSQL 38% · load generator 12% · other 5% of 3.1 s busy CPU (1.6 of 2 cores over 1.9 s)`. */
export function describeCpu(used: CpuTicks, elapsedSeconds: number, serviceName = 'service'): string {
  const busy = Math.max(used.machine, used.service + used.postgres + used.loadGenerator);
  const share = (ticks: number) => `${busy > 0 ? Math.round((ticks / busy) * 100) : 0}%`;
  const other = Math.max(0, busy - used.service - used.postgres - used.loadGenerator);
  const busySeconds = busy / ticksPerSecond;
  const parts = [
    ...(used.service > 0 ? [`${serviceName} ${share(used.service)}`] : []),
    `PostgreSQL ${share(used.postgres)}`,
    `load generator ${share(used.loadGenerator)}`,
    `other ${share(other)}`,
  ];
  return `${parts.join(' · ')} of ${busySeconds.toFixed(1)} s busy CPU (${(busySeconds / elapsedSeconds).toFixed(2)} of ${cores} cores over ${elapsedSeconds.toFixed(2)} s)`;
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const ticksPerSecond = 100;
const cores = availableParallelism();

/**
 * `billing-service 5.9 ms · PostgreSQL 1.2 ms CPU per request`: each side's CPU time divided by the
 * requests (or transactions) done. Less sensitive than throughput to whatever else the machine runs
 * at the time, which takes cores away but adds little to each request's own CPU.
 */
export function describeCpuPerRequest(used: CpuTicks, count: number, serviceName = 'service'): string {
  const perRequest = (ticks: number) => `${((ticks / ticksPerSecond / Math.max(count, 1)) * 1000).toFixed(2)} ms`;
  return [...(used.service > 0 ? [`${serviceName} ${perRequest(used.service)}`] : []), `PostgreSQL ${perRequest(used.postgres)}`].join(' · ') + ' CPU per request';
}
