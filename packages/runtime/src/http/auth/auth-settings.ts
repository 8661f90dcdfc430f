import type { CommonConfig } from '../../config';

/** How bearer tokens are checked; empty issuer/audience mean "not checked". */
export interface AuthSettings {
  jwtSecret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export function authSettingsFromConfig(config: Pick<CommonConfig, 'AUTH_JWT_SECRET' | 'AUTH_JWKS_URL' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>): AuthSettings {
  return {
    jwtSecret: config.AUTH_JWT_SECRET,
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
  };
}
