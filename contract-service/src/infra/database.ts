import type { Database, Transaction } from '@boissipay/runtime';
import type * as schema from './schema';

export type ContractSchema = typeof schema;
export type ContractDatabase = Database<ContractSchema>;
export type ContractTransaction = Transaction<ContractSchema>;
/** Reads work on the pool or inside a transaction alike. */
export type Queryable = ContractDatabase | ContractTransaction;
