import { authSettingsFromConfig } from './auth-settings';

const config = {
  AUTH_JWT_SECRET: 'boissipay-local-development-secret',
  AUTH_JWKS_URL: 'http://127.0.0.1:8090/realms/boissipay/protocol/openid-connect/certs',
  AUTH_ISSUER: 'http://localhost:8090/realms/boissipay',
  AUTH_AUDIENCE: 'billing-service',
};

describe('authSettingsFromConfig', () => {
  it('when a JWKS URL is set outside production, then the development secret is still accepted beside it', () => {
    for (const NODE_ENV of ['development', 'test'] as const) {
      expect(authSettingsFromConfig({ ...config, NODE_ENV })).toEqual({
        jwtSecret: config.AUTH_JWT_SECRET,
        jwksUrl: config.AUTH_JWKS_URL,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
      });
    }
  });

  it('when a JWKS URL is set in production, then only the JWKS is trusted, even if a secret is set too', () => {
    expect(authSettingsFromConfig({ ...config, NODE_ENV: 'production' }).jwtSecret).toBeUndefined();
  });

  it('when no JWKS URL is set in production, then the secret is the way tokens are checked', () => {
    expect(authSettingsFromConfig({ ...config, AUTH_JWKS_URL: '', NODE_ENV: 'production' }).jwtSecret).toBe(config.AUTH_JWT_SECRET);
  });
});
