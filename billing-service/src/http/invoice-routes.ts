import type { Request, Router } from 'express';
import type { billingApi } from '@boissipay/contracts';
import { customerScopeOf, pageMetadataOf, pageRequestOf } from '@boissipay/runtime';
import type { BillingDependencies } from '../app/dependencies';
import { getInvoice, listInvoices } from '../app/read-invoices';
import type { InvoiceRow } from '../infra/invoice-repository';
import { billingError } from './billing-errors';
import { invoiceResponseOf, invoiceSummaryOf } from './invoice-mapper';

type Schemas = billingApi.components['schemas'];
type ListQuery = NonNullable<billingApi.operations['listInvoices']['parameters']['query']>;

/** The payment statuses each API status stands for. */
const paymentStatusesOf: Record<Schemas['InvoiceStatus'], InvoiceRow['paymentStatus'][]> = {
  ISSUED: ['PENDING', 'NOT_REQUIRED'],
  PAID: ['PAID'],
  UNPAID: ['UNPAID'],
};

export function mountInvoiceRoutes(router: Router, deps: Pick<BillingDependencies, 'db'>): void {
  router.get('/v1/invoices', async (req, res) => {
    const query = req.query as ListQuery;
    const page = pageRequestOf(query);
    const { rows, total } = await listInvoices(
      deps.db,
      {
        contractRef: query.contractRef,
        period: query.period,
        paymentStatuses: query.status ? paymentStatusesOf[query.status] : undefined,
        invoiceType: query.invoiceType,
        deliveryStatus: query.deliveryStatus,
      },
      { limit: page.pageSize, offset: page.offset },
      customerScopeOf(res),
    );
    const body: Schemas['InvoicesResponse'] = { invoices: rows.map(invoiceSummaryOf), metadata: pageMetadataOf(page, req.originalUrl, rows.length, total) };
    res.json(body);
  });

  router.get('/v1/invoices/:invoiceRef', async (req: Request<{ invoiceRef: string }>, res) => {
    const detail = await getInvoice(deps.db, req.params.invoiceRef, customerScopeOf(res));
    if (!detail) throw billingError('INVOICE_NOT_FOUND', `No invoice ${req.params.invoiceRef}.`);
    res.json(invoiceResponseOf(detail));
  });
}
