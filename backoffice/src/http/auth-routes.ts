import type { NextFunction, Request, Response, Router } from 'express';
import type { Logger } from '@boissipay/runtime';
import { permissionsOf, rolesOf, scopesOf, type Permissions } from '../domain/permissions';
import { unverifiedClaims, type OidcClient, type TokenSet } from '../infra/oidc-client';

/** A token is refreshed this long before it expires, so a call never leaves with a dying one. */
const REFRESH_MARGIN_MS = 30_000;

export interface SignedIn {
  tokens: TokenSet;
  name: string;
  permissions: Permissions;
}

declare module 'express-serve-static-core' {
  interface Locals {
    signedIn: SignedIn;
  }
}

/** /auth/login, /auth/callback, /auth/logout: authorization code with PKCE, tokens kept in the session. */
export function authRoutes(router: Router, options: { oidc: OidcClient; publicUrl: string; logger: Logger }): void {
  const { oidc, publicUrl } = options;
  const callbackUrl = `${publicUrl}/auth/callback`;

  router.get('/auth/login', async (request, response, next) => {
    try {
      const returnTo = typeof request.query.returnTo === 'string' && request.query.returnTo.startsWith('/') && !request.query.returnTo.startsWith('//') ? request.query.returnTo : '/';
      const login = await oidc.startLogin(callbackUrl);
      request.session.login = { verifier: login.verifier, state: login.state, returnTo };
      request.session.save(() => response.redirect(login.url));
    } catch (error) {
      next(error);
    }
  });

  router.get('/auth/callback', async (request, response, next) => {
    const login = request.session.login;
    if (!login) return response.redirect('/auth/login');
    try {
      const url = new URL(request.originalUrl, publicUrl);
      const tokens = await oidc.finishLogin(url, login);
      // A new session id after login: a session id planted before it is worth nothing.
      request.session.regenerate((error) => {
        if (error) return next(error);
        request.session.tokens = tokens;
        request.session.save(() => response.redirect(login.returnTo));
      });
    } catch (error) {
      options.logger.warn({ err: error }, 'login refused');
      delete request.session.login;
      response.status(400).type('text/plain').send('The login could not be completed; go to /auth/login to try again.');
    }
  });

  router.post('/auth/logout', async (request, response) => {
    const tokens = request.session.tokens;
    const target = await oidc.logoutUrl(tokens, `${publicUrl}/auth/logged-out`).catch(() => '/auth/logged-out');
    request.session.destroy(() => response.redirect(303, target));
  });

  router.get('/auth/logged-out', (_request, response) => {
    response.type('html').send('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Boissipay</title><link rel="stylesheet" href="/assets/app.css"></head><body><main id="main"><h1>Boissipay</h1><p>Vous êtes déconnecté. / You are logged out.</p><p><a href="/auth/login">Se connecter / Log in</a></p></main></body></html>');
  });
}

/** Every page and the live stream need a login; the token is refreshed when it is about to expire. */
export function requireLogin(oidc: OidcClient) {
  return async (request: Request, response: Response, next: NextFunction) => {
    let tokens = request.session.tokens;
    if (!tokens) {
      if (request.method === 'GET' && request.accepts(['html', 'text/event-stream']) === 'html') return response.redirect(`/auth/login?returnTo=${encodeURIComponent(request.originalUrl)}`);
      return response.status(401).type('text/plain').send('Log in first: /auth/login');
    }
    if (tokens.expiresAt - REFRESH_MARGIN_MS < Date.now()) {
      try {
        tokens = await oidc.refresh(tokens);
        request.session.tokens = tokens;
      } catch {
        delete request.session.tokens;
        return response.redirect(`/auth/login?returnTo=${encodeURIComponent(request.originalUrl)}`);
      }
    }
    const claims = unverifiedClaims(tokens.accessToken);
    const name = String(claims.preferred_username ?? claims.sub ?? '?');
    response.locals.signedIn = { tokens, name, permissions: permissionsOf(scopesOf(claims.scope), rolesOf(claims.realm_access)) };
    next();
  };
}
