import type { Database, Transaction } from '@boissipay/runtime';
import type * as schema from './schema';

export type MailerSchema = typeof schema;
export type MailerDatabase = Database<MailerSchema>;
export type MailerTransaction = Transaction<MailerSchema>;
/** Reads work on the pool or inside a transaction alike. */
export type Queryable = MailerDatabase | MailerTransaction;
