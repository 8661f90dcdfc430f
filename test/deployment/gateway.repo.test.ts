import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { commonVariables } from '../../packages/runtime/src/config/common-variables';
import { serviceIdentities } from '../../scripts/platform';
import { readCompose, readRepoFile, repoRoot } from './repo-files';

const CONFIG = 'infra/gateway/nginx.conf';
const config = readRepoFile(CONFIG);
const compose = readCompose();

/** The service each spec describes, and the upstream variable of nginx.conf that reaches it. */
const specs: Record<string, { service: keyof typeof serviceIdentities; upstream: string; docsPrefix: string }> = {
  'contract.yaml': { service: 'contract-service', upstream: '$contract_service', docsPrefix: '/contract' },
  'billing.yaml': { service: 'billing-service', upstream: '$billing_service', docsPrefix: '/billing' },
  'payment.yaml': { service: 'payment-service', upstream: '$payment_service', docsPrefix: '/payment' },
  'mailer.yaml': { service: 'invoice-mailer', upstream: '$invoice_mailer', docsPrefix: '/mailer' },
};

/** The regex locations in the order nginx tries them, with the upstream each proxies to. */
function regexLocations(): Array<{ pattern: RegExp; upstream: string }> {
  return [...config.matchAll(/location ~ (\S+) \{([^}]*)\}/g)].map(([, pattern, body]) => ({
    pattern: new RegExp(pattern as string),
    upstream: /proxy_pass (\$\w+);/.exec(body as string)?.[1] ?? 'none',
  }));
}

function upstreamOf(uri: string): string | undefined {
  return regexLocations().find(({ pattern }) => pattern.test(uri))?.upstream;
}

function apiPathsOf(specFile: string): string[] {
  return Object.keys((parse(readRepoFile(`specs/openapi/${specFile}`)) as { paths: Record<string, unknown> }).paths);
}

/**
 * Every path of a spec as a concrete request path through the gateway, parameters filled in: a
 * path every service serves (the audit trail) is reached under the service's prefix.
 */
function requestPathsOf(specFile: string, prefix: string): string[] {
  const elsewhere = new Set(Object.keys(specs).filter((other) => other !== specFile).flatMap(apiPathsOf));
  return apiPathsOf(specFile).map((apiPath) => `${elsewhere.has(apiPath) ? prefix : ''}/v1${apiPath.replace(/\{[^}]+\}/g, 'SAMPLE-1')}`);
}

function bytesOf(size: string): number {
  const match = /^(\d+)(b|k|kb|m|mb)$/i.exec(size);
  if (!match) throw new Error(`unreadable size ${size}`);
  const unit = (match[2] as string).toLowerCase()[0];
  return Number(match[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1);
}

describe('the gateway (infra/gateway/nginx.conf)', () => {
  it('when every spec is read, then each of its paths is routed to the service that serves it, and its docs under its prefix', () => {
    expect(readdirSync(path.join(repoRoot, 'specs', 'openapi')).filter((file) => file.endsWith('.yaml')).sort()).toEqual(Object.keys(specs).sort());
    const misrouted: string[] = [];
    for (const [specFile, { upstream, docsPrefix }] of Object.entries(specs)) {
      for (const uri of requestPathsOf(specFile, docsPrefix)) if (upstreamOf(uri) !== upstream) misrouted.push(`${uri} -> ${upstreamOf(uri)}, expected ${upstream}`);
      for (const uri of [`${docsPrefix}/docs/`, `${docsPrefix}/docs/swagger-ui-init.js`, `${docsPrefix}/openapi.json`]) {
        if (upstreamOf(uri) !== upstream) misrouted.push(`${uri} -> ${upstreamOf(uri)}, expected ${upstream}`);
      }
    }
    expect(misrouted).toEqual([]);
  });

  it('when a path is no API path, then it is not proxied: the services\' health and metrics stay inside the network', () => {
    for (const uri of ['/metrics', '/health/ready', '/contract/metrics', '/v1/contractsX', '/v1', '/billing/health/ready']) expect(upstreamOf(uri)).toBeUndefined();
  });

  it('when an upstream is named, then it is the compose service on its port', () => {
    for (const { service, upstream } of Object.values(specs)) {
      expect(config).toContain(`set ${upstream} http://${service}:${serviceIdentities[service].port};`);
    }
  });

  it('the gateway lets through the largest body the services accept, and sets its timeouts', () => {
    const limit = /client_max_body_size (\w+);/.exec(config)?.[1] ?? '0';
    expect(bytesOf(limit)).toBeGreaterThanOrEqual(bytesOf(String(commonVariables.HTTP_BODY_LIMIT.default)));
    for (const directive of ['proxy_connect_timeout', 'proxy_read_timeout', 'proxy_send_timeout', 'client_body_timeout']) expect(config).toMatch(new RegExp(`${directive} \\d+s;`));
  });

  it('compose runs it with this file, publishes it and checks its health', () => {
    const gateway = compose.services.gateway;
    expect(gateway?.volumes).toContain(`./${CONFIG}:/etc/nginx/nginx.conf:ro`);
    expect(gateway?.ports).toEqual(['${GATEWAY_HOST_PORT:-8000}:8000']);
    expect(JSON.stringify(gateway?.healthcheck?.test)).toContain('http://127.0.0.1:8000/health');
  });
});

/** Debian's nginx package; .ci/run installs it when missing. */
const nginx = spawnSync('nginx', ['-v']).status === 0 ? 'nginx' : undefined;
if (!nginx) console.warn('nginx not found: the `nginx -t` check of infra/gateway/nginx.conf is skipped (apt-get install nginx)');

(nginx ? describe : describe.skip)('infra/gateway/nginx.conf read by nginx', () => {
  it('when nginx tests the file, then it is valid (service names are resolved at request time, so no compose network is needed)', () => {
    const prefix = mkdtempSync(path.join(tmpdir(), 'gateway-'));
    try {
      // stdout goes nowhere but is a real file: the access log is /dev/stdout, as in the container.
      const result = spawnSync('nginx', ['-t', '-q', '-e', 'stderr', '-p', prefix, '-c', path.join(repoRoot, CONFIG)], {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
