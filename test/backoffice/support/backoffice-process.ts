import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase } from '@boissipay/runtime';
import { freePort } from '@boissipay/runtime/testing';
import { localEndpoints } from '../../../infra/endpoints';
import type { Platform } from '../../e2e/support/platform';
import { spawnBackoffice } from '../../../scripts/service-process';

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * The back office as its own process (`node --import tsx backoffice/src/main.ts`, as `npm start`
 * runs it) in front of an end-to-end Platform: the same topic prefix, the services' URLs, the
 * local Keycloak, a scratch session database. It can be stopped and started again on the same
 * port, as a deploy would.
 */
export class BackofficeProcess {
  port = 0;
  private child?: ChildProcess;
  private readonly database: string;
  private readonly logFile: string;

  constructor(private readonly platform: Platform) {
    this.database = `${platform.run}_backoffice`;
    const logDir = path.join(repoRoot, 'infra/.runtime/logs/e2e', platform.run);
    mkdirSync(logDir, { recursive: true });
    this.logFile = path.join(logDir, 'backoffice.log');
  }

  /** Loopback by address: the realm's development redirect URIs allow any port there. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const { keycloak } = localEndpoints;
    const child = spawnBackoffice({
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(this.port),
        BACKOFFICE_PUBLIC_URL: this.url,
        DATABASE_URL: localEndpoints.databaseUrl(this.database),
        KAFKA_BROKERS: localEndpoints.kafkaBrokers.join(','),
        SCHEMA_REGISTRY_URL: localEndpoints.schemaRegistryUrl,
        KAFKA_TOPIC_PREFIX: `${this.platform.run}.`,
        CONTRACT_SERVICE_URL: this.platform.url('contract-service'),
        BILLING_SERVICE_URL: this.platform.url('billing-service'),
        PAYMENT_SERVICE_URL: this.platform.url('payment-service'),
        MAILER_SERVICE_URL: this.platform.url('invoice-mailer'),
        OIDC_ISSUER: keycloak.issuer,
        OIDC_BACKCHANNEL_URL: keycloak.discoveryUrl.replace(/\/\.well-known\/openid-configuration$/, ''),
      },
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the back office exited with code ${child.exitCode}; see ${this.logFile}`);
      if (await fetch(`${this.url}/health/ready`).then((response) => response.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the back office was not ready within 90 s; see ${this.logFile}`);
  }

  /** SIGTERM, as a deploy stops it; resolves once the process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    await dropDatabase(localEndpoints.postgresAdminUrl, this.database);
  }
}
