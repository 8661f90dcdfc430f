import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serviceIdentities, serviceNames } from '../../scripts/platform';
import { parse } from 'yaml';
import { catalogueNames, requiredVariableNames, serviceStackNames, servicesReading, stackOnlyVariables, stackSettingOf } from '../../scripts/generate-env-example';
import { readCompose, readRepoFile, repoRoot, serviceFolders, type ComposeFile } from './repo-files';

const compose = readCompose();
const composeText = readRepoFile('docker-compose.yml');
const infrastructure = ['postgres', 'kafka', 'schema-registry', 'kafka-ui', 'maildev', 'keycloak', 'gateway'];

/** Catalogue variables the stack deliberately does not pass: each service's own default applies. */
const leftToServiceDefault = ['KAFKA_CLIENT_ID', 'CLOCK_START'];

const environmentOf = (service: string): Record<string, string> => compose.services[service]?.environment ?? {};

describe('docker-compose.yml', () => {
  it('when listing the service folders, then each is a compose service built from the Dockerfile with its folder and port', () => {
    // The back office (backoffice/) is deployed beside the services but is not in the stack yet.
    expect(serviceFolders()).toEqual([...serviceNames, 'backoffice'].sort());
    for (const service of serviceNames) {
      const { port } = serviceIdentities[service];
      const definition = compose.services[service];
      expect(definition).toBeDefined();
      expect(definition?.build).toEqual({ context: '.', args: { SERVICE: service, SERVICE_PORT: String(port) } });
      expect(definition?.image).toBe(`\${DOCKERHUB_NAMESPACE:-boissipay}/${service}:\${BOISSIPAY_VERSION:-latest}`);
      expect(definition?.pull_policy).toBe('${IMAGE_PULL_POLICY:-build}');
      expect(definition?.environment?.PORT).toBe(String(port));
      expect(definition?.ports).toEqual([`\${${serviceStackNames(service).hostPortVariable}:-${port}}:${port}`]);
    }
  });

  it('when a catalogue variable is read by a service, then compose passes it as .env.example documents it, unless it is on the allow-list of service defaults', () => {
    expect(catalogueNames.filter((name) => stackSettingOf(name).kind === 'service-default')).toEqual(leftToServiceDefault);
    const problems: string[] = [];
    for (const service of serviceNames) {
      const environment = environmentOf(service);
      for (const name of catalogueNames) {
        const setting = stackSettingOf(name);
        const value = environment[name];
        if (!servicesReading(name).includes(service) || setting.kind === 'service-default') {
          if (value !== undefined) problems.push(`${service} gets ${name}, which it does not read or which is left to its default`);
        } else if (setting.kind === 'shared') {
          if (value !== `\${${name}:-${setting.value}}`) problems.push(`${service}: ${name} should be \${${name}:-${setting.value}}, is ${value}`);
        } else if (setting.kind === 'required') {
          if (!new RegExp(`^\\$\\{${name}:\\?.+\\}$`).test(value ?? '')) problems.push(`${service}: ${name} should be \${${name}:?<message>}, is ${value}`);
        } else if (value === undefined) {
          problems.push(`${service}: ${name} is not set (${setting.how})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('when a service gets a variable, then the config catalogue knows it (no typo, nothing the service ignores)', () => {
    for (const service of serviceNames) {
      expect(Object.keys(environmentOf(service)).filter((name) => !(catalogueNames as string[]).includes(name))).toEqual([]);
    }
  });

  it('each service opens its own database with its own role, and the postgres init script creates both', () => {
    const initScript = readRepoFile('infra/docker/postgres-init/10-service-databases.sh');
    const postgres = environmentOf('postgres');
    for (const service of serviceNames) {
      const { database, dbPasswordVariable } = serviceStackNames(service);
      expect(environmentOf(service).DATABASE_URL).toBe(
        `postgres://${database}:\${${dbPasswordVariable}:?${dbPasswordVariable} must be set}@postgres:5432/${database}`,
      );
      expect(postgres[dbPasswordVariable]).toBe(`\${${dbPasswordVariable}:?${dbPasswordVariable} must be set}`);
      expect(initScript).toContain(`create_service_database ${database} "\${${dbPasswordVariable}:?`);
    }
    expect(compose.services.postgres?.volumes).toContain('${POSTGRES_INIT_DIR:-./infra/docker/postgres-init}:/docker-entrypoint-initdb.d:ro');
  });

  it('when compose reads a variable, then it is documented (catalogue or stack list) with the same default, and every stack variable is used', () => {
    const documented = new Map<string, string | undefined>(stackOnlyVariables.map((variable) => [variable.name, variable.value]));
    for (const name of catalogueNames) {
      const setting = stackSettingOf(name);
      documented.set(name, setting.kind === 'shared' ? setting.value : undefined);
    }
    const problems: string[] = [];
    const used = new Set<string>();
    for (const [, name, operator, rest] of composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:-|:\?)?([^}]*)\}/g)) {
      used.add(name as string);
      if (!documented.has(name as string)) {
        problems.push(`${name} is read by docker-compose.yml but documented nowhere`);
        continue;
      }
      const fallback = documented.get(name as string);
      if (fallback === undefined && operator !== ':?') problems.push(`${name} is required: write \${${name}:?<message>}`);
      if (fallback !== undefined && (operator !== ':-' || rest !== fallback)) problems.push(`${name} should default to "${fallback}": \${${name}${operator ?? ''}${rest}}`);
    }
    for (const variable of stackOnlyVariables) if (!used.has(variable.name)) problems.push(`${variable.name} is documented but docker-compose.yml never reads it`);
    expect(problems).toEqual([]);
  });

  it('the services start once the infrastructure is healthy, restart unless stopped, drain on stop and report readiness', () => {
    for (const service of serviceNames) {
      const definition = compose.services[service];
      const needs = ['postgres', 'kafka', 'schema-registry', ...(service === 'invoice-mailer' ? ['maildev'] : [])];
      expect(Object.keys(definition?.depends_on ?? {}).sort()).toEqual(needs.sort());
      for (const dependency of needs) expect(definition?.depends_on?.[dependency]).toEqual({ condition: 'service_healthy' });
      expect(definition?.restart).toBe('unless-stopped');
      expect(JSON.stringify(definition?.healthcheck?.test)).toContain('/health/ready');
    }
    for (const service of infrastructure) expect(compose.services[service]?.restart).toBe('unless-stopped');
    for (const dependency of ['postgres', 'kafka', 'schema-registry', 'maildev']) expect(compose.services[dependency]?.healthcheck?.test).toBeDefined();
  });

  it('the broker never creates topics by itself and keeps events for good, and Kafka UI shows the broker and the registry', () => {
    expect(environmentOf('kafka').KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(environmentOf('kafka').KAFKA_PROCESS_ROLES).toBe('broker,controller');
    // Billing rebuilds its read model by replaying contract.lifecycle.v1 from the start.
    expect(environmentOf('kafka').KAFKA_LOG_RETENTION_MS).toBe('-1');
    expect(environmentOf('kafka-ui')).toMatchObject({
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'kafka:19092',
      KAFKA_CLUSTERS_0_SCHEMAREGISTRY: 'http://schema-registry:8081',
    });
    expect(compose.services['kafka-ui']?.ports).toEqual(['${TOOLS_BIND_ADDRESS:-127.0.0.1}:${KAFKA_UI_HOST_PORT:-8088}:8080']);
  });

  it('the infrastructure images are pinned to a version, Kafka to the 3.9 line the local infrastructure runs', () => {
    for (const service of infrastructure) expect(compose.services[service]?.image).toMatch(/^[a-z0-9./-]+:v?\d+\.\d+(\.\d+)?(-[a-z]+)?$/);
    const localKafka = /<kafka\.version>([\d.]+)<\/kafka\.version>/.exec(readRepoFile('infra/kafka/pom.xml'))?.[1];
    expect(compose.services.kafka?.image).toBe(`apache/kafka:${localKafka}`);
  });

  it('Keycloak runs the version the local infrastructure runs, with the same realm file, and the services trust it', () => {
    const localVersion = /KEYCLOAK_VERSION = '([\d.]+)'/.exec(readRepoFile('infra/keycloak.ts'))?.[1];
    expect(compose.services.keycloak?.image).toBe(`quay.io/keycloak/keycloak:${localVersion}`);
    expect(compose.services.keycloak?.volumes).toContain('./infra/keycloak/boissipay-realm.json:/opt/keycloak/data/import/boissipay-realm.json:ro');
    const keycloak = compose.services.keycloak as { command?: string[] };
    expect(keycloak.command).toEqual(expect.arrayContaining(['--import-realm', '--hostname=${KEYCLOAK_HOSTNAME_URL:-http://localhost:8090}']));
    for (const service of serviceNames) expect(environmentOf(service).AUTH_JWKS_URL).toContain('http://keycloak:8080/realms/boissipay/');
  });

  it('the data lives in named volumes', () => {
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['grafana-data', 'kafka-data', 'postgres-data', 'prometheus-data']);
    expect(compose.services.postgres?.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(compose.services.kafka?.volumes).toContain('kafka-data:/var/lib/kafka/data');
  });
});

