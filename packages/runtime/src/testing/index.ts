export { errorResponseSchema, expectError, type ErrorBody } from './error-response';
export { createScratchDatabase, type ScratchDatabase } from './scratch-database';
export { deleteTopicsWithPrefix, startGroupAtEndOf } from './scratch-topics';
export { startServiceUnderTest, testPostgresAdminUrl, type ServiceUnderTest, type ServiceUnderTestOptions } from './service-under-test';
export { uniqueSuffix } from './unique-suffix';
export { waitFor } from './wait-for';
export { metricValue, parseMetrics, type MetricSample } from './metrics-text';
export { freePort } from './free-port';
export { expectAuditEventsGuarded, readAuditEvents, type AuditEventsPage } from './audit-trail';
