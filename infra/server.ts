import { isPortOpen } from './probes';
import { type LaunchSpec, runningServer, spawnDetached, stopByPidFile, tailLog } from './process';
import { elapsedSince } from './timing';
import { waitUntil } from './wait';

/** One server of the local infrastructure, described so that start/stop/status treat all alike. */
export interface ManagedServer {
  /** Short id, also the name of its log and pid files. */
  name: string;
  /** Human label with the version, e.g. "Kafka 3.9.2 (KRaft)". */
  label: string;
  /** Where clients reach it, printed by start and status. */
  url: string;
  /** Ports we bind: if one is taken by a stranger, starting ours would fail obscurely. */
  ports: number[];
  host: string;
  /** Set through the environment to a server someone else runs: we only check it. */
  external: boolean;
  /** One real request (not just an open port); throws or resolves false when not ready. */
  answers: () => Promise<boolean>;
  /** Downloads and writes configuration as needed; cheap when everything is already there. */
  prepare: () => Promise<void>;
  launchSpec: () => Omit<LaunchSpec, 'ports'>;
  startTimeoutMs: number;
}

async function answersNow(server: ManagedServer): Promise<boolean> {
  try {
    return await server.answers();
  } catch {
    return false;
  }
}

function formatLine(server: ManagedServer, outcome: string, detail = ''): string {
  return `  ${server.name.padEnd(9)} ${outcome.padEnd(8)} ${server.url}${detail === '' ? '' : `  ${detail}`}`;
}

function report(server: ManagedServer, outcome: string, detail = ''): void {
  console.log(formatLine(server, outcome, detail));
}

async function firstFreeCheck(server: ManagedServer): Promise<void> {
  for (const port of server.ports) {
    if (await isPortOpen(server.host, port)) {
      throw new Error(
        `${server.label}: port ${server.host}:${port} is taken by a process we did not start ` +
          `and it does not answer as expected; free the port or choose another one (see infra/endpoints.ts)`,
      );
    }
  }
}

async function waitForReadiness(server: ManagedServer, died: Promise<string> | undefined, logOffset: number): Promise<void> {
  const abort = new AbortController();
  const ready = waitUntil(() => server.answers(), {
    description: `${server.label} to answer at ${server.url}`,
    timeoutMs: server.startTimeoutMs,
    intervalMs: 500,
    signal: abort.signal,
  });
  const crashed = died?.then((reason) => {
    throw new Error(`${server.label} ${reason} before it answered`);
  });
  // Once the server is ready, a later exit must not surface as an unhandled rejection.
  crashed?.catch(() => undefined);
  try {
    await Promise.race(crashed === undefined ? [ready] : [ready, crashed]);
  } catch (error) {
    abort.abort();
    ready.catch(() => undefined);
    // A half-started server would be waited on again by the next start; stop it instead.
    await stopByPidFile(server.name, 10_000);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- last lines of infra/.runtime/logs/${server.name}.log ---\n${tailLog(server.name, logOffset)}`);
  } finally {
    abort.abort();
  }
}

/** Reuses a server that answers, else fetches, starts and waits for it to really answer. */
export async function startServer(server: ManagedServer): Promise<void> {
  const started = process.hrtime.bigint();
  if (await answersNow(server)) {
    report(server, 'reused', server.external ? '(external, from environment)' : '');
    return;
  }
  if (server.external) {
    throw new Error(`${server.label} at ${server.url} (set through the environment) does not answer`);
  }
  const ours = runningServer(server.name);
  if (ours !== undefined && ours.ports.join() !== server.ports.join()) {
    // It shares the data directory, so a second one could not start anyway.
    throw new Error(
      `${server.label} is already running (pid ${ours.pid}) on ports ${ours.ports.join(', ')}, ` +
        `not ${server.ports.join(', ')}: run \`tsx infra/cli.ts stop\` first`,
    );
  }
  if (ours !== undefined) {
    // Our process is alive but not ready yet, e.g. an interrupted earlier start: wait for it.
    await waitForReadiness(server, undefined, 0);
    report(server, 'ready', `(pid ${ours.pid}, was still starting) in ${elapsedSince(started)}`);
    return;
  }
  await firstFreeCheck(server);
  await server.prepare();
  const launchedAt = process.hrtime.bigint();
  const child = spawnDetached({ ...server.launchSpec(), ports: server.ports });
  await waitForReadiness(server, child.exited, child.logOffset);
  report(server, 'started', `(pid ${child.pid}) in ${elapsedSince(launchedAt)}, ${elapsedSince(started)} with preparation`);
}

export async function stopServer(server: ManagedServer): Promise<void> {
  if (server.external) {
    report(server, 'skipped', '(external, from environment)');
    return;
  }
  const outcome = await stopByPidFile(server.name);
  const stillAnswers = outcome === 'not running' && (await answersNow(server));
  report(server, outcome, stillAnswers ? '(answers, but was not started by us: left alone)' : '');
}

/** Returned rather than printed, so that checks can run in parallel and still print in order. */
export async function serverStatus(server: ManagedServer): Promise<{ up: boolean; line: string }> {
  const up = await answersNow(server);
  const pid = server.external ? undefined : runningServer(server.name)?.pid;
  const owner = server.external ? 'external' : pid !== undefined ? `ours, pid ${pid}` : up ? 'not started by us' : '';
  return { up, line: formatLine(server, up ? 'up' : 'down', owner === '' ? '' : `(${owner})`) };
}
