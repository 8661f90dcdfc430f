import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { contextOfTraceParent, isUntracedPath, tracer, TRACEPARENT_HEADER } from '../../tracing/trace-context';

/**
 * A server span per request, continuing the caller's `traceparent`, for when the http
 * instrumentation is not preloaded (tests, a service started without `instrument.ts`): the
 * request's log lines and the events it enqueues then belong to the caller's trace all the
 * same. When the instrumentation did open a span for the request, it is left alone.
 */
export function requestSpanMiddleware(): RequestHandler {
  return (req, res, next) => {
    if (trace.getActiveSpan() || isUntracedPath(req.path)) return next();
    const parent = contextOfTraceParent(req.get(TRACEPARENT_HEADER));
    tracer.startActiveSpan(`${req.method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } }, parent, (span) => {
      res.on('close', () => {
        // The spec's route template, as the metrics label it (set by the OpenAPI validator).
        const route = (req as { openapi?: { openApiRoute?: string } }).openapi?.openApiRoute;
        if (route) span.updateName(`${req.method} ${route}`).setAttribute('http.route', route);
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      next();
    });
  };
}
