import { catalogue } from './catalogue';
import { ConfigError, loadConfig } from './load-config';

function problemsOf(work: () => unknown): readonly string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('when nothing is set, then each service gets its own local port and database', () => {
    const billing = loadConfig('billing-service', {});
    expect(billing.PORT).toBe(8181);
    expect(billing.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/boissipay_billing');
    expect(billing.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(loadConfig('contract-service', {}).PORT).toBe(8080);
  });

  it('when values are set, then they are parsed into their types', () => {
    const config = loadConfig('payment-service', { PORT: '0', KAFKA_BROKERS: 'a:1, b:2', DATABASE_POOL_SIZE: '3' });
    expect(config).toMatchObject({ PORT: 0, KAFKA_BROKERS: ['a:1', 'b:2'], DATABASE_POOL_SIZE: 3 });
  });

  it('when the config is loaded, then it cannot be changed afterwards', () => {
    const config = loadConfig('invoice-mailer', {});
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when production has no token secret nor JWKS URL, then start-up fails naming AUTH_JWT_SECRET', () => {
    const problems = problemsOf(() => loadConfig('billing-service', { NODE_ENV: 'production' }));
    expect(problems).toEqual([expect.stringMatching(/^AUTH_JWT_SECRET is required/)]);
  });

  it('when production verifies tokens with a JWKS URL, then no secret is required', () => {
    const config = loadConfig('billing-service', { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://auth.example.com/jwks.json' });
    expect(config.AUTH_JWT_SECRET).toBeUndefined();
    expect(config.AUTH_JWKS_URL).toBe('https://auth.example.com/jwks.json');
  });

  it('when several variables are invalid, then every one is named in a single error', () => {
    const problems = problemsOf(() =>
      loadConfig('contract-service', { PORT: 'eighty', DATABASE_URL: 'mysql://x', AUTH_JWT_SECRET: 'short', LOG_LEVEL: 'loud' }),
    );
    expect(problems.map((problem) => problem.split('=')[0])).toEqual(['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'AUTH_JWT_SECRET']);
    expect(problems.join('\n')).not.toContain('short');
  });

  it('when listed in the catalogue, then every variable says what it is for', () => {
    for (const [name, spec] of Object.entries(catalogue)) {
      expect(`${name}: ${spec.description}`.length).toBeGreaterThan(name.length + 10);
    }
  });
});
