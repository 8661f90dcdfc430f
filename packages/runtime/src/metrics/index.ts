export { createServiceMetrics, gaugeFromQuery, METRIC_PREFIX, observeOutbox, observePool, type ServiceMetrics } from './service-metrics';
export { httpMetricsMiddleware, metricsRouter } from './http-metrics';
