import type { BillingRunRow } from '../infra/billing-run-repository';
import type { BillingRunDependencies } from './dependencies';
import { startBillingRun, type BillingRunControls, type BillingRunRequest } from './run-billing';

/** The service's billing runs in progress: started by the API or the scheduler, drained at shutdown. */
export interface BillingRunner {
  /** Records the run and returns it RUNNING; the contracts are billed in the background. */
  start(request: BillingRunRequest, controls?: BillingRunControls): Promise<BillingRunRow>;
  /** Starts a run and waits until it has finished. */
  run(request: BillingRunRequest, controls?: BillingRunControls): Promise<BillingRunRow>;
  /** Ends the runs in progress after their current contract (FAILED, to be run again) and waits for them. */
  stop(): Promise<void>;
}

export function createBillingRunner(deps: BillingRunDependencies): BillingRunner {
  const inProgress = new Set<Promise<unknown>>();
  let stopping = false;
  const logger = deps.logger.child({ component: 'billing-runner' });

  async function launch(request: BillingRunRequest, controls: BillingRunControls = {}) {
    if (stopping) throw new Error('the billing runner is stopping');
    const started = await startBillingRun(deps, request, { ...controls, shouldStop: () => stopping || (controls.shouldStop?.() ?? false) });
    const tracked = started.finished.then(
      () => undefined,
      (error: unknown) => logger.error({ err: error, runId: started.run.runId }, 'billing run ended without recording its end'),
    );
    inProgress.add(tracked);
    void tracked.finally(() => inProgress.delete(tracked));
    return started;
  }

  return {
    async start(request, controls) {
      return (await launch(request, controls)).run;
    },
    async run(request, controls) {
      return (await launch(request, controls)).finished;
    },
    async stop() {
      stopping = true;
      await Promise.all([...inProgress]);
    },
  };
}