/** The compose CLI at hand: Debian's docker-compose (1.29), else the Docker CLI plugin (v2). */
function findComposeCli(): string[] | undefined {
  const candidates = [['docker-compose'], ['docker', 'compose']];
  return candidates.find(([command, ...args]) => spawnSync(command as string, [...args, 'version'], { stdio: 'ignore' }).status === 0);
}

const composeCli = findComposeCli();
if (!composeCli) {
  console.warn('docker-compose is not installed: the validation of docker-compose.yml by the compose CLI is skipped (apt-get install docker-compose)');
}
const withComposeCli = composeCli ? describe : describe.skip;

withComposeCli('docker-compose.yml read by the compose CLI (no Docker engine needed)', () => {
  const required = requiredVariableNames();
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'boissipay-compose-'));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  /** `.env.example` with each required variable filled in, except those in `leftEmpty`. */
  async function envFile(leftEmpty: readonly string[] = []): Promise<string> {
    let content = await readFile(path.join(repoRoot, '.env.example'), 'utf8');
    for (const name of required) {
      if (!leftEmpty.includes(name)) content = content.replace(new RegExp(`^${name}=$`, 'm'), `${name}=test-${name.toLowerCase()}-0123456789`);
    }
    const file = path.join(workDir, `env-${leftEmpty.join('-') || 'complete'}`);
    await writeFile(file, content);
    return file;
  }

  async function config(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const [command, ...args] = composeCli as string[];
    try {
      // A bare environment: only the env file may supply the settings.
      const { stdout, stderr } = await promisify(execFile)(command as string, [...args, '-f', 'docker-compose.yml', '--env-file', file, 'config'], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, HOME: process.env.HOME ?? tmpdir() },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('when given .env.example with the required variables filled in, then the file is valid and each service gets its image, database and settings', async () => {
    const result = await config(await envFile());
    expect(result.stderr).not.toMatch(/invalid|error/i);
    expect(result.code).toBe(0);
    const resolved = parse(result.stdout) as ComposeFile;
    for (const service of serviceNames) {
      const { database, dbPasswordVariable } = serviceStackNames(service);
      const definition = resolved.services[service];
      expect(definition?.image).toBe(`boissipay/${service}:latest`);
      expect(definition?.environment).toMatchObject({
        NODE_ENV: 'production',
        PORT: String(serviceIdentities[service].port),
        HOST: '0.0.0.0',
        AUTH_AUDIENCE: service,
        DATABASE_URL: `postgres://${database}:test-${dbPasswordVariable.toLowerCase()}-0123456789@postgres:5432/${database}`,
        KAFKA_BROKERS: 'kafka:19092',
        SCHEMA_REGISTRY_URL: 'http://schema-registry:8081',
        AUTH_JWT_SECRET: 'test-auth_jwt_secret-0123456789',
      });
    }
    // Every default of .env.example survives the .env syntax (quoted values with spaces included).
    for (const service of serviceNames) {
      for (const name of catalogueNames) {
        const setting = stackSettingOf(name);
        if (setting.kind === 'shared' && servicesReading(name).includes(service)) {
          expect([service, name, resolved.services[service]?.environment?.[name]]).toEqual([service, name, setting.value]);
        }
      }
    }
  });

  it.each(required)('when %s is left empty, then compose refuses to start and names it', async (secret) => {
    const result = await config(await envFile([secret]));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${secret} must be set`);
  });
});
