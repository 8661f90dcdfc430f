import { recordAuditEvent, runWithCorrelationId, type AuditContext } from '@boissipay/runtime';
import type { BillingPeriod } from '../domain/billing-period';
import { findBillingRun, findRunningBillingRunIds, finishBillingRun, insertBillingRun, markBillingRunAbandoned, type BillingRunRow } from '../infra/billing-run-repository';
import { findContractsToBill } from '../infra/invoice-repository';
import type { BillingRunErrorRow } from '../infra/schema';
import { billContract, type BillingRunOfContract, type ContractBillingOutcome } from './bill-contract';
import { billContracts } from './bill-contracts';
import { holdRunLock, type RunLiveness } from './billing-run-liveness';
import type { BillingRunDependencies } from './dependencies';

export interface BillingRunRequest {
  period: BillingPeriod;
  trigger: 'SCHEDULE' | 'API';
  requestedBy: string;
  correlationId?: string;
  /** Who asked through the API: the start is recorded in the audit trail with the run (a scheduled run has none). */
  audit?: AuditContext;
}

export interface BillingRunControls {
  /** Checked between transactions: true ends the run there (service shutdown); it is FAILED, and the next run bills the rest. */
  shouldStop?: () => boolean;
  /** Contracts read per page of candidates. */
  batchSize?: number;
  /**
   * Contracts billed per transaction (app/bill-contracts.ts), at most 1,000 (the multi-row inserts stay well within PostgreSQL's
   * 65,535 parameters per statement); 1 bills each in a transaction of its own (app/bill-contract.ts).
   */
  contractsPerTransaction?: number;
  /**
   * Transactions in flight at once, each billing its own batch of contracts (at most 8). They lock
   * disjoint contracts; the number counters are the only rows they share, taken once a batch has
   * read and decided everything, so one batch's reads overlap another's writes. docs/adr/0032.
   */
  parallelTransactions?: number;
}

/** What `afterContract` threw, carried past the run's own error handling: the run ends as if killed. */
class RunKilled {
  constructor(readonly reason: unknown) {}
}

export interface StartedBillingRun {
  /** The run as recorded, RUNNING. */
  run: BillingRunRow;
  /** The run once finished (COMPLETED or FAILED); rejects only when `afterContract` throws or when its end cannot be recorded. */
  finished: Promise<BillingRunRow>;
}

const DEFAULT_BATCH_SIZE = 500;
/**
 * A transaction of 50 contracts of 100 operations writes about 5,000 lines in a few hundred
 * milliseconds: most of the per-transaction cost is gone, while a decision on one of those
 * contracts waits at most that long for its lock. docs/adr/0030.
 */
const DEFAULT_CONTRACTS_PER_TRANSACTION = 50;
const MAX_CONTRACTS_PER_TRANSACTION = 1_000;
/** Two: a batch reads while the other holds the counters and writes, on the two cores PostgreSQL usually has at least. docs/adr/0032. */
export const DEFAULT_PARALLEL_TRANSACTIONS = 2;
const MAX_PARALLEL_TRANSACTIONS = 8;
/** This many unexpected failures in a row (database gone…) stop the run instead of failing every contract. */
const MAX_CONSECUTIVE_FAILURES = 10;
const MAX_RECORDED_ERRORS = 100;

/**
 * Starts a billing run of a period: records it RUNNING and returns, while the contracts are
 * billed a batch per transaction (app/bill-contracts.ts), or one by one (app/bill-contract.ts)
 * when a batch fails, so that one contract's failure is its own. Nothing is remembered between
 * transactions but what PostgreSQL holds, so a run that dies anywhere leaves every contract
 * either fully billed or untouched, and the next run of the period bills exactly those left.
 */
export async function startBillingRun(deps: BillingRunDependencies, request: BillingRunRequest, controls: BillingRunControls = {}): Promise<StartedBillingRun> {
  const runId = deps.newId();
  const correlationId = request.correlationId ?? deps.newId();
  // The lock before the row: no other run can see this one RUNNING and think it abandoned.
  const liveness = await holdRunLock(deps.pool, runId);
  let run: BillingRunRow;
  try {
    run = await deps.db.transaction(async (tx) => {
      const inserted = await insertBillingRun(tx, {
        runId,
        period: request.period.id,
        status: 'RUNNING',
        trigger: request.trigger,
        requestedBy: request.requestedBy,
        correlationId,
        startedAt: deps.clock(),
      });
      if (request.audit) {
        const after = { period: inserted.period, status: inserted.status, trigger: inserted.trigger };
        await recordAuditEvent(tx, { ...request.audit, occurredAt: inserted.startedAt, entityType: 'billing-run', entityId: runId, action: 'START_BILLING_RUN', after });
      }
      return inserted;
    });
  } catch (error) {
    await liveness.release();
    throw error;
  }
  const finished = runWithCorrelationId(correlationId, () => executeRun(deps, run, request.period, liveness, controls)).finally(() => liveness.release());
  return { run, finished };
}

