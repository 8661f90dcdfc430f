import type { Request, Router } from 'express';
import type { billingApi } from '@boissipay/contracts';
import { ApiError, currentCorrelationId, pageMetadataOf, pageRequestOf, principalOf } from '@boissipay/runtime';
import type { BillingRunner } from '../app/billing-runner';
import { momentOf, type BillingDependencies } from '../app/dependencies';
import { previewBillingRun } from '../app/preview-billing-run';
import { getBillingRun, listBillingRunViews } from '../app/read-billing-runs';
import { isPeriodOver, parseBillingPeriod } from '../domain/billing-period';
import { billingError } from './billing-errors';
import { billingRunPreviewResponseOf, billingRunResponseOf } from './billing-run-mapper';

type Schemas = billingApi.components['schemas'];
type ListQuery = NonNullable<billingApi.operations['listBillingRuns']['parameters']['query']>;

export interface BillingRunHttpDependencies extends Pick<BillingDependencies, 'db' | 'clock' | 'timeZone'> {
  runner: BillingRunner;
}

export function mountBillingRunRoutes(router: Router, deps: BillingRunHttpDependencies): void {
  router.post('/v1/billing-runs', async (req, res) => {
    const body = req.body as Schemas['BillingRunRequest'];
    const period = parseBillingPeriod(body.period);
    if (!period) throw new ApiError(400, 'VALIDATION_FAILED', `/body/period: ${body.period} is not a month (YYYY-MM).`);
    const { today } = momentOf(deps);

    if (body.dryRun) {
      if (period.firstDay > today) throw billingError('PERIOD_NOT_ENDED', `${period.id} has not begun in ${deps.timeZone}: there is nothing to preview.`);
      res.status(200).json(billingRunPreviewResponseOf(period.id, await previewBillingRun(deps.db, period)));
      return;
    }
    if (!isPeriodOver(period, today)) {
      throw billingError('PERIOD_NOT_ENDED', `${period.id} is not over in ${deps.timeZone} (today is ${today}): it can be billed from ${period.endExclusive}, or previewed with dryRun.`);
    }
    const run = await deps.runner.start({ period, trigger: 'API', requestedBy: principalOf(res).subject, correlationId: currentCorrelationId() });
    res
      .status(202)
      .location(`/v1/billing-runs/${run.runId}`)
      .json(billingRunResponseOf({ run, issued: { invoicesIssued: 0, creditNotesIssued: 0, totals: [] } }));
  });

  router.get('/v1/billing-runs', async (req, res) => {
    const query = req.query as ListQuery;
    const page = pageRequestOf(query);
    const { views, total } = await listBillingRunViews(deps.db, { period: query.period, status: query.status }, { limit: page.pageSize, offset: page.offset });
    const body: Schemas['BillingRunsResponse'] = {
      billingRuns: views.map(billingRunResponseOf),
      metadata: pageMetadataOf(page, req.originalUrl, views.length, total),
    };
    res.json(body);
  });

  router.get('/v1/billing-runs/:runId', async (req: Request<{ runId: string }>, res) => {
    const view = await getBillingRun(deps.db, req.params.runId);
    if (!view) throw billingError('BILLING_RUN_NOT_FOUND', `No billing run ${req.params.runId}.`);
    res.json(billingRunResponseOf(view));
  });
}
