import type { Request, Response, Router } from 'express';
import { toDecimal } from '@boissipay/money';
import { auditContextOf, customerScopeOf, pageMetadataOf, pageRequestOf } from '@boissipay/runtime';
import type { paymentApi } from '@boissipay/contracts';
import { recordReturns } from '../app/record-returns';
import type { ActionDependencies } from '../app/act-on-payment';
import { collectionBatchOf } from '../domain/collection-batch';
import type { ReportedReturn } from '../domain/debit-return';
import { findCollectionTransactions, listCollectionBatches } from '../infra/collection-repository';
import type { Queryable } from '../infra/database';
import { pain008DocumentOf, type Creditor } from '../infra/pain008-document';
import { parseStatusReport, StatusReportError } from '../infra/pain002-status-report';
import { paymentError } from './payment-errors';

type Schemas = paymentApi.components['schemas'];
const BASE = '/v1/collections';
const REASON_CODE = /^[A-Z0-9]{4}$/;

/** The pain.008 batches of the file provider, and the import of the bank's returns. */
export function mountCollectionRoutes(router: Router, db: Queryable, dependencies: ActionDependencies & { creditor: Creditor }): void {
  router.get(BASE, async (req: Request, res: Response<Schemas['CollectionsResponse']>) => {
    const page = pageRequestOf(req.query);
    const { batches, totalItems } = await listCollectionBatches(db, { offset: page.offset, limit: page.pageSize }, customerScopeOf(res));
    res.json({
      collections: batches.map((batch) => ({
        collectionDate: batch.collectionDate,
        numberOfTransactions: batch.numberOfTransactions,
        controlSum: { amount: toDecimal(batch.controlSumMinor, batch.currency), currency: batch.currency },
        firstCollections: batch.firstCollections,
        recurringCollections: batch.recurringCollections,
      })),
      metadata: pageMetadataOf(page, req.originalUrl, batches.length, totalItems),
    });
  });

  router.get(`${BASE}/:collectionDate/pain008`, async (req: Request<{ collectionDate: string }>, res: Response) => {
    const { collectionDate } = req.params;
    const transactions = await findCollectionTransactions(db, collectionDate, customerScopeOf(res));
    if (transactions.length === 0) throw paymentError('COLLECTION_NOT_FOUND', `No direct debit is collected on ${collectionDate}.`);
    const xml = pain008DocumentOf(collectionBatchOf(collectionDate, transactions), dependencies.creditor, dependencies.clock());
    res.type('application/xml').set('Content-Disposition', `attachment; filename="pain008-${collectionDate}.xml"`).send(xml);
  });

  router.post(`${BASE}/returns`, async (req: Request, res: Response<Schemas['ReturnsImportResponse']>) => {
    let statuses;
    try {
      statuses = parseStatusReport(String(req.body));
    } catch (error) {
      if (error instanceof StatusReportError) throw paymentError('VALIDATION_FAILED', error.message);
      throw error;
    }
    const returns: ReportedReturn[] = [];
    for (const status of statuses) {
      if (status.status !== 'RJCT') continue;
      if (!status.reasonCode || !REASON_CODE.test(status.reasonCode)) {
        throw paymentError('VALIDATION_FAILED', `The rejection of ${status.endToEndId} has no ISO reason code (StsRsnInf/Rsn/Cd): ${status.reasonCode ?? 'none'}.`);
      }
      returns.push({ debitKey: status.endToEndId, returnReasonCode: status.reasonCode });
    }
    const recorded = await recordReturns(dependencies.db, returns, { ...dependencies, scope: customerScopeOf(res), audit: auditContextOf(res) });
    const byKey = new Map(recorded.map((outcome) => [outcome.debitKey, outcome]));
    res.json({
      returns: statuses.map((status) => {
        const outcome = status.status === 'RJCT' ? byKey.get(status.endToEndId) : undefined;
        return {
          endToEndId: status.endToEndId,
          status: status.status,
          ...(status.reasonCode ? { reasonCode: status.reasonCode } : {}),
          ...(outcome?.paymentRef ? { paymentRef: outcome.paymentRef } : {}),
          outcome: outcome?.outcome ?? 'IGNORED',
        };
      }),
    });
  });
}
