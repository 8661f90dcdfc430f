import { Router, type RequestHandler } from 'express';
import type { ServiceMetrics } from './service-metrics';

/**
 * Times every request and labels it with the route template of the spec (`/v1/contracts/{contractRef}`),
 * never the concrete path, so that ids do not become series; what no operation matched is `unmatched`.
 */
export function httpMetricsMiddleware(metrics: ServiceMetrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpRequestDuration.startTimer();
    res.once('close', () => {
      const route = (req as { openapi?: { openApiRoute?: string } }).openapi?.openApiRoute ?? (req.path.startsWith('/health/') ? req.path : 'unmatched');
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

/** GET /metrics in the Prometheus text format: outside the API (no token), like the health probes. */
export function metricsRouter(metrics: ServiceMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
