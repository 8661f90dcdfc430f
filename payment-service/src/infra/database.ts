import type { Database, Transaction } from '@boissipay/runtime';
import type * as schema from './schema';

export type PaymentSchema = typeof schema;
export type PaymentDatabase = Database<PaymentSchema>;
export type PaymentTransaction = Transaction<PaymentSchema>;
/** Reads work on the pool or inside a transaction alike. */
export type Queryable = PaymentDatabase | PaymentTransaction;
