import { AsyncResource } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from '../../logging';
import { requestPath } from '../request-path';

/** One line per request, once the response is over (or the client gave up). */
export function requestLogMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Bound so the line is written inside the request's correlation context, which the
    // socket's own event would not carry.
    res.once(
      'close',
      AsyncResource.bind(() => {
        const path = requestPath(req);
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const entry = { method: req.method, path, status: res.statusCode, durationMs, aborted: !res.writableFinished };
        // Probes hit /health every few seconds; at info they would drown the useful lines.
        if (path.startsWith('/health/')) logger.debug(entry, 'request completed');
        else logger.info(entry, 'request completed');
      }),
    );
    next();
  };
}
