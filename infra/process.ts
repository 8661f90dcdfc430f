import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { logFile, logsDir, pidFile, pidsDir } from './runtime-paths';

/** What we remember about a server we started, so `stop` never signals a stranger. */
interface PidRecord {
  pid: number;
  /** An argument unique to this server, checked against the live command line before signalling. */
  marker: string;
  /** The ports it was started with: a start with other ports must not mistake it for its own. */
  ports: number[];
  command: string[];
  startedAt: string;
}

export interface DetachedProcess {
  pid: number;
  /** Settles if the process dies while this CLI still runs, so start-up fails fast on a crash. */
  exited: Promise<string>;
  /** Byte offset where this run's output starts in the log file. */
  logOffset: number;
}

export interface LaunchSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  marker: string;
  ports: number[];
  /** Added to this process's environment, e.g. a launcher script's settings. */
  env?: Record<string, string>;
}

/**
 * Starts a server that outlives this CLI: own process group, output appended to its log
 * file, and a pid file recording what to stop later.
 */
export function spawnDetached({ name, command, args, cwd, marker, ports, env }: LaunchSpec): DetachedProcess {
  fs.mkdirSync(logsDir, { recursive: true });
  fs.mkdirSync(pidsDir, { recursive: true });
  const logPath = logFile(name);
  fs.appendFileSync(logPath, `\n===== ${new Date().toISOString()} starting: ${command} ${args.join(' ')}\n`);
  const logOffset = fs.statSync(logPath).size;
  const logFd = fs.openSync(logPath, 'a');
  try {
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, ...env } });
    if (child.pid === undefined) throw new Error(`could not start ${command} for ${name}`);
    const exited = new Promise<string>((resolve) => {
      child.once('error', (error) => resolve(`failed to start: ${error.message}`));
      child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
    });
    child.unref();
    const record: PidRecord = { pid: child.pid, marker, ports, command: [command, ...args], startedAt: new Date().toISOString() };
    fs.writeFileSync(pidFile(name), `${JSON.stringify(record, null, 2)}\n`);
    return { pid: child.pid, exited, logOffset };
  } finally {
    fs.closeSync(logFd);
  }
}

function readPidRecord(name: string): PidRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(pidFile(name), 'utf8')) as PidRecord;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Guards against pid reuse after a reboot: on Linux the live command line must still contain our marker. */
function isStillOurs(record: PidRecord): boolean {
  if (!isAlive(record.pid)) return false;
  const cmdlinePath = `/proc/${record.pid}/cmdline`;
  if (!fs.existsSync('/proc/self/cmdline')) return true;
  try {
    return fs.readFileSync(cmdlinePath, 'utf8').includes(record.marker);
  } catch {
    return false;
  }
}

/** Our still-running server `name`, if any: its pid and the ports it was started with. */
export function runningServer(name: string): { pid: number; ports: number[] } | undefined {
  const record = readPidRecord(name);
  return record !== undefined && isStillOurs(record) ? { pid: record.pid, ports: record.ports ?? [] } : undefined;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    // Negative pid = the whole process group created by `detached: true`.
    process.kill(process.platform === 'win32' ? pid : -pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      // Already gone.
    }
  }
}

export type StopOutcome = 'not running' | 'stopped' | 'killed';

/** SIGTERM, give it `graceMs` to shut down cleanly (Kafka flushes its logs), then SIGKILL. */
export async function stopByPidFile(name: string, graceMs = 30_000): Promise<StopOutcome> {
  const record = readPidRecord(name);
  if (record === undefined || !isStillOurs(record)) {
    fs.rmSync(pidFile(name), { force: true });
    return 'not running';
  }
  signal(record.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(record.pid) && Date.now() < deadline) await sleep(200);
  let outcome: StopOutcome = 'stopped';
  if (isAlive(record.pid)) {
    signal(record.pid, 'SIGKILL');
    outcome = 'killed';
    while (isAlive(record.pid)) await sleep(100);
  }
  fs.rmSync(pidFile(name), { force: true });
  return outcome;
}

/** The last lines a server wrote since `fromOffset`, to explain a failed start-up. */
export function tailLog(name: string, fromOffset = 0, lines = 40): string {
  try {
    const text = fs.readFileSync(logFile(name)).subarray(fromOffset).toString('utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log output)';
  }
}
