import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../logging';
import { bearerChallenge } from '../auth/bearer-challenge';
import { correlationIdOf } from '../middleware/correlation-id';
import { requestPath } from '../request-path';
import { ApiError } from './api-error';
import { buildErrorResponse } from './error-response';
import { mapError } from './map-error';

/** Reached by requests no route (nor the spec) matched, e.g. outside the spec's base path. */
export const notFoundHandler: RequestHandler = (req) => {
  throw new ApiError(404, 'NOT_FOUND', `No resource at ${requestPath(req)}.`);
};

/** The one place where failures become HTTP responses, all shaped as the spec's ErrorResponse. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      logger.error({ err: error }, 'request failed after its response had started');
      return next(error);
    }
    const path = requestPath(req);
    const mapped = mapError(error, path);
    if (mapped.unexpected) logger.error({ err: error, method: req.method, path }, 'request failed unexpectedly');
    const challenge = bearerChallenge(mapped.status, Boolean(req.get('authorization')));
    res.status(mapped.status).set(mapped.headers);
    if (challenge) res.set('WWW-Authenticate', challenge);
    // send(), not json(): the response validator wraps json() and would reject error
    // statuses an operation does not list, turning a clean 4xx into a 500.
    res.type('application/json').send(JSON.stringify(buildErrorResponse(mapped.entries, correlationIdOf(res))));
  };
}
