import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { Pool } from 'pg';
import { errorResponseSchema } from '@boissipay/runtime/testing';
import { startBillingUnderTest } from '../../billing-service/test/support/billing-under-test';
import { billingService } from '../../billing-service/src/service';
import { startContractService } from '../../contract-service/test/support/contract-service-under-test';
import { contractService } from '../../contract-service/src/service';
import { startMailer } from '../../invoice-mailer/test/support/mailer-under-test';
import { mailerService } from '../../invoice-mailer/src/service';
import { startPaymentService } from '../../payment-service/test/support/payment-service-under-test';
import { paymentService } from '../../payment-service/src/service';
import { hostileRequestFor, type HostileRequest } from './support/hostile-arbitraries';
import { operationsOf, type Operation } from './support/openapi-operations';

/**
 * Property-based: thousands of invalid and hostile requests, derived from each service's
 * OpenAPI spec, over every operation of the four services. Whatever the input, a service
 * answers below 500, every error is the spec's ErrorResponse, and a request refused as
 * malformed, unauthenticated, forbidden or unknown writes nothing.
 */
const TOTAL_REQUESTS = 5_000;
// The same requests on every run, so a failure in CI is one to reproduce; FUZZ_SEED=<n> explores other ones.
const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20_261_203);
// Refusals that must leave the database untouched (409 and 422 are business outcomes: a rejected purchase is recorded by design).
const NOTHING_WRITTEN = new Set([400, 401, 403, 404, 405, 406, 413, 415]);

interface Target {
  name: string;
  port(): number;
  pool(): Pool;
  token: string;
  operations: Operation[];
  stop(): Promise<void>;
}

async function rowCount(pool: Pool): Promise<number> {
  const tables = await pool.query<{ name: string }>("select quote_ident(table_name) as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");
  const sum = tables.rows.map(({ name }) => `(select count(*) from ${name})`).join(' + ');
  return Number((await pool.query<{ total: string }>(`select ${sum} as total`)).rows[0]?.total);
}

/** node:http rather than fetch: it sends what a hostile client would, a GET with a body included. */
function send(target: Target, request: HostileRequest): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port(),
        method: request.method.toUpperCase(),
        path: request.url,
        headers: {
          ...request.headers,
          ...(request.body !== undefined ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}),
          ...(request.authenticated ? { authorization: `Bearer ${target.token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

describe('hostile requests over every operation of the four APIs', () => {
  const targets: Target[] = [];
  let sent = 0;

  beforeAll(async () => {
    const [contract, billing, payment, mailer] = await Promise.all([startContractService(), startBillingUnderTest(), startPaymentService(), startMailer()]);
    const all = [
      { name: 'contract-service', under: contract, specPath: contractService.specPath },
      { name: 'billing-service', under: billing, specPath: billingService.specPath },
      { name: 'payment-service', under: payment, specPath: paymentService.specPath },
      { name: 'invoice-mailer', under: mailer, specPath: mailerService.specPath },
    ];
    for (const { name, under, specPath } of all) {
      const operations = operationsOf(specPath);
      targets.push({
        name,
        port: () => under.service.port,
        pool: () => under.service.context.pool,
        token: await under.token(operations[0]?.scopes ?? []),
        operations,
        stop: () => under.stop(),
      });
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all(targets.map((target) => target.stop()));
  }, 120_000);

  it.each(['contract-service', 'billing-service', 'payment-service', 'invoice-mailer'])(
    'when %s gets invalid and hostile requests, then no 5xx, every error in the spec shape, nothing written by a refusal',
    async (name) => {
      const target = targets.find((candidate) => candidate.name === name)!;
      const operationCount = targets.reduce((total, candidate) => total + candidate.operations.length, 0);
      const runs = Math.ceil(TOTAL_REQUESTS / operationCount);
      for (const operation of target.operations) {
        await fc.assert(
          fc.asyncProperty(hostileRequestFor(operation), async (request) => {
            const before = await rowCount(target.pool());
            const response = await send(target, request);
            sent += 1;
            const where = `${operation.operationId}: ${request.method.toUpperCase()} ${request.url.slice(0, 200)} → ${response.status} ${response.text.slice(0, 300)}`;
            if (response.status >= 500) throw new Error(`5xx for ${where}`);
            if (response.status >= 400) {
              expect({ where, contentType: response.contentType }).toEqual({ where, contentType: expect.stringMatching(/^application\/json/) });
              const shape = errorResponseSchema.safeParse(JSON.parse(response.text));
              if (!shape.success) throw new Error(`not an ErrorResponse for ${where}: ${shape.error.message}`);
              if (NOTHING_WRITTEN.has(response.status) && (await rowCount(target.pool())) !== before) throw new Error(`rows written by a refused request: ${where}`);
            }
          }),
          { numRuns: runs, seed: fuzzSeed, endOnFailure: true },
        );
      }
    },
    240_000,
  );

  afterAll(() => {
    // At least TOTAL_REQUESTS were sent when every property ran in full.
    if (sent > 0) console.warn(`hostile requests sent: ${sent}`);
  });
});
