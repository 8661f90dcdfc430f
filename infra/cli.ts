/**
 * Local infrastructure without a container engine: `tsx infra/cli.ts start|stop|status`.
 * Kafka, the schema registry and the SMTP catcher are real servers run as detached processes;
 * PostgreSQL is expected to run already. Addresses come from infra/endpoints.ts.
 */
import { kafkaServer } from './kafka';
import { mailServer } from './mail';
import { ensureDatabases, postgresAnswers, postgresDisplayUrl, requiredDatabases } from './postgres';
import { registryServer } from './registry';
import { type ManagedServer, serverStatus, startServer, stopServer } from './server';
import { elapsedSince } from './timing';

const servers: ManagedServer[] = [kafkaServer, registryServer, mailServer];

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function start(): Promise<boolean> {
  const started = process.hrtime.bigint();
  console.log('Starting local infrastructure');
  const postgresStarted = process.hrtime.bigint();
  const created = await ensureDatabases();
  const createdNote = created.length === 0 ? 'all databases present' : `created ${created.join(', ')}`;
  console.log(`  postgres  ready    ${postgresDisplayUrl()}  (${createdNote}) in ${elapsedSince(postgresStarted)}`);

  // Independent servers start side by side; the registry only needed its database, created above.
  const results = await Promise.allSettled(servers.map((server) => startServer(server)));
  const failures = results.flatMap((result, index) =>
    result.status === 'rejected' ? [`${servers[index]?.name ?? 'server'}: ${describeError(result.reason)}`] : [],
  );
  for (const failure of failures) console.error(`\nFAILED ${failure}`);
  console.log(`${failures.length === 0 ? 'Infrastructure ready' : 'Infrastructure NOT ready'} after ${elapsedSince(started)}`);
  return failures.length === 0;
}

async function stop(): Promise<boolean> {
  console.log('Stopping local infrastructure (PostgreSQL is not ours: left running)');
  await Promise.all(servers.map((server) => stopServer(server)));
  return true;
}

async function status(): Promise<boolean> {
  console.log('Local infrastructure');
  let postgresUp = false;
  try {
    postgresUp = await postgresAnswers();
  } catch {
    postgresUp = false;
  }
  console.log(`  postgres  ${(postgresUp ? 'up' : 'down').padEnd(8)} ${postgresDisplayUrl()}  (databases: ${requiredDatabases.join(', ')})`);
  const statuses = await Promise.all(servers.map((server) => serverStatus(server)));
  for (const { line } of statuses) console.log(line);
  return postgresUp && statuses.every(({ up }) => up);
}

const commands: Record<string, () => Promise<boolean>> = { start, stop, status };

async function main(): Promise<number> {
  const name = process.argv[2] ?? '';
  const command = commands[name];
  if (command === undefined) {
    console.error('Usage: tsx infra/cli.ts start|stop|status');
    return 2;
  }
  try {
    return (await command()) ? 0 : 1;
  } catch (error) {
    console.error(`\n${name} failed: ${describeError(error)}`);
    return 1;
  }
}

// Exit explicitly: client libraries may keep sockets or timers alive, and `npm test`
// must move on to jest as soon as the infrastructure is ready.
void main().then((code) => process.exit(code));
