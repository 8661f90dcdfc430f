export { dropDatabase, ensureDatabase } from './database-admin';
export { createDatabase, withTransaction, type Database, type Transaction } from './database';
export { idempotentTransaction, IdempotencyKeyTaken, type SeenUnderKey, type StoredRequest } from './idempotent-transaction';
export { runMigrations } from './migrations';
export { listenForNotifications, type NotificationListener } from './notification-listener';
export { outbox, type OutboxRow } from './outbox.table';
export { createPool, withConnectionSettings } from './pool';
export { processedEvents } from './processed-events.table';