async function executeRun(
  deps: BillingRunDependencies,
  run: BillingRunRow,
  period: BillingPeriod,
  liveness: RunLiveness,
  controls: BillingRunControls,
): Promise<BillingRunRow> {
  const logger = deps.logger.child({ component: 'billing-run', runId: run.runId, period: period.id });
  const errors: BillingRunErrorRow[] = [];
  const recordError = (error: BillingRunErrorRow) => {
    if (errors.length < MAX_RECORDED_ERRORS) errors.push(error);
    else if (errors.length === MAX_RECORDED_ERRORS) errors.push({ contractRef: null, message: 'More errors: see the logs of the run.' });
  };
  let considered = 0;
  let billed = 0;
  const finish = async (status: 'COMPLETED' | 'FAILED') => {
    await finishBillingRun(deps.db, run.runId, { status, finishedAt: deps.clock(), contractsConsidered: considered, errors });
    logger.info({ status, considered, billed, errors: errors.length }, `billing run of ${period.id} ${status.toLowerCase()}`);
    const finished = await findBillingRun(deps.db, run.runId);
    if (!finished) throw new Error(`billing run ${run.runId} disappeared`);
    return finished;
  };

  try {
    await failAbandonedRuns(deps, liveness, run.runId);
    const runOfContract: BillingRunOfContract = { runId: run.runId, period, correlationId: run.correlationId };
    const perTransaction = Math.min(MAX_CONTRACTS_PER_TRANSACTION, Math.max(1, controls.contractsPerTransaction ?? DEFAULT_CONTRACTS_PER_TRANSACTION));
    /** The batch's outcomes; undefined when it threw (rolled back), and its contracts are then billed one by one. */
    const billTogether = async (contractRefs: readonly string[]): Promise<Map<string, ContractBillingOutcome> | undefined> => {
      if (perTransaction === 1) return undefined;
      try {
        return await billContracts(deps, contractRefs, runOfContract);
      } catch (error) {
        logger.warn({ err: error, contracts: contractRefs.length }, 'billing a batch of contracts failed; billing them one by one');
        return undefined;
      }
    };
    let consecutiveFailures = 0;
    /** Bills one transaction's contracts and accounts for each (the run's errors, afterContract). */
    const billBatch = async (contractRefs: readonly string[]) => {
      const outcomes = await billTogether(contractRefs);
      for (const contractRef of contractRefs) {
        considered += 1;
        try {
          const outcome = outcomes?.get(contractRef) ?? (await billContract(deps, contractRef, runOfContract));
          consecutiveFailures = 0;
          if (outcome.kind === 'issued' || outcome.kind === 'credited') billed += 1;
          if (outcome.kind === 'failed') {
            logger.warn({ contractRef, reason: outcome.message }, 'contract not billed');
            recordError({ contractRef, message: outcome.message });
          }
        } catch (error) {
          logger.error({ err: error, contractRef }, 'billing a contract failed');
          recordError({ contractRef, message: `Billing this contract failed unexpectedly (correlation id ${run.correlationId}); it is left for the next run.` });
          consecutiveFailures += 1;
          if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) throw new Error(`${consecutiveFailures} contracts in a row failed`, { cause: error });
        }
        try {
          deps.afterContract?.({ considered, billed });
        } catch (reason) {
          throw new RunKilled(reason);
        }
      }
    };
    const parallel = Math.min(MAX_PARALLEL_TRANSACTIONS, Math.max(1, controls.parallelTransactions ?? DEFAULT_PARALLEL_TRANSACTIONS));
    let stopRequested = false;
    let after = '';
    for (;;) {
      const page = await findContractsToBill(deps.db, period, after, controls.batchSize ?? DEFAULT_BATCH_SIZE);
      if (page.length === 0) break;
      const batches: string[][] = [];
      for (let first = 0; first < page.length; first += perTransaction) batches.push(page.slice(first, first + perTransaction));
      // `parallel` lanes take the page's batches in contract order; once one lane fails or a stop is asked, none starts another.
      let next = 0;
      let ended = false;
      const lane = async () => {
        while (!ended && next < batches.length) {
          if (controls.shouldStop?.()) {
            stopRequested = ended = true;
            return;
          }
          const contractRefs = batches[next++] ?? [];
          try {
            await billBatch(contractRefs);
          } catch (error) {
            ended = true;
            throw error;
          }
        }
      };
      // Every lane's transaction has ended (committed or rolled back) before the run goes on or records its end.
      const lanes = await Promise.allSettled(Array.from({ length: Math.min(parallel, batches.length) }, lane));
      const failed = lanes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      if (stopRequested) {
        recordError({ contractRef: null, message: 'The service stopped before the run finished; run the period again to bill the contracts left.' });
        return await finish('FAILED');
      }
      after = page[page.length - 1] ?? after;
    }
    return await finish(errors.length > 0 ? 'FAILED' : 'COMPLETED');
  } catch (error) {
    if (error instanceof RunKilled) throw error.reason;
    logger.error({ err: error }, 'billing run stopped');
    recordError({ contractRef: null, message: `The run stopped (correlation id ${run.correlationId}); run the period again to bill the contracts left.` });
    // If even this fails (database gone), the row stays RUNNING until the next run marks it abandoned.
    return finish('FAILED');
  }
}

/** Runs left RUNNING by a process that died are marked FAILED, so the list of runs tells the truth. */
async function failAbandonedRuns(deps: BillingRunDependencies, liveness: RunLiveness, ownRunId: string): Promise<void> {
  for (const runId of await findRunningBillingRunIds(deps.db)) {
    if (runId === ownRunId || !(await liveness.isAbandoned(runId))) continue;
    await markBillingRunAbandoned(deps.db, runId, deps.clock(), 'The run stopped before it finished (its process ended); a later run of its period bills the contracts it left.');
    deps.logger.warn({ runId }, 'billing run abandoned by its process marked FAILED');
  }
}
