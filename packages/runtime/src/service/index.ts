export { runServiceMain } from './run-service-main';
export {
  consume,
  defineService,
  type BackgroundJob,
  type BackgroundWorker,
  type ConsumerBinding,
  type ScheduledJob,
  type ServiceContext,
  type ServiceDefinition,
  type ServiceParts,
} from './service-definition';
export { startSchedules } from './schedules';
export { startService, type RunningService, type RunningServiceOf, type StartOptions } from './start-service';
export { migrateServiceDatabase } from './migrate-service-database';
