import type { Request, Response, Router } from 'express';
import { auditContextOf, customerScopeOf, mountAuditEventRoutes, pageMetadataOf, pageRequestOf, principalOf } from '@boissipay/runtime';
import type { paymentApi } from '@boissipay/contracts';
import { actOnPayment, type ActionCommand, type ActionDependencies } from '../app/act-on-payment';
import { getPaymentWithAttempts, listPayments } from '../app/read-payments';
import type { PaymentStatus } from '../domain/payment';
import type { Queryable } from '../infra/database';
import { paymentError } from './payment-errors';
import { responseOf, type PaymentResponseBody } from './payment-mapper';

type Schemas = paymentApi.components['schemas'];
const BASE = '/v1/payments';

/** Thin routes: the spec has already checked token, scope, parameters and body when a handler runs. */
export function mountPaymentRoutes(router: Router, db: Queryable, actions: ActionDependencies): void {
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
    res.json(responseOf(found.payment, found.attempts, found.actions));
  });

  const mountAction = (path: string, status: number, commandOf: (body: Record<string, unknown>) => ActionCommand) => {
    router.post(`${BASE}/:paymentRef/${path}`, async (req: Request<{ paymentRef: string }>, res: Response<PaymentResponseBody>) => {
      const body = req.body as Record<string, unknown> & { reason: string };
      const result = await actOnPayment(actions, {
        paymentRef: req.params.paymentRef,
        command: commandOf(body),
        reason: body.reason,
        requestedBy: principalOf(res).subject,
        idempotencyKey: req.get('idempotency-key'),
        scope: customerScopeOf(res),
        audit: auditContextOf(res),
      });
      switch (result.kind) {
        case 'applied':
        case 'replayed':
          res.status(status).json(responseOf(result.payment, undefined, result.actions));
          return;
        case 'not-found':
          throw paymentError('PAYMENT_NOT_FOUND', `No payment ${req.params.paymentRef}.`);
        case 'refused':
          throw paymentError(result.code, result.message);
        case 'key-reused':
          throw paymentError('IDEMPOTENCY_KEY_REUSED', result.message);
      }
    });
  };
  mountAction('retry', 202, () => ({ kind: 'RETRY' }));
  mountAction('cancel', 200, () => ({ kind: 'CANCEL' }));
  mountAction('manual-payment', 200, (body) => {
    const { bankReference, receivedOn } = body as Schemas['ManualPaymentRequest'];
    return { kind: 'MANUAL_PAYMENT', bankReference, receivedOn };
  });

  mountAuditEventRoutes(router, db);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
