import type { Request, Response, Router } from 'express';
import { auditContextOf, customerScopeOf, mountAuditEventRoutes, pageMetadataOf, pageRequestOf, principalOf } from '@boissipay/runtime';
import type { mailerApi } from '@boissipay/contracts';
import type { MailerDependencies } from '../app/dependencies';
import { getDelivery, listDeliveries, renderRecordedCreditNotePdf, renderRecordedInvoicePdf } from '../app/read-deliveries';
import { listNotices } from '../app/read-notices';
import { resendInvoice } from '../app/resend-invoice';
import type { DeliveryStatus } from '../domain/delivery';
import type { NoticeKind } from '../domain/notice';
import { deliveryResponseOf, type DeliveriesResponseBody, type DeliveryResponseBody } from './delivery-mapper';
import { mailerError } from './mailer-errors';
import { noticeResponseOf, type NoticesResponseBody } from './notice-mapper';

/**
 * Thin routes: the spec has already checked token, scope, parameters and body when a handler
 * runs; each maps the request to a use case and its result to a response.
 */
export function mountDeliveryRoutes(router: Router, dependencies: Pick<MailerDependencies, 'db' | 'clock' | 'newId' | 'mailFrom'>): void {
  router.get('/v1/deliveries', async (req: Request, res: Response<DeliveriesResponseBody>) => {
    const page = pageRequestOf(req.query);
    const { deliveries, totalItems } = await listDeliveries(
      dependencies,
      {
        invoiceRef: stringOf(req.query.invoiceRef),
        creditNoteRef: stringOf(req.query.creditNoteRef),
        contractRef: stringOf(req.query.contractRef),
        status: stringOf(req.query.status) as DeliveryStatus | undefined,
      },
      { offset: page.offset, limit: page.pageSize },
      customerScopeOf(res),
    );
    res.json({ deliveries: deliveries.map(deliveryResponseOf), metadata: pageMetadataOf(page, req.originalUrl, deliveries.length, totalItems) });
  });

  router.get('/v1/deliveries/:deliveryId', async (req: Request<{ deliveryId: string }>, res: Response<DeliveryResponseBody>) => {
    const delivery = await getDelivery(dependencies, req.params.deliveryId, customerScopeOf(res));
    if (!delivery) throw mailerError('DELIVERY_NOT_FOUND', `No delivery ${req.params.deliveryId}.`);
    res.json(deliveryResponseOf(delivery));
  });

  router.post('/v1/invoices/:invoiceRef/deliveries', async (req: Request<{ invoiceRef: string }>, res: Response<DeliveryResponseBody>) => {
    const body = req.body as mailerApi.components['schemas']['ResendRequest'];
    const result = await resendInvoice(dependencies, {
      invoiceRef: req.params.invoiceRef,
      reason: body.reason,
      email: body.email,
      requestedBy: principalOf(res).subject,
      idempotencyKey: req.get('idempotency-key'),
      scope: customerScopeOf(res),
      audit: auditContextOf(res),
    });
    switch (result.kind) {
      case 'created':
        res.status(202).location(`/v1/deliveries/${result.delivery.deliveryId}`).json(deliveryResponseOf(result.delivery));
        return;
      case 'replayed':
        res.status(200).json(deliveryResponseOf(result.delivery));
        return;
      case 'invoice-not-found':
        throw mailerError('INVOICE_NOT_FOUND', `No invoice ${req.params.invoiceRef} has been received.`);
      case 'refused':
        throw mailerError(result.code, result.message);
      case 'key-reused':
        throw mailerError('IDEMPOTENCY_KEY_REUSED', result.message);
    }
  });

  router.get('/v1/invoices/:invoiceRef/pdf', async (req: Request<{ invoiceRef: string }>, res: Response) => {
    const pdf = await renderRecordedInvoicePdf(dependencies, req.params.invoiceRef, customerScopeOf(res));
    if (!pdf) throw mailerError('INVOICE_NOT_FOUND', `No invoice ${req.params.invoiceRef} has been received.`);
    res.status(200).type('application/pdf').set('Content-Disposition', `inline; filename="${req.params.invoiceRef}.pdf"`).send(pdf);
  });

  router.get('/v1/credit-notes/:creditNoteRef/pdf', async (req: Request<{ creditNoteRef: string }>, res: Response) => {
    const pdf = await renderRecordedCreditNotePdf(dependencies, req.params.creditNoteRef, customerScopeOf(res));
    if (!pdf) throw mailerError('CREDIT_NOTE_NOT_FOUND', `No credit note ${req.params.creditNoteRef} has been received with the invoice it corrects.`);
    res.status(200).type('application/pdf').set('Content-Disposition', `inline; filename="${req.params.creditNoteRef}.pdf"`).send(pdf);
  });

  router.get('/v1/notices', async (req: Request, res: Response<NoticesResponseBody>) => {
    const page = pageRequestOf(req.query);
    const { notices, totalItems } = await listNotices(
      dependencies,
      {
        contractRef: stringOf(req.query.contractRef),
        invoiceRef: stringOf(req.query.invoiceRef),
        kind: stringOf(req.query.kind) as NoticeKind | undefined,
        status: stringOf(req.query.status) as DeliveryStatus | undefined,
      },
      { offset: page.offset, limit: page.pageSize },
      customerScopeOf(res),
    );
    res.json({ notices: notices.map(noticeResponseOf), metadata: pageMetadataOf(page, req.originalUrl, notices.length, totalItems) });
  });

  mountAuditEventRoutes(router, dependencies.db);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
