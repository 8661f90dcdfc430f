import { parseBillingPeriod } from '../domain/billing-period';
import { findRunningBillingRuns, markBillingRunAbandoned, type BillingRunRow } from '../infra/billing-run-repository';
import { probeRunLiveness } from './billing-run-liveness';
import type { BillingRunner } from './billing-runner';
import type { BillingRunDependencies } from './dependencies';

const ABANDONED = 'The run stopped before it finished (its process ended); a run started when billing started again bills the contracts it left.';

/**
 * At start-up, runs left RUNNING by a process that died (nobody holds their lock) are marked
 * FAILED, and each of their periods, whichever month it is, is run again in the background:
 * a run bills only the contracts not yet billed for its period, each in one transaction that
 * takes the next invoice number, so what the dead run left is billed once and numbers stay
 * gapless. Runs another live instance is still making are left alone. Returns the runs started.
 */
export async function recoverAbandonedBillingRuns(
  deps: Pick<BillingRunDependencies, 'db' | 'pool' | 'clock' | 'logger'>,
  runner: Pick<BillingRunner, 'start'>,
): Promise<BillingRunRow[]> {
  const logger = deps.logger.child({ component: 'billing-run-recovery' });
  const periods = new Set<string>();
  const liveness = await probeRunLiveness(deps.pool);
  try {
    for (const { runId, period } of await findRunningBillingRuns(deps.db)) {
      if (!(await liveness.isAbandoned(runId))) continue;
      if (!(await markBillingRunAbandoned(deps.db, runId, deps.clock(), ABANDONED))) continue;
      logger.warn({ runId, period }, 'billing run abandoned by its process marked FAILED');
      periods.add(period);
    }
  } finally {
    await liveness.release();
  }
  const started: BillingRunRow[] = [];
  for (const id of [...periods].sort()) {
    const period = parseBillingPeriod(id);
    if (!period) continue;
    logger.info({ period: id }, 'running again the period of an abandoned billing run');
    started.push(await runner.start({ period, trigger: 'SCHEDULE', requestedBy: 'start-up recovery' }));
  }
  return started;
}
