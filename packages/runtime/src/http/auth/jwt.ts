import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyOptions, type KeyLike } from 'jose';
import type { AuthSettings } from './auth-settings';

/** Who called, as proven by a verified bearer token. */
export interface Principal {
  subject: string;
  scopes: readonly string[];
  /**
   * The customers (customerRefs) the caller acts for, from the token's `customers` claim:
   * every read and write is limited to their data. Undefined for a back-office token, which
   * carries no such claim and sees every customer (docs/architecture.md, Customer isolation).
   */
  customers?: readonly string[];
}

export type TokenVerifier = (token: string) => Promise<Principal>;

/** The token was presented but cannot be trusted; the message is safe to show the caller. */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

// Tolerates small clock drift between the token issuer and this host.
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies against the authorization server's JWKS when one is configured, otherwise against
 * the shared HS256 secret used locally and in tests. Pinning HS256 for the secret stops a
 * token from choosing its own algorithm (e.g. `none`).
 */
export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const options: JWTVerifyOptions = {
    issuer: settings.issuer || undefined,
    audience: settings.audience || undefined,
    requiredClaims: ['sub', 'exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  const verify = verifierFor(settings, options);
  return async (token) => {
    try {
      return principalFrom((await verify(token)).payload);
    } catch (error) {
      throw asInvalidToken(error);
    }
  };
}

function verifierFor(settings: AuthSettings, options: JWTVerifyOptions) {
  if (settings.jwksUrl) {
    const keySet = createRemoteJWKSet(new URL(settings.jwksUrl));
    return (token: string) => jwtVerify(token, keySet, options);
  }
  if (!settings.jwtSecret) throw new Error('Bearer token verification needs AUTH_JWKS_URL or AUTH_JWT_SECRET.');
  const secret = new TextEncoder().encode(settings.jwtSecret);
  return (token: string) => jwtVerify(token, secret, { ...options, algorithms: ['HS256'] });
}

/** Problems with the token itself become InvalidTokenError; an unreachable JWKS stays an outage. */
function asInvalidToken(error: unknown): unknown {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return error;
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('The bearer token has expired.');
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof errors.JOSEError) return new InvalidTokenError('The bearer token is invalid.');
  return error;
}

function principalFrom(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('The bearer token has no subject.');
  const customers = customersOf(payload[CUSTOMERS_CLAIM]);
  return { subject: payload.sub, scopes: scopesOf(payload.scope), ...(customers ? { customers } : {}) };
}

/** The private claim naming the customers a token acts for. */
export const CUSTOMERS_CLAIM = 'customers';

/**
 * Absent means unrestricted; anything but a non-empty array of non-empty strings is refused
 * rather than guessed at: a token whose restriction cannot be read must not pass as unrestricted.
 */
function customersOf(claim: unknown): string[] | undefined {
  if (claim === undefined) return undefined;
  const valid = Array.isArray(claim) && claim.length > 0 && claim.every((ref) => typeof ref === 'string' && ref !== '');
  if (!valid) throw new InvalidTokenError(`The bearer token's "${CUSTOMERS_CLAIM}" claim must be a non-empty array of customer references.`);
  return [...new Set(claim as string[])];
}

/** RFC 8693 puts scopes in a space-separated `scope` string; some issuers send an array. */
function scopesOf(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(' ').filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((scope): scope is string => typeof scope === 'string');
  return [];
}

export type SigningKey = { secret: string } | { privateKey: KeyLike; algorithm: string; keyId?: string };

export interface AccessTokenClaims {
  subject: string;
  scopes: readonly string[];
  /** Lifetime from now; a negative value yields an already expired token. */
  ttlSeconds: number;
  issuer?: string;
  audience?: string;
  /** Restricts the token to these customers (the `customers` claim); absent for a back-office token. */
  customers?: readonly string[];
}

/** Issues tokens the way the authorization server would: for local use, scripts and tests. */
export async function signAccessToken(key: SigningKey, claims: AccessTokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  // An expired token is backdated so that it was once valid, as a real one would have been.
  const jwt = new SignJWT({ scope: claims.scopes.join(' '), ...(claims.customers ? { [CUSTOMERS_CLAIM]: [...claims.customers] } : {}) })
    .setSubject(claims.subject)
    .setIssuedAt(Math.min(now, now + claims.ttlSeconds))
    .setExpirationTime(now + claims.ttlSeconds);
  if (claims.issuer) jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt.setAudience(claims.audience);
  if ('secret' in key) return jwt.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(key.secret));
  return jwt.setProtectedHeader({ alg: key.algorithm, typ: 'JWT', ...(key.keyId ? { kid: key.keyId } : {}) }).sign(key.privateKey);
}
