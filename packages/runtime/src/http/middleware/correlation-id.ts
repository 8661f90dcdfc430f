import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { CORRELATION_HEADER, runWithCorrelationId } from '../../logging';

// A caller-supplied id lands in every log line; anything beyond this shape could forge or
// flood log entries, so it is replaced rather than trusted.
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Adopts the caller's correlation id (or mints one), echoes it, and scopes the request to it. */
export function correlationIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const supplied = req.get(CORRELATION_HEADER);
    const correlationId = supplied && ACCEPTED_ID.test(supplied) ? supplied : randomUUID();
    res.locals.correlationId = correlationId;
    res.set(CORRELATION_HEADER, correlationId);
    runWithCorrelationId(correlationId, () => next());
  };
}

export function correlationIdOf(res: Response): string {
  return typeof res.locals.correlationId === 'string' ? res.locals.correlationId : 'unknown';
}
