import type { Agent } from 'supertest';
import type request from 'supertest';
import type { AuditEventResponse } from '../audit';
import type { PageMetadata } from '../http/pagination';
import { expectError } from './error-response';

type Api = ReturnType<typeof request> | Agent;

export interface AuditEventsPage {
  auditEvents: AuditEventResponse[];
  metadata: PageMetadata;
}

/** GET /v1/audit-events with `token` (which needs audit:read), expecting a 200. */
export async function readAuditEvents(api: Api, token: string, query: Record<string, string | number> = {}): Promise<AuditEventsPage> {
  const response = await api.get('/v1/audit-events').query(query).set('Authorization', `Bearer ${token}`);
  expect(response.status).toBe(200);
  return response.body as AuditEventsPage;
}

/**
 * The list refuses a caller without a token (401) and one without audit:read (403), whatever
 * other scopes it has.
 */
export async function expectAuditEventsGuarded(api: Api, tokenWithoutAuditRead: string): Promise<void> {
  expectError(await api.get('/v1/audit-events'), 401, 'UNAUTHORIZED');
  expectError(await api.get('/v1/audit-events').set('Authorization', `Bearer ${tokenWithoutAuditRead}`), 403, 'FORBIDDEN');
}
