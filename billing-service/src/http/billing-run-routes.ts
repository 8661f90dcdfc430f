import type { Request, Router } from 'express';
import type { billingApi } from '@boissipay/contracts';
import { auditContextOf, currentCorrelationId, pageMetadataOf, pageRequestOf, principalOf, requireAllCustomers } from '@boissipay/runtime';
import type { BillingRunner } from '../app/billing-runner';
import type { BillingDependencies } from '../app/dependencies';
import { getBillingRun, listBillingRunViews } from '../app/read-billing-runs';
import { requestBillingRun } from '../app/request-billing-run';
import { parseBillingPeriod } from '../domain/billing-period';
import { assertNever } from '../domain/decision';
import { billingError, refusalError } from './billing-errors';
import { billingRunPreviewResponseOf, billingRunResponseOf } from './billing-run-mapper';

type Schemas = billingApi.components['schemas'];
type ListQuery = NonNullable<billingApi.operations['listBillingRuns']['parameters']['query']>;

export interface BillingRunHttpDependencies extends Pick<BillingDependencies, 'db' | 'clock' | 'timeZone'> {
  runner: BillingRunner;
}

/** Billing runs act on every customer at once: operators only, never a customer-restricted token. */
export function mountBillingRunRoutes(router: Router, deps: BillingRunHttpDependencies): void {
  router.post('/v1/billing-runs', async (req, res) => {
    requireAllCustomers(res);
    const body = req.body as Schemas['BillingRunRequest'];
    const period = parseBillingPeriod(body.period);
    if (!period) throw billingError('VALIDATION_FAILED', `/body/period: ${body.period} is not a month (YYYY-MM).`);
    const outcome = await requestBillingRun(deps, {
      period,
      dryRun: body.dryRun ?? false,
      requestedBy: principalOf(res).subject,
      correlationId: currentCorrelationId(),
      audit: auditContextOf(res),
    });
    switch (outcome.kind) {
      case 'refused':
        throw refusalError(outcome.refusal);
      case 'previewed':
        res.status(200).json(billingRunPreviewResponseOf(period.id, outcome.preview));
        return;
      case 'started':
        res
          .status(202)
          .location(`/v1/billing-runs/${outcome.run.runId}`)
          .json(billingRunResponseOf({ run: outcome.run, issued: { invoicesIssued: 0, creditNotesIssued: 0, contractsBilled: 0, totals: [] } }));
        return;
      default:
        assertNever(outcome);
    }
  });

  router.get('/v1/billing-runs', async (req, res) => {
    requireAllCustomers(res);
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
    requireAllCustomers(res);
    const view = await getBillingRun(deps.db, req.params.runId);
    if (!view) throw billingError('BILLING_RUN_NOT_FOUND', `No billing run ${req.params.runId}.`);
    res.json(billingRunResponseOf(view));
  });
}
