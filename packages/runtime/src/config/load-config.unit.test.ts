import { z } from 'zod';
import { commonVariables } from './common-variables';
import { ConfigError, loadConfig } from './load-config';
import { defineServiceConfig } from './service-config';
import { variable } from './variable';

function problemsOf(work: () => unknown): readonly string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const ledger = defineServiceConfig(
  { name: 'ledger-service', port: 8585, database: 'boissipay_ledger' },
  {
    LEDGER_CURRENCY: variable({ description: 'Currency of the ledger, ISO 4217.', schema: z.string().regex(/^[A-Z]{3}$/), default: 'EUR' }),
    LEDGER_API_KEY: variable({ description: 'Key of the ledger provider.', schema: z.string().min(8), secret: true }),
  },
);
const archive = defineServiceConfig({ name: 'archive-service', port: 8686, database: 'boissipay_archive' }, {});

describe('loadConfig', () => {
  it('when nothing is set, then each service gets its own local port, database and client id', () => {
    const config = loadConfig(archive, {});
    expect(config.PORT).toBe(8686);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/boissipay_archive');
    expect(config.KAFKA_CLIENT_ID).toBe('archive-service');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
  });

  it("when a service declares variables, then it gets them beside the common ones, and another service's are not read", () => {
    const config = loadConfig(ledger, { LEDGER_API_KEY: 'k-12345678' });
    expect(config).toMatchObject({ LEDGER_CURRENCY: 'EUR', LEDGER_API_KEY: 'k-12345678', PORT: 8585 });
    expect(Object.keys(loadConfig(archive, { LEDGER_API_KEY: 'k-12345678' }))).not.toContain('LEDGER_API_KEY');
  });

  it('when a variable of the service has no default and is not set, then start-up fails naming it', () => {
    expect(problemsOf(() => loadConfig(ledger, {}))).toEqual([expect.stringMatching(/^LEDGER_API_KEY is required: Key of the ledger provider/)]);
  });

  it('when a service redeclares a common variable, then it is refused', () => {
    expect(() => defineServiceConfig(archive.identity, { PORT: commonVariables.PORT })).toThrow(/redeclares common variable\(s\) PORT/);
  });

  it('when values are set, then they are parsed into their types', () => {
    const config = loadConfig(archive, { PORT: '0', KAFKA_BROKERS: 'a:1, b:2', DATABASE_POOL_SIZE: '3' });
    expect(config).toMatchObject({ PORT: 0, KAFKA_BROKERS: ['a:1', 'b:2'], DATABASE_POOL_SIZE: 3 });
  });

  it('when the config is loaded, then it cannot be changed afterwards', () => {
    expect(Object.isFrozen(loadConfig(archive, {}))).toBe(true);
  });

  it('when production has no token secret nor JWKS URL, nor an audience, then start-up fails naming both', () => {
    const problems = problemsOf(() => loadConfig(archive, { NODE_ENV: 'production' }));
    expect(problems).toEqual([expect.stringMatching(/^AUTH_JWT_SECRET is required/), expect.stringMatching(/^AUTH_AUDIENCE is required/)]);
  });

  it('when production verifies tokens with a JWKS URL, then no secret is required', () => {
    const config = loadConfig(archive, { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://auth.example.com/jwks.json', AUTH_AUDIENCE: 'archive-service' });
    expect(config.AUTH_JWT_SECRET).toBeUndefined();
    expect(config.AUTH_JWKS_URL).toBe('https://auth.example.com/jwks.json');
  });

  it('when several variables are invalid, then every one is named in a single error, secrets masked', () => {
    const problems = problemsOf(() =>
      loadConfig(ledger, { PORT: 'eighty', DATABASE_URL: 'mysql://x', AUTH_JWT_SECRET: 'short', LOG_LEVEL: 'loud', LEDGER_API_KEY: 'tiny' }),
    );
    expect(problems.map((problem) => problem.split('=')[0])).toEqual(['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'AUTH_JWT_SECRET', 'LEDGER_API_KEY']);
    expect(problems.join('\n')).not.toContain('short');
    expect(problems.join('\n')).not.toContain('tiny');
  });

  it('when listed among the common variables, then every variable says what it is for', () => {
    for (const [name, spec] of Object.entries(commonVariables)) {
      expect(`${name}: ${spec.description}`.length).toBeGreaterThan(name.length + 10);
    }
  });
});
