import type { Request, Router } from 'express';
import { toDecimal } from '@boissipay/money';
import type { billingApi } from '@boissipay/contracts';
import { auditContextOf, currentCorrelationId, customerScopeOf, mountAuditEventRoutes, pageMetadataOf, pageRequestOf, principalOf } from '@boissipay/runtime';
import type { BillingRunner } from '../app/billing-runner';
import type { BillingRunDependencies } from '../app/dependencies';
import { getContractBalance } from '../app/get-contract-balance';
import { submitOperation } from '../app/submit-operation';
import { listContractBalances } from '../infra/contract-balances-repository';
import { findOperation, listOperations } from '../infra/operations-repository';
import { billingError, refusalError } from './billing-errors';
import { mountBillingRunRoutes } from './billing-run-routes';
import { mountInvoiceRoutes, type InvoiceRouteDependencies } from './invoice-routes';
import { submissionOf } from './operation-request-mapper';
import { answerOf, operationResponseOf, type OperationView } from './operation-response-mapper';

type Schemas = billingApi.components['schemas'];
type ListQuery = NonNullable<billingApi.operations['listOperations']['parameters']['query']>;
type BalancesQuery = NonNullable<billingApi.operations['listContractBalances']['parameters']['query']>;

export interface BillingHttpDependencies extends InvoiceRouteDependencies, Pick<BillingRunDependencies, 'db' | 'pool' | 'clock' | 'newId' | 'timeZone'> {
  runner: BillingRunner;
  operationMaxDaysAhead: number;
  /** Told of each new decision (not of a replayed one): metrics. */
  onDecided?: (operation: OperationView) => void;
}

/** Thin handlers: the spec has validated the request and the token; each maps it to a use case and back. */
export function mountBillingRoutes(router: Router, deps: BillingHttpDependencies): void {
  router.post('/v1/operations', async (req, res) => {
    const correlationId = currentCorrelationId() ?? 'unknown';
    const submission = submissionOf(req.body as Schemas['OperationRequest'], {
      idempotencyKey: req.get('idempotency-key') ?? null,
      submittedBy: principalOf(res).subject,
      scope: customerScopeOf(res),
      correlationId,
    });
    let decided: OperationView | undefined;
    const outcome = await submitOperation(
      deps,
      submission,
      (operation) => answerOf((decided = operation), { path: req.path, correlationId }),
      auditContextOf(res),
    );
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal);
    if (decided && !outcome.replayed) deps.onDecided?.(decided);
    if (outcome.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(outcome.answer.status).json(outcome.answer.body);
  });

  router.get('/v1/operations', async (req, res) => {
    const query = req.query as ListQuery;
    const page = pageRequestOf(query);
    const { rows, total } = await listOperations(
      deps.db,
      { contractRef: query.contractRef, invoiceRef: query.invoiceRef, status: query.status, type: query.type, from: query.from, to: query.to },
      { limit: page.pageSize, offset: page.offset },
      customerScopeOf(res),
    );
    const body: Schemas['OperationsResponse'] = {
      operations: rows.map(operationResponseOf),
      metadata: pageMetadataOf(page, req.originalUrl, rows.length, total),
    };
    res.json(body);
  });

  router.get('/v1/operations/:operationId', async (req: Request<{ operationId: string }>, res) => {
    const operation = await findOperation(deps.db, req.params.operationId, customerScopeOf(res));
    if (!operation) throw billingError('OPERATION_NOT_FOUND', `No operation ${req.params.operationId}.`);
    res.json(operationResponseOf(operation));
  });

  router.get('/v1/contracts/:contractRef/balance', async (req: Request<{ contractRef: string }>, res) => {
    const balance = await getContractBalance(deps.db, req.params.contractRef, customerScopeOf(res));
    if (!balance) throw billingError('CONTRACT_UNKNOWN', `Billing knows no contract ${req.params.contractRef}.`);
    const { currency } = balance;
    const body: Schemas['ContractBalance'] = {
      contractRef: balance.contractRef,
      contractStatus: balance.contractStatus as Schemas['ContractBalance']['contractStatus'],
      currencyCode: currency,
      outstanding: toDecimal(balance.outstandingMinor, currency),
      limit: toDecimal(balance.limitMinor, currency),
      available: toDecimal(balance.availableMinor, currency),
      counts: balance.counts,
    };
    res.json(body);
  });

  router.get('/v1/contract-balances', async (req, res) => {
    const query = req.query as BalancesQuery;
    const page = pageRequestOf(query);
    const { rows, total } = await listContractBalances(deps.db, { contractStatus: query.contractStatus }, { limit: page.pageSize, offset: page.offset }, customerScopeOf(res));
    const body: Schemas['ContractBalancesResponse'] = {
      balances: rows.map((row) => ({
        contractRef: row.contractRef,
        contractStatus: row.contractStatus as Schemas['ContractStatus'],
        currencyCode: row.currency,
        outstanding: toDecimal(row.outstandingMinor, row.currency),
        limit: toDecimal(row.limitMinor, row.currency),
        available: toDecimal(row.limitMinor - row.outstandingMinor, row.currency),
      })),
      metadata: pageMetadataOf(page, req.originalUrl, rows.length, total),
    };
    res.json(body);
  });

  mountBillingRunRoutes(router, deps);
  mountInvoiceRoutes(router, deps);
  mountAuditEventRoutes(router, deps.db);
}
