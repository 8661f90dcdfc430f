import type { Database, Transaction } from '@boissipay/runtime';
import type * as schema from './schema';

export type BillingSchema = typeof schema;
export type BillingDatabase = Database<BillingSchema>;
export type BillingTransaction = Transaction<BillingSchema>;
/** Reads work on the pool or inside a transaction alike. */
export type Queryable = BillingDatabase | BillingTransaction;
