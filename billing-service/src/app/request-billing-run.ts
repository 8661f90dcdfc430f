import type { AuditContext } from '@boissipay/runtime';
import { whyPeriodCannotRun, type BillingPeriod } from '../domain/billing-period';
import type { Refusal } from '../domain/billing.errors';
import type { BillingRunRow } from '../infra/billing-run-repository';
import type { BillingRunner } from './billing-runner';
import { momentOf, type BillingDependencies } from './dependencies';
import { previewBillingRun, type BillingRunPreview } from './preview-billing-run';

export interface BillingRunAsked {
  period: BillingPeriod;
  /** Only say what the run would invoice now. */
  dryRun: boolean;
  requestedBy: string;
  correlationId?: string;
  /** Who asked, for the audit trail (a dry run changes nothing and records nothing). */
  audit: AuditContext;
}

export type BillingRunAskedOutcome =
  | { kind: 'started'; run: BillingRunRow }
  | { kind: 'previewed'; preview: BillingRunPreview }
  | { kind: 'refused'; refusal: Refusal<'PERIOD_NOT_ENDED'> };

/** A run asked for through the API: started in the background, or previewed, once the calendar allows it. */
export async function requestBillingRun(
  deps: Pick<BillingDependencies, 'db' | 'clock' | 'timeZone'> & { runner: BillingRunner },
  asked: BillingRunAsked,
): Promise<BillingRunAskedOutcome> {
  const { today } = momentOf(deps);
  const refusal = whyPeriodCannotRun(asked.period, { today, timeZone: deps.timeZone }, asked.dryRun);
  if (refusal) return { kind: 'refused', refusal };
  if (asked.dryRun) return { kind: 'previewed', preview: await previewBillingRun(deps.db, asked.period) };
  const run = await deps.runner.start({ period: asked.period, trigger: 'API', requestedBy: asked.requestedBy, correlationId: asked.correlationId, audit: asked.audit });
  return { kind: 'started', run };
}
