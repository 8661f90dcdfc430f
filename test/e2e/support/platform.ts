import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { dropDatabase } from '@boissipay/runtime';
import { freePort } from '@boissipay/runtime/testing';
import { serviceNames, type ServiceName } from '../../../scripts/platform';
import { localEndpoints } from '../../../infra/endpoints';
import { spawnService } from '../../../scripts/service-process';

const repoRoot = path.resolve(__dirname, '../../..');
export const E2E_SECRET = 'end-to-end-test-secret-0123456789';

interface RunningProcess {
  child: ChildProcess;
  log: WriteStream;
}

/**
 * The four services as separate processes, exactly as `npm start` runs them, but isolated:
 * their own scratch databases, free ports, and a topic prefix of their own, so the run shares
 * Kafka, the registry and the SMTP catcher with nothing else. Each process logs to
 * infra/.runtime/logs/e2e/<run>/<service>.log.
 */
export class Platform {
  readonly run = `e2e${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  readonly ports = new Map<ServiceName, number>();
  private readonly processes = new Map<ServiceName, RunningProcess>();
  /** Variables given to one service on its latest (re)start, kept for the next ones. */
  private readonly serviceEnv = new Map<ServiceName, Record<string, string>>();
  private readonly logDir = path.join(repoRoot, 'infra/.runtime/logs/e2e', this.run);

  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  databaseOf(service: ServiceName): string {
    return `${this.run}_${service.replace(/-/g, '_')}`;
  }

  url(service: ServiceName): string {
    return `http://127.0.0.1:${this.ports.get(service)}`;
  }

  envOf(service: ServiceName): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(this.ports.get(service)),
      DATABASE_URL: localEndpoints.databaseUrl(this.databaseOf(service)),
      DATABASE_POOL_SIZE: '5',
      KAFKA_BROKERS: localEndpoints.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: localEndpoints.schemaRegistryUrl,
      KAFKA_TOPIC_PREFIX: `${this.run}.`,
      AUTH_JWT_SECRET: E2E_SECRET,
      LOG_LEVEL: 'info',
      SMTP_HOST: localEndpoints.smtp.host,
      SMTP_PORT: String(localEndpoints.smtp.port),
      PAYMENT_PROVIDER_LATENCY_MS: '0',
      PAYMENT_RETRY_BASE_DELAY_MS: '200',
      PAYMENT_RETRY_MAX_DELAY_MS: '1000',
      MAILER_RETRY_BASE_DELAY_MS: '200',
      MAILER_RETRY_MAX_DELAY_MS: '1000',
      ...this.extraEnv,
      ...this.serviceEnv.get(service),
    };
  }

  async start(): Promise<void> {
    mkdirSync(this.logDir, { recursive: true });
    for (const service of serviceNames) this.ports.set(service, await freePort());
    await Promise.all(serviceNames.map((service) => this.startService(service)));
  }

  /** Stops a service gracefully (SIGTERM, as a deploy would) and starts it again with `env` on top of its settings. */
  async restartService(service: ServiceName, env: Record<string, string>): Promise<void> {
    const running = this.processes.get(service);
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      await new Promise<void>((resolve) => {
        running.child.once('exit', () => resolve());
        running.child.kill('SIGTERM');
      });
      running.log.end();
    }
    this.serviceEnv.set(service, { ...this.serviceEnv.get(service), ...env });
    await this.startService(service);
  }

  async startService(service: ServiceName): Promise<void> {
    const log = createWriteStream(path.join(this.logDir, `${service}.log`), { flags: 'a' });
    const child = spawnService(service, { env: this.envOf(service), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    this.processes.set(service, { child, log });
    await this.waitUntilReady(service, child);
  }

  /** SIGKILL: no drain, no graceful shutdown — a crash. */
  async kill(service: ServiceName): Promise<void> {
    const running = this.processes.get(service);
    if (!running || running.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.child.once('exit', () => resolve());
      running.child.kill('SIGKILL');
    });
    running.log.end();
    // The process killed must be the service itself: nothing may answer on its port any more.
    const answered = await fetch(`${this.url(service)}/health/live`).then(() => true, () => false);
    if (answered) throw new Error(`${service} still answers after SIGKILL: the process killed was not the service`);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.values()].map(
        ({ child, log }) =>
          new Promise<void>((resolve) => {
            const done = () => {
              log.end();
              resolve();
            };
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      ),
    );
    await Promise.all(serviceNames.map((service) => dropDatabase(localEndpoints.postgresAdminUrl, this.databaseOf(service))));
  }

  private async waitUntilReady(service: ServiceName, child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${service} exited with code ${child.exitCode}; see ${this.logDir}/${service}.log`);
      const ready = await fetch(`${this.url(service)}/health/ready`).then((response) => response.ok, () => false);
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${service} was not ready within 90 s; see ${this.logDir}/${service}.log`);
  }
}
