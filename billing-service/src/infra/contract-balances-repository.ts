import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { CustomerScope } from '@boissipay/runtime';
import { contractOfScope } from './customer-scope-conditions';
import type { Queryable } from './database';
import { balances, contracts } from './schema';

export interface ContractBalanceRow {
  contractRef: string;
  contractStatus: string;
  currency: string;
  outstandingMinor: number;
  limitMinor: number;
}

/**
 * The contracts' balances, highest outstanding / limit first (a zero limit last), for the back
 * office's "closest to their limit". One query over the read model: a contract with no
 * decision yet has no balance row and counts as 0 outstanding.
 */
export async function listContractBalances(
  db: Queryable,
  filters: { contractStatus?: string },
  page: { limit: number; offset: number },
  scope: CustomerScope,
): Promise<{ rows: ContractBalanceRow[]; total: number }> {
  const conditions: Array<SQL | undefined> = [contractOfScope(scope)];
  if (filters.contractStatus) conditions.push(eq(contracts.status, filters.contractStatus));
  const where = and(...conditions);
  const outstanding = sql<number>`coalesce(${balances.outstandingMinor}, 0)`.mapWith(Number);
  const usage = sql`${outstanding}::numeric / nullif(${contracts.limitMinor}, 0)`;
  const [rows, [total]] = await Promise.all([
    db
      .select({ contractRef: contracts.contractRef, contractStatus: contracts.status, currency: contracts.limitCurrency, outstandingMinor: outstanding, limitMinor: contracts.limitMinor })
      .from(contracts)
      .leftJoin(balances, eq(balances.contractRef, contracts.contractRef))
      .where(where)
      .orderBy(sql`${usage} desc nulls last`, asc(contracts.contractRef))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(contracts).where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}
