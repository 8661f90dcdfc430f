export { createServiceMetrics, gaugeFromQuery, METRIC_PREFIX, observeConsumerLag, observeOutbox, observePool, type ServiceMetrics } from './service-metrics';
export { httpMetricsMiddleware, metricsRouter } from './http-metrics';
