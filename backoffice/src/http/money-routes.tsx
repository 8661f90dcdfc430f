/** @jsx h */
/** @jsxFrag Fragment */
import { Fragment, h } from 'preact';
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { billingApi, mailerApi, paymentApi } from '@boissipay/contracts';
import type { ServiceClientsOf } from './clients';
import { apiErrorText, pageContextOf, queryText, redirectAfter, sendPage } from './page-context';
import { ActionForm, Layout, money } from './pages/layout';
import { Filter, TablePage } from './pages/table-page';

type PaymentStatus = paymentApi.components['schemas']['PaymentStatus'];
type DeliveryStatus = mailerApi.components['schemas']['DeliveryStatus'];
type InvoiceStatus = billingApi.components['schemas']['InvoiceStatus'];
const reasonOf = (body: unknown) => String((body as Record<string, unknown>).reason ?? '').trim();
const failedFirst = <T extends { status: string }>(rows: T[]) => [...rows].sort((a, b) => Number(b.status === 'FAILED') - Number(a.status === 'FAILED'));

/** Billing runs, invoices, payments and deliveries, with the operator actions on them. */
export function moneyRoutes(router: Router, clientsOf: ServiceClientsOf): void {
  router.get('/payments', async (request, response) => {
    const context = pageContextOf(request, response);
    const { t, lang } = context;
    const status = queryText(request, 'status') as PaymentStatus | undefined;
    const { data } = await clientsOf(response).payment.GET('/payments', { params: { query: { status, pageSize: 100 } } });
    const rows = failedFirst(data?.payments ?? []);
    sendPage(
      response,
      <TablePage
        context={context}
        title={t.payments}
        filters={<Filter name="status" label={t.status} value={status} options={['PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED']} anyLabel={t.any} />}
        rows={rows}
        columns={[
          { label: 'Ref', cell: (row) => row.paymentRef },
          { label: t.invoice, cell: (row) => <a href={`/invoices/${encodeURIComponent(row.invoiceRef)}`}>{row.invoiceRef}</a> },
          { label: t.amount, cell: (row) => money(row.amount.amount, row.amount.currency, lang) },
          { label: t.status, cell: (row) => `${row.status}${row.reasonCode ? ` (${row.reasonCode})` : ''}` },
          {
            label: t.details,
            cell: (row) =>
              context.user.permissions.operatePayments && row.status === 'FAILED' ? (
                <>
                  <ActionForm context={context} action={`/payments/${encodeURIComponent(row.paymentRef)}/retry`} label={t.retry} />
                  <ActionForm context={context} action={`/payments/${encodeURIComponent(row.paymentRef)}/manual-payment`} label={t.manualPayment}>
                    <span class="field">
                      <label for={`bank-${row.paymentRef}`}>{t.bankReference}</label>
                      <input id={`bank-${row.paymentRef}`} name="bankReference" required />
                    </span>
                  </ActionForm>
                </>
              ) : (
                `${row.attemptCount}`
              ),
          },
        ]}
      />,
    );
  });

  router.post('/payments/:paymentRef/retry', async (request, response) => {
    const paymentRef = request.params.paymentRef ?? '';
    const { error, response: answer } = await clientsOf(response).payment.POST('/payments/{paymentRef}/retry', {
      params: { path: { paymentRef }, header: { 'Idempotency-Key': randomUUID() } },
      body: { reason: reasonOf(request.body) },
    });
    redirectAfter(response, '/payments', answer.ok ? { ok: true } : { ok: false, text: apiErrorText(error, answer.status) });
  });

  router.post('/payments/:paymentRef/manual-payment', async (request, response) => {
    const paymentRef = request.params.paymentRef ?? '';
    const bankReference = String((request.body as Record<string, unknown>).bankReference ?? '');
    const { error, response: answer } = await clientsOf(response).payment.POST('/payments/{paymentRef}/manual-payment', {
      params: { path: { paymentRef }, header: { 'Idempotency-Key': randomUUID() } },
      body: { reason: reasonOf(request.body), bankReference, receivedOn: new Date().toISOString().slice(0, 10) },
    });
    redirectAfter(response, '/payments', answer.ok ? { ok: true } : { ok: false, text: apiErrorText(error, answer.status) });
  });

  router.get('/deliveries', async (request, response) => {
    const context = pageContextOf(request, response);
    const { t } = context;
    const status = queryText(request, 'status') as DeliveryStatus | undefined;
    const { data } = await clientsOf(response).mailer.GET('/deliveries', { params: { query: { status, pageSize: 100 } } });
    sendPage(
      response,
      <TablePage
        context={context}
        title={t.deliveries}
        filters={<Filter name="status" label={t.status} value={status} options={['PENDING', 'SENT', 'FAILED']} anyLabel={t.any} />}
        rows={failedFirst(data?.deliveries ?? [])}
        columns={[
          { label: t.invoice, cell: (row) => <a href={`/invoices/${encodeURIComponent(row.invoiceRef)}`}>{row.invoiceRef}</a> },
          { label: t.type, cell: (row) => row.kind },
          { label: t.status, cell: (row) => `${row.status}${row.lastError ? ` (${row.lastError})` : ''}` },
          {
            label: t.details,
            cell: (row) =>
              context.user.permissions.operateDeliveries && row.status !== 'PENDING' ? (
                <ActionForm context={context} action={`/invoices/${encodeURIComponent(row.invoiceRef)}/resend`} label={t.resend} />
              ) : (
                `${row.attempts}`
              ),
          },
        ]}
      />,
    );
  });

  router.post('/invoices/:invoiceRef/resend', async (request, response) => {
    const invoiceRef = request.params.invoiceRef ?? '';
    const { error, response: answer } = await clientsOf(response).mailer.POST('/invoices/{invoiceRef}/deliveries', {
      params: { path: { invoiceRef }, header: { 'Idempotency-Key': randomUUID() } },
      body: { reason: reasonOf(request.body) },
    });
    redirectAfter(response, '/deliveries', answer.ok ? { ok: true } : { ok: false, text: apiErrorText(error, answer.status) });
  });

  router.get('/invoices', async (request, response) => {
    const context = pageContextOf(request, response);
    const { t, lang } = context;
    const status = queryText(request, 'status') as InvoiceStatus | undefined;
    const period = queryText(request, 'period');
    const { data } = await clientsOf(response).billing.GET('/invoices', { params: { query: { status, period, pageSize: 100 } } });
    sendPage(
      response,
      <TablePage
        context={context}
        title={t.invoices}
        filters={
          <>
            <Filter name="status" label={t.status} value={status} options={['ISSUED', 'PAID', 'UNPAID']} anyLabel={t.any} />
            <Filter name="period" label={t.period} value={period} type="month" anyLabel={t.any} />
          </>
        }
        rows={data?.invoices ?? []}
        columns={[
          { label: t.invoice, cell: (row) => <a href={`/invoices/${encodeURIComponent(row.invoiceRef)}`}>{row.invoiceRef}</a> },
          { label: t.contract, cell: (row) => row.contractRef },
          { label: t.date, cell: (row) => row.issueDate },
          { label: t.amount, cell: (row) => money(row.totalWithTax, row.currencyCode, lang) },
          { label: t.status, cell: (row) => `${row.status} · ${row.deliveryStatus}` },
        ]}
      />,
    );
  });

  router.get('/invoices/:invoiceRef', async (request, response) => {
    const context = pageContextOf(request, response);
    const { t, lang } = context;
    const invoiceRef = request.params.invoiceRef ?? '';
    const api = clientsOf(response);
    const [invoice, payments, deliveries, creditNotes] = await Promise.all([
      api.billing.GET('/invoices/{invoiceRef}', { params: { path: { invoiceRef } } }),
      api.payment.GET('/payments', { params: { query: { invoiceRef } } }),
      api.mailer.GET('/deliveries', { params: { query: { invoiceRef } } }),
      api.billing.GET('/invoices/{invoiceRef}/credit-notes', { params: { path: { invoiceRef } } }),
    ]);
    if (!invoice.data) return response.status(invoice.response.status).type('text/plain').send(apiErrorText(invoice.error, invoice.response.status));
    const data = invoice.data;
    sendPage(
      response,
      <Layout context={context} title={`${t.invoice} ${invoiceRef}`}>
        <p>{`${data.contractRef} · ${data.issueDate} · ${data.status} · ${money(data.totalWithTax, data.currencyCode, lang)}`}</p>
        <h2>{t.payments}</h2>
        <ul>{(payments.data?.payments ?? []).map((payment) => <li>{`${payment.paymentRef} · ${payment.status} · ${payment.attemptCount}`}</li>)}</ul>
        <h2>{t.deliveries}</h2>
        <ul>{(deliveries.data?.deliveries ?? []).map((delivery) => <li>{[delivery.creditNoteRef, delivery.kind, delivery.status, delivery.sentAt].filter((part): part is string => typeof part === 'string').join(' · ')}</li>)}</ul>
        <h2>{t.creditNotes}</h2>
        <ul id="credit-notes">
          {(creditNotes.data?.creditNotes ?? []).map((creditNote) => (
            <li>
              {`${creditNote.creditNoteRef} · ${creditNote.issueDate} · ${money(creditNote.totalWithTax, creditNote.currency, lang)} · ${creditNote.reason} `}
              <a href={`/credit-notes/${encodeURIComponent(creditNote.creditNoteRef)}/pdf`}>{`${t.pdf} ${creditNote.creditNoteRef}`}</a>
            </li>
          ))}
        </ul>
        {context.user.permissions.creditInvoices && <ActionForm context={context} action={`/invoices/${encodeURIComponent(invoiceRef)}/credit-notes`} label={t.creditNote} />}
        <h2>{t.pdf}</h2>
        <iframe id="invoice-pdf" title={`${t.pdf} ${invoiceRef}`} src={`/invoices/${encodeURIComponent(invoiceRef)}/pdf`} width="100%" height="600" />
      </Layout>,
    );
  });

  router.get('/invoices/:invoiceRef/pdf', async (request, response) => {
    const invoiceRef = request.params.invoiceRef ?? '';
    const { data, response: answer } = await clientsOf(response).mailer.GET('/invoices/{invoiceRef}/pdf', { params: { path: { invoiceRef } }, parseAs: 'arrayBuffer' });
    if (!data) return response.status(answer.status).type('text/plain').send(`HTTP ${answer.status}`);
    response.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${invoiceRef}.pdf"`);
    response.send(Buffer.from(data));
  });

  // A credit note's PDF is the mailer's, as the invoice's is: the Factur-X it e-mailed.
  router.get('/credit-notes/:creditNoteRef/pdf', async (request, response) => {
    const creditNoteRef = request.params.creditNoteRef ?? '';
    const { data, response: answer } = await clientsOf(response).mailer.GET('/credit-notes/{creditNoteRef}/pdf', { params: { path: { creditNoteRef } }, parseAs: 'arrayBuffer' });
    if (!data) return response.status(answer.status).type('text/plain').send(`HTTP ${answer.status}`);
    response.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${creditNoteRef}.pdf"`);
    response.send(Buffer.from(data));
  });

  router.post('/invoices/:invoiceRef/credit-notes', async (request, response) => {
    const invoiceRef = request.params.invoiceRef ?? '';
    const { error, response: answer } = await clientsOf(response).billing.POST('/invoices/{invoiceRef}/credit-notes', {
      params: { path: { invoiceRef }, header: { 'Idempotency-Key': randomUUID() } },
      body: { reason: reasonOf(request.body) },
    });
    redirectAfter(response, `/invoices/${encodeURIComponent(invoiceRef)}`, answer.ok ? { ok: true } : { ok: false, text: apiErrorText(error, answer.status) });
  });
}
