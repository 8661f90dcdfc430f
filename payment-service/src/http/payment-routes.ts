import type { Request, Response, Router } from 'express';
import { customerScopeOf, mountAuditEventRoutes, pageMetadataOf, pageRequestOf } from '@boissipay/runtime';
import type { paymentApi } from '@boissipay/contracts';
import { getPaymentWithAttempts, listPayments } from '../app/read-payments';
import type { PaymentStatus } from '../domain/payment';
import type { Queryable } from '../infra/database';
import { paymentError } from './payment-errors';
import { responseOf, type PaymentResponseBody } from './payment-mapper';

type Schemas = paymentApi.components['schemas'];
const BASE = '/v1/payments';

/** Thin routes: the spec has already checked token, scope and parameters when a handler runs. */
export function mountPaymentRoutes(router: Router, db: Queryable): void {
  router.get(BASE, async (req: Request, res: Response<Schemas['PaymentsResponse']>) => {
    const page = pageRequestOf(req.query);
    const { payments, totalItems } = await listPayments(
      db,
      {
        invoiceRef: stringOf(req.query.invoiceRef),
        contractRef: stringOf(req.query.contractRef),
        status: stringOf(req.query.status) as PaymentStatus | undefined,
      },
      { offset: page.offset, limit: page.pageSize },
      customerScopeOf(res),
    );
    res.json({ payments: payments.map((payment) => responseOf(payment)), metadata: pageMetadataOf(page, req.originalUrl, payments.length, totalItems) });
  });

  router.get(`${BASE}/:paymentRef`, async (req: Request<{ paymentRef: string }>, res: Response<PaymentResponseBody>) => {
    const found = await getPaymentWithAttempts(db, req.params.paymentRef, customerScopeOf(res));
    if (!found) throw paymentError('PAYMENT_NOT_FOUND', `No payment ${req.params.paymentRef}.`);
    res.json(responseOf(found.payment, found.attempts));
  });

  mountAuditEventRoutes(router, db);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
