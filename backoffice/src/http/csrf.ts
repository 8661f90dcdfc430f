import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Synchronizer token: one random token per session, put in every form and checked on every
 * POST. A few lines over the session we already keep; csrf-csrf and the like implement the
 * double-submit cookie, meant for servers without a session. SameSite=Lax cookies already stop
 * most cross-site posts; this covers the rest (older browsers, same-site subdomains).
 */
export function csrfTokenOf(request: Request): string {
  request.session.csrfToken ??= randomBytes(32).toString('base64url');
  return request.session.csrfToken;
}

export function requireCsrfToken(request: Request, response: Response, next: NextFunction): void {
  if (request.method !== 'POST') return next();
  const sent = String((request.body as Record<string, unknown> | undefined)?._csrf ?? request.get('x-csrf-token') ?? '');
  const expected = request.session.csrfToken ?? '';
  const same = sent.length === expected.length && expected.length > 0 && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!same) {
    response.status(403).type('text/plain').send('Invalid or missing CSRF token: reload the page and try again.');
    return;
  }
  next();
}
