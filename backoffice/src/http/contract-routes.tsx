/** @jsx h */
import { h } from 'preact';
import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { contractApi } from '@boissipay/contracts';
import type { ServiceClientsOf } from './clients';
import { apiErrorText, pageContextOf, queryText, redirectAfter, sendPage } from './page-context';
import { ContractPage, ContractsPage, type ContractDetails } from './pages/contracts';

type Status = contractApi.components['schemas']['ContractStatus'];
const lifecycle = ['activate', 'suspend', 'reactivate', 'terminate'] as const;

export function contractRoutes(router: Router, clientsOf: ServiceClientsOf): void {
  router.get('/contracts', async (request, response) => {
    const api = clientsOf(response);
    const status = queryText(request, 'status') as Status | undefined;
    const customerRef = queryText(request, 'customerRef');
    const { data } = await api.contract.GET('/contracts', { params: { query: { status, customerRef, pageSize: 100 } } });
    sendPage(response, <ContractsPage context={pageContextOf(request, response)} contracts={data?.contracts ?? []} filters={{ status, customerRef }} />);
  });

  router.post('/contracts', async (request, response) => {
    const api = clientsOf(response);
    const form = request.body as Record<string, string>;
    const today = new Date().toISOString().slice(0, 10);
    const customerRef = form.customerRef || `CUST-${randomUUID().slice(0, 8)}`;
    // The form asks what an operator types; the rest of the contract request gets the agency's defaults.
    const { data, error, response: answer } = await api.contract.POST('/contracts', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: {
        contractType: 'DEFERRED_BILLING',
        createdAt: today,
        signedAt: today,
        activatedAt: form.activatedAt || today,
        expireAt: form.expireAt || `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
        distributor: { distributorRef: 'BACK OFFICE', contactPerson: { lastName: response.locals.signedIn.name.toUpperCase(), mail: form.mail ?? '' } },
        subscriber: {
          subscriberRef: form.subscriberRef ?? customerRef,
          subscriberType: 'PROFESSIONNAL',
          party: { customerId: customerRef, customerRef },
          contactPerson: { lastName: form.subscriberRef ?? customerRef, mail: form.mail ?? '' },
          contactAddress: { line1: form.subscriberRef ?? customerRef, line6: '75001 PARIS' },
          billingAddress: { line1: form.subscriberRef ?? customerRef, line6: '75001 PARIS', countryCode: 'FR' },
        },
        payment: { mandate: { mandateRef: `RUM-${randomUUID().slice(0, 12)}`, iban: (form.iban ?? '').replace(/\s+/g, ''), signedAt: today, status: 'ACTIVE' } },
        billing: { outstandingLimit: { amount: Number(form.limit), currency: 'EUR' }, contact: { firstName: 'Service', lastName: form.subscriberRef ?? customerRef, mail: form.mail ?? '' } },
      },
    });
    if (!data) return redirectAfter(response, '/contracts', { ok: false, text: apiErrorText(error, answer.status) });
    redirectAfter(response, `/contracts/${encodeURIComponent(data.contractRef)}`, { ok: true });
  });

  router.get('/contracts/:contractRef', async (request, response) => {
    const api = clientsOf(response);
    const contractRef = request.params.contractRef ?? '';
    const { data: contract, error, response: answer } = await api.contract.GET('/contracts/{contractRef}', { params: { path: { contractRef } } });
    if (!contract) return response.status(answer.status).type('text/plain').send(apiErrorText(error, answer.status));
    const [balance, operations, invoices, payments, audit] = await Promise.all([
      api.billing.GET('/contracts/{contractRef}/balance', { params: { path: { contractRef } } }),
      api.billing.GET('/operations', { params: { query: { contractRef, pageSize: 50 } } }),
      api.billing.GET('/invoices', { params: { query: { contractRef, pageSize: 50 } } }),
      api.payment.GET('/payments', { params: { query: { contractRef, pageSize: 50 } } }),
      api.contract.GET('/audit-events', { params: { query: { entityType: 'contract', entityId: contractRef } } }),
    ]);
    const details: ContractDetails = {
      contract,
      balance: balance.data,
      operations: (operations.data?.operations ?? []).map((operation) => ({
        operationId: operation.operationId,
        type: operation.type,
        status: operation.status,
        operationAt: operation.operationAt,
        totalWithTax: operation.totalWithTax,
        currencyCode: operation.currencyCode,
        rejectionCode: operation.rejection?.errorCode,
      })),
      invoices: (invoices.data?.invoices ?? []).map((invoice) => ({ invoiceRef: invoice.invoiceRef, status: invoice.status, totalWithTax: invoice.totalWithTax, currencyCode: invoice.currencyCode, issueDate: invoice.issueDate })),
      payments: (payments.data?.payments ?? []).map((payment) => ({ paymentRef: payment.paymentRef, status: payment.status, invoiceRef: payment.invoiceRef })),
      timeline: (audit.data?.auditEvents ?? []).map((event) => ({ at: event.occurredAt, action: event.action, reason: event.reason ?? undefined, by: event.actor.subject })),
    };
    sendPage(response, <ContractPage context={pageContextOf(request, response)} details={details} />);
  });

  for (const action of lifecycle) {
    router.post(`/contracts/:contractRef/${action}`, async (request, response) => {
      const api = clientsOf(response);
      const contractRef = request.params.contractRef ?? '';
      const reason = String((request.body as Record<string, unknown>).reason ?? '').trim();
      const body = reason ? { reason } : undefined;
      const { error, response: answer } = await api.contract.POST(`/contracts/{contractRef}/${action}`, { params: { path: { contractRef } }, body: body as { reason: string } });
      redirectAfter(response, `/contracts/${encodeURIComponent(contractRef)}`, answer.ok ? { ok: true } : { ok: false, text: apiErrorText(error, answer.status) });
    });
  }
}
