/**
 * Prints a bearer token for calling the services locally, signed with the same HS256 secret
 * they verify with (AUTH_JWT_SECRET, or its local default).
 *
 *   npm run token -- contracts:read contracts:write [--sub local-dev] [--ttl 43200] [--aud billing-service] [--customers C1,C2]
 *
 * `--aud` names the service the token is for (its AUTH_AUDIENCE), by default this environment's AUTH_AUDIENCE.
 * `--customers` restricts the token to those customers' data (the `customers` claim); without it
 * the token is a back-office one, unrestricted.
 */
import { parseArgs } from 'node:util';
import { loadConfig, signAccessToken } from '@boissipay/runtime';
import { contractConfig } from '../contract-service/src/config';

const TWELVE_HOURS = 12 * 60 * 60;

async function main(): Promise<void> {
  const { values, positionals: scopes } = parseArgs({
    allowPositionals: true,
    options: {
      sub: { type: 'string', default: 'local-dev' },
      ttl: { type: 'string', default: String(TWELVE_HOURS) },
      aud: { type: 'string' },
      customers: { type: 'string' },
    },
  });
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new Error(`--ttl must be a positive number of seconds, got "${values.ttl}".`);
  const customers = values.customers?.split(',').map((ref) => ref.trim()).filter(Boolean);
  if (customers?.length === 0) throw new Error('--customers needs at least one customer reference, e.g. --customers CUST-1,CUST-2.');
  if (scopes.length === 0) console.warn('No scope given: the token will be refused by every secured operation (403).');

  // Every service shares the auth settings; any service name reads the same values.
  const config = loadConfig(contractConfig);
  if (config.AUTH_JWKS_URL && config.NODE_ENV === 'production') console.warn('AUTH_JWKS_URL is set in production: the services trust the JWKS only and refuse this HS256 token.');

  const token = await signAccessToken(
    { secret: config.AUTH_JWT_SECRET },
    { subject: values.sub, scopes, ttlSeconds, issuer: config.AUTH_ISSUER, audience: values.aud ?? config.AUTH_AUDIENCE, customers },
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
