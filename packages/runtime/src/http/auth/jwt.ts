import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyOptions, type KeyLike } from 'jose';
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
 * Verifies against the authorization server's JWKS when one is configured, against the shared
 * HS256 secret when one is configured, and picks by the token's `alg` when both are (outside
 * production only, see authSettingsFromConfig). Pinning the algorithms of each key stops a token
 * from choosing its own (e.g. `none`, or HS256 signed with the public key). The issuer is
 * checked on the authorization server's tokens; the development tokens' trust is the secret.
 */
export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const options: JWTVerifyOptions = {
    audience: settings.audience || undefined,
    requiredClaims: ['sub', 'exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  const issuer = settings.issuer || undefined;
  const verifyWithJwks = settings.jwksUrl ? jwksVerifier(settings.jwksUrl, { ...options, issuer }) : undefined;
  const verifyWithSecret = settings.jwtSecret ? secretVerifier(settings.jwtSecret, { ...options, issuer: verifyWithJwks ? undefined : issuer }) : undefined;
  const onlyVerifier = verifyWithJwks ?? verifyWithSecret;
  if (!onlyVerifier) throw new Error('Bearer token verification needs AUTH_JWKS_URL or AUTH_JWT_SECRET.');
  const verify =
    verifyWithJwks && verifyWithSecret ? (token: string) => (algorithmOf(token) === 'HS256' ? verifyWithSecret : verifyWithJwks)(token) : onlyVerifier;
  const verified = new VerifiedTokens();
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = await verify(token);
      const principal = principalFrom(payload);
      verified.remember(token, principal, payload.exp);
      return principal;
    } catch (error) {
      throw asInvalidToken(error);
    }
  };
}

/** How many verified tokens are remembered, and for how long at most: a client sends the same token with every request until it expires. */
const VERIFIED_TOKENS_KEPT = 1_000;
const VERIFIED_TOKEN_TTL_MS = 60_000;

/**
 * The principals of tokens already verified, keyed by the whole token string, until the token's
 * `exp` (or a minute, whichever comes first): verifying the signature again for every request
 * of a client re-proves what was proven a moment earlier, at a cost the decision path feels. A
 * token is only ever remembered after it passed every check, and only until it would no longer
 * pass the expiry check; a failed verification is never remembered. Bounded: when full, the
 * oldest entry goes. A Map is all this needs (insertion order gives the oldest).
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() < entry.until) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  remember(token: string, principal: Principal, expiresAtSeconds: number | undefined): void {
    if (expiresAtSeconds === undefined) return;
    const until = Math.min(expiresAtSeconds * 1000, Date.now() + VERIFIED_TOKEN_TTL_MS);
    if (until <= Date.now()) return;
    if (this.entries.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal, until });
  }
}

function jwksVerifier(jwksUrl: string, options: JWTVerifyOptions) {
  const keySet = createRemoteJWKSet(new URL(jwksUrl));
  // Asymmetric algorithms only: the published keys must never serve as an HMAC secret.
  const algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
  return (token: string) => jwtVerify(token, keySet, { ...options, algorithms });
}

function secretVerifier(jwtSecret: string, options: JWTVerifyOptions) {
  const secret = new TextEncoder().encode(jwtSecret);
  return (token: string) => jwtVerify(token, secret, { ...options, algorithms: ['HS256'] });
}

function algorithmOf(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    throw new InvalidTokenError('The bearer token is invalid.');
  }
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
