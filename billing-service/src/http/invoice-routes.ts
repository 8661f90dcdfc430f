import type { Request, Response, Router } from 'express';
import { eInvoiceOfCreditNote, eInvoiceOfIssuedInvoice, eInvoiceXml, type SellerSettings, type Syntax } from '@boissipay/einvoice';
import { toDecimal } from '@boissipay/money';
import type { billingApi } from '@boissipay/contracts';
import { auditContextOf, currentCorrelationId, customerScopeOf, pageMetadataOf, pageRequestOf, principalOf } from '@boissipay/runtime';
import type { BillingDependencies } from '../app/dependencies';
import { issueCreditNote } from '../app/issue-credit-note';
import { findCreditNoteOf, listCreditNotes } from '../app/read-credit-notes';
import { getInvoice, listInvoices } from '../app/read-invoices';
import type { InvoiceRow } from '../infra/invoice-repository';
import { billingError } from './billing-errors';
import { creditNoteResponseOf } from './credit-note-mapper';
import { creditNoteSourceOf, invoiceSourceOf } from './e-invoice-mapper';
import { invoiceResponseOf, invoiceSummaryOf } from './invoice-mapper';

type Schemas = billingApi.components['schemas'];
type ListQuery = NonNullable<billingApi.operations['listInvoices']['parameters']['query']>;

/** The payment statuses each API status stands for. */
const paymentStatusesOf: Record<Schemas['InvoiceStatus'], InvoiceRow['paymentStatus'][]> = {
  ISSUED: ['PENDING', 'NOT_REQUIRED'],
  PAID: ['PAID'],
  UNPAID: ['UNPAID'],
};

export interface InvoiceRouteDependencies extends Pick<BillingDependencies, 'db' | 'clock' | 'newId' | 'timeZone'> {
  /** Who issues the invoices, for their e-invoices (INVOICE_SELLER_*). */
  seller: SellerSettings;
}

export function mountInvoiceRoutes(router: Router, deps: InvoiceRouteDependencies): void {
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

  /** The invoice as EN 16931 XML, in the scope of the caller as its JSON is. */
  const sendEInvoice = (syntax: Syntax) => async (req: Request<{ invoiceRef: string }>, res: Response) => {
    const detail = await getInvoice(deps.db, req.params.invoiceRef, customerScopeOf(res));
    if (!detail) throw billingError('INVOICE_NOT_FOUND', `No invoice ${req.params.invoiceRef}.`);
    if (syntax === 'UBL' && detail.invoice.invoiceType === 'CREDIT_NOTE') {
      throw billingError('E_INVOICE_SYNTAX_UNAVAILABLE', `${req.params.invoiceRef} is a credit note: its e-invoice is served in CII only (/v1/invoices/${req.params.invoiceRef}/cii).`);
    }
    const xml = await eInvoiceXml(eInvoiceOfIssuedInvoice(invoiceSourceOf(detail), deps.seller), syntax);
    res.type('application/xml').send(xml);
  };
  router.get('/v1/invoices/:invoiceRef/cii', sendEInvoice('CII'));
  router.get('/v1/invoices/:invoiceRef/ubl', sendEInvoice('UBL'));

  /** A credit note of the invoice as EN 16931 XML (type 381), in the scope of the caller as the invoice is. */
  const sendCreditNote = (syntax: Syntax) => async (req: Request<{ invoiceRef: string; creditNoteRef: string }>, res: Response) => {
    const detail = await getInvoice(deps.db, req.params.invoiceRef, customerScopeOf(res));
    if (!detail) throw billingError('INVOICE_NOT_FOUND', `No invoice ${req.params.invoiceRef}.`);
    const creditNote = await findCreditNoteOf(deps.db, detail.invoice.invoiceId, req.params.creditNoteRef);
    if (!creditNote) throw billingError('CREDIT_NOTE_NOT_FOUND', `No credit note ${req.params.creditNoteRef} of invoice ${req.params.invoiceRef}.`);
    const xml = await eInvoiceXml(eInvoiceOfCreditNote(creditNoteSourceOf(creditNote), invoiceSourceOf(detail), deps.seller), syntax);
    res.type('application/xml').send(xml);
  };
  router.get('/v1/invoices/:invoiceRef/credit-notes/:creditNoteRef/cii', sendCreditNote('CII'));
  router.get('/v1/invoices/:invoiceRef/credit-notes/:creditNoteRef/ubl', sendCreditNote('UBL'));

  router.post('/v1/invoices/:invoiceRef/credit-notes', async (req: Request<{ invoiceRef: string }>, res) => {
    const body = req.body as Schemas['CreditNoteRequest'];
    const result = await issueCreditNote(deps, {
      invoiceRef: req.params.invoiceRef,
      reason: body.reason,
      amount: body.amount,
      issuedBy: principalOf(res).subject,
      idempotencyKey: req.get('idempotency-key'),
      correlationId: currentCorrelationId() ?? null,
      scope: customerScopeOf(res),
      audit: auditContextOf(res),
    });
    switch (result.kind) {
      case 'issued':
        res.status(201).location(`/v1/invoices/${req.params.invoiceRef}/credit-notes`).json(creditNoteResponseOf(result.creditNote));
        return;
      case 'replayed':
        res.status(200).json(creditNoteResponseOf(result.creditNote));
        return;
      case 'invoice-not-found':
        throw billingError('INVOICE_NOT_FOUND', `No invoice ${req.params.invoiceRef}.`);
      case 'refused':
        throw billingError(result.code, result.message);
      case 'key-reused':
        throw billingError('IDEMPOTENCY_KEY_REUSED', result.message);
    }
  });

  router.get('/v1/invoices/:invoiceRef/credit-notes', async (req: Request<{ invoiceRef: string }>, res) => {
    const found = await listCreditNotes(deps.db, req.params.invoiceRef, customerScopeOf(res));
    if (!found) throw billingError('INVOICE_NOT_FOUND', `No invoice ${req.params.invoiceRef}.`);
    const body: Schemas['CreditNotesResponse'] = {
      invoiceRef: found.invoiceRef,
      currency: found.currency,
      creditableRemaining: toDecimal(found.creditableRemainingMinor, found.currency),
      creditNotes: found.creditNotes.map(creditNoteResponseOf),
    };
    res.json(body);
  });
}
