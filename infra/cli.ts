/**
 * Local infrastructure without a container engine: `tsx infra/cli.ts start|stop|status [server…]`.
 * Kafka, the schema registry, the SMTP catcher and Keycloak are real servers run as detached
 * processes; PostgreSQL is expected to run already. Addresses come from infra/endpoints.ts.
 * Naming servers (e.g. `start keycloak`) limits the command to them.
 */
import { kafkaServer } from './kafka';
import { keycloakServer } from './keycloak';
import { mailServer } from './mail';
import { ensureDatabases, postgresAnswers, postgresDisplayUrl, requiredDatabases } from './postgres';
import { registryServer } from './registry';
import { type ManagedServer, serverStatus, startServer, stopServer } from './server';
import { elapsedSince } from './timing';

const allServers: ManagedServer[] = [kafkaServer, registryServer, mailServer, keycloakServer];

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function start(servers: ManagedServer[]): Promise<boolean> {
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

async function stop(servers: ManagedServer[]): Promise<boolean> {
  console.log('Stopping local infrastructure (PostgreSQL is not ours: left running)');
  await Promise.all(servers.map((server) => stopServer(server)));
  return true;
}

async function status(servers: ManagedServer[]): Promise<boolean> {
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

const commands: Record<string, (servers: ManagedServer[]) => Promise<boolean>> = { start, stop, status };

async function main(): Promise<number> {
  const [name = '', ...selected] = process.argv.slice(2);
  const command = commands[name];
  const unknown = selected.filter((server) => !allServers.some((candidate) => candidate.name === server));
  if (command === undefined || unknown.length > 0) {
    console.error(`Usage: tsx infra/cli.ts start|stop|status [${allServers.map((server) => server.name).join('|')}…]`);
    return 2;
  }
  const servers = selected.length > 0 ? allServers.filter((server) => selected.includes(server.name)) : allServers;
  try {
    return (await command(servers)) ? 0 : 1;
  } catch (error) {
    console.error(`\n${name} failed: ${describeError(error)}`);
    return 1;
  }
}

// Exit explicitly: client libraries may keep sockets or timers alive, and `npm test`
// must move on to jest as soon as the infrastructure is ready.
void main().then((code) => process.exit(code));
