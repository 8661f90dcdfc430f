import type { CommonConfig } from '../../config';

/**
 * How bearer tokens are checked; empty issuer/audience mean "not checked".
 *
 * With a JWKS URL, tokens of the authorization server (RS256, ES256…) are checked against its
 * published keys and the issuer. Outside production the HS256 development secret is accepted
 * as well, so `npm run token` and the test helpers keep working beside a local Keycloak; in
 * production a JWKS URL means the JWKS only.
 */
export interface AuthSettings {
  jwtSecret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export function authSettingsFromConfig(
  config: Pick<CommonConfig, 'NODE_ENV' | 'AUTH_JWT_SECRET' | 'AUTH_JWKS_URL' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>,
): AuthSettings {
  const jwksOnly = config.NODE_ENV === 'production' && Boolean(config.AUTH_JWKS_URL);
  return {
    jwtSecret: jwksOnly ? undefined : config.AUTH_JWT_SECRET,
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
  };
}
