/**
 * `npm start`: the whole platform on this machine. Starts (or reuses) the local
 * infrastructure, then runs every service as its own process (each migrates its database and
 * creates its topics at start-up), waits until each answers /health/ready, then the back office
 * (:8484), and prints where everything is. Ctrl-C stops the services; `npm run infra:stop` stops the infrastructure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { prettyFactory } from 'pino-pretty';
import { serviceIdentities, serviceNames, type ServiceName } from './platform';
import { infraSettings, localEndpoints } from '../infra/endpoints';
import { spawnBackoffice, spawnService } from './service-process';
import { backofficeConfig } from '../backoffice/src/config';

const repoRoot = path.resolve(__dirname, '..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const readyTimeoutMs = 120_000;
const LOCAL_TOPIC_PREFIX = 'local.';

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    spawn(command, args, { cwd: repoRoot, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * In a terminal the services' JSON lines are shown readable (time, level, message, then the
 * fields); piped to a file or a log shipper, or with LOG_FORMAT=json, they stay JSON as in production.
 */
const readable = process.stdout.isTTY && process.env.LOG_FORMAT !== 'json';
const pretty = prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', singleLine: true });

function formatted(line: string): string {
  if (!readable || !line.startsWith('{')) return line;
  try {
    return pretty(line).trimEnd();
  } catch {
    return line;
  }
}

function prefixLines(child: ChildProcess, label: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${label} ${formatted(line)}\n`);
    });
  }
}

function startService(name: ServiceName): ChildProcess {
  const child = spawnService(name, {
    // PORT and DATABASE_URL are per service: a value exported in this shell must not make
    // the four services share one port or one database.
    // The local platform works on its own topics (`local.` prefix unless KAFKA_TOPIC_PREFIX is
    // set), so what the test suite leaves on the shared local Kafka never reaches it.
    env: {
      ...process.env,
      PORT: String(serviceIdentities[name].port),
      DATABASE_URL: undefined,
      KAFKA_TOPIC_PREFIX: process.env.KAFKA_TOPIC_PREFIX ?? LOCAL_TOPIC_PREFIX,
      // Tokens of the local Keycloak are accepted beside the development ones of `npm run token`.
      AUTH_JWKS_URL: process.env.AUTH_JWKS_URL ?? localEndpoints.keycloak.jwksUrl,
      AUTH_ISSUER: process.env.AUTH_ISSUER ?? localEndpoints.keycloak.issuer,
      AUTH_OAUTH_TOKEN_URL: process.env.AUTH_OAUTH_TOKEN_URL ?? localEndpoints.keycloak.browserTokenUrl,
      AUTH_OAUTH_AUTHORIZATION_URL: process.env.AUTH_OAUTH_AUTHORIZATION_URL ?? localEndpoints.keycloak.authorizationUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(child, `[${name}]`.padEnd(18));
  return child;
}

/** The back office, once the services answer: its pages call them with the logged-in user's token. */
function startBackoffice(): ChildProcess {
  const child = spawnBackoffice({
    env: {
      ...process.env,
      PORT: String(backofficeConfig.identity.port),
      DATABASE_URL: undefined,
      KAFKA_TOPIC_PREFIX: process.env.KAFKA_TOPIC_PREFIX ?? LOCAL_TOPIC_PREFIX,
      OIDC_ISSUER: process.env.OIDC_ISSUER ?? localEndpoints.keycloak.issuer,
      OIDC_BACKCHANNEL_URL: process.env.OIDC_BACKCHANNEL_URL ?? localEndpoints.keycloak.discoveryUrl.replace(/\/\.well-known\/openid-configuration$/, ''),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(child, '[backoffice]'.padEnd(18));
  return child;
}

async function waitUntilReady(name: ServiceName | 'backoffice', child: ChildProcess): Promise<void> {
  const port = name === 'backoffice' ? backofficeConfig.identity.port : serviceIdentities[name].port;
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not answer /health/ready on :${port} within ${readyTimeoutMs / 1000} s`);
}

function printSummary(): void {
  const rows = serviceNames.map((name) => {
    const base = `http://127.0.0.1:${serviceIdentities[name].port}`;
    return `  ${name.padEnd(17)} ${base}/v1   docs ${base}/docs   health ${base}/health/ready`;
  });
  console.log(
    [
      '',
      'Boissipay is running',
      ...rows,
      `  kafka             ${localEndpoints.kafkaBrokers.join(',')}   topics ${process.env.KAFKA_TOPIC_PREFIX ?? LOCAL_TOPIC_PREFIX}<name>`,
      `  schema registry   ${localEndpoints.schemaRegistryUrl}`,
      `  mail (web UI)     ${localEndpoints.mailApiUrl}   smtp 127.0.0.1:${infraSettings.mail.smtpPort}`,
      `  back office       http://localhost:${backofficeConfig.identity.port}   log in as viewer / operator / admin (password boissipay-demo)`,
      `  keycloak          ${localEndpoints.keycloak.url}   realm boissipay, users viewer / operator / admin (password boissipay-demo)`,
      '  a token:          npm run token -- contracts:read contracts:write operations:write …   (or log in: Authorize on /docs)',
      'Ctrl-C stops the services; npm run infra:stop stops Kafka, the registry, the mail catcher and Keycloak.',
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  if ((await run(tsx, ['infra/cli.ts', 'start'])) !== 0) {
    process.exitCode = 1;
    return;
  }
  const children = new Map<ServiceName | 'backoffice', ChildProcess>(serviceNames.map((name) => [name, startService(name)] as const));
  const stopAll = () => {
    for (const child of children.values()) child.kill('SIGTERM');
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  try {
    await Promise.all([...children].map(([name, child]) => waitUntilReady(name, child)));
    const backoffice = startBackoffice();
    children.set('backoffice', backoffice);
    await waitUntilReady('backoffice', backoffice);
    printSummary();
  } catch (error) {
    console.error(`\nStart-up failed: ${error instanceof Error ? error.message : String(error)}`);
    stopAll();
    process.exitCode = 1;
  }
}

void main();
