import session from 'express-session';
import pgSession from 'connect-pg-simple';
import type { Pool } from 'pg';
import type { TokenSet } from './oidc-client';

declare module 'express-session' {
  interface SessionData {
    tokens: TokenSet;
    /** Between the redirect to Keycloak and its return. */
    login: { verifier: string; state: string; returnTo: string };
    csrfToken: string;
  }
}

/**
 * Sessions in PostgreSQL (connect-pg-simple, its table created if missing): tokens never reach
 * the browser, which holds only a signed, httpOnly, SameSite=Lax session id; and a restart of the
 * back office logs nobody out. Lax, not Strict: Keycloak's redirect back is a cross-site navigation
 * that must carry the cookie.
 */
export function sessionMiddleware(options: { pool: Pool; secret: string; secure: boolean }) {
  const Store = pgSession(session);
  return session({
    store: new Store({ pool: options.pool, tableName: 'backoffice_sessions', createTableIfMissing: true }),
    name: 'boissipay.sid',
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: 8 * 60 * 60 * 1000 },
  });
}
