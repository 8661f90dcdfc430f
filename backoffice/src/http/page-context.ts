import type { Request, Response } from 'express';
import { render } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { csrfTokenOf } from './csrf';
import { languageOf, messages } from './i18n';
import type { PageContext } from './pages/layout';

export function pageContextOf(request: Request, response: Response): PageContext {
  const lang = languageOf(request);
  const t = messages[lang];
  const { signedIn } = response.locals;
  const done = request.query.done === '1';
  const error = typeof request.query.error === 'string' ? request.query.error : undefined;
  return {
    t,
    lang,
    path: request.path,
    user: { name: signedIn.name, permissions: signedIn.permissions },
    csrf: csrfTokenOf(request),
    notice: error ? { kind: 'error', text: `${t.error}: ${error}` } : done ? { kind: 'done', text: t.done } : undefined,
  };
}

export function sendPage(response: Response, page: VNode, status = 200): void {
  response.status(status).type('html').send(`<!doctype html>${render(page)}`);
}

/** The first message of an API's ErrorResponse, or its status. */
export function apiErrorText(error: unknown, status: number): string {
  const first = (error as { errors?: Array<{ code?: string; message?: string }> } | undefined)?.errors?.[0];
  return first ? `${first.code ?? status} — ${first.message ?? ''}` : `HTTP ${status}`;
}

/** Back to the page the action was made from, with the outcome in the query (post/redirect/get). */
export function redirectAfter(response: Response, to: string, outcome: { ok: true } | { ok: false; text: string }): void {
  const separator = to.includes('?') ? '&' : '?';
  response.redirect(303, outcome.ok ? `${to}${separator}done=1` : `${to}${separator}error=${encodeURIComponent(outcome.text)}`);
}

export const queryText = (request: Request, name: string): string | undefined => {
  const value = request.query[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
