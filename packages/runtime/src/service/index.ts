export { runServiceMain } from './run-service-main';
export type { BackgroundJob, ConsumerDefinition, ServiceContext, ServiceDefinition } from './service-definition';
export { startService, type RunningService, type StartOptions } from './start-service';
export { migrateServiceDatabase } from './migrate-service-database';
