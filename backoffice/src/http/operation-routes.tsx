/** @jsx h */
/** @jsxFrag Fragment */
import { Fragment, h } from 'preact';
import type { Router } from 'express';
import type { billingApi } from '@boissipay/contracts';
import type { ServiceClientsOf } from './clients';
import { pageContextOf, queryText, sendPage } from './page-context';
import { money } from './pages/layout';
import { Filter, TablePage } from './pages/table-page';

type DecisionStatus = billingApi.components['schemas']['DecisionStatus'];
type OperationType = billingApi.components['schemas']['OperationType'];

/** Operations by contract, status, type and date range, with their lines and travel details. */
export function operationRoutes(router: Router, clientsOf: ServiceClientsOf): void {
  router.get('/operations', async (request, response) => {
    const context = pageContextOf(request, response);
    const { t, lang } = context;
    const filters = {
      contractRef: queryText(request, 'contractRef'),
      status: queryText(request, 'status') as DecisionStatus | undefined,
      type: queryText(request, 'type') as OperationType | undefined,
      from: queryText(request, 'from'),
      to: queryText(request, 'to'),
    };
    const { data } = await clientsOf(response).billing.GET('/operations', { params: { query: { ...filters, pageSize: 100 } } });
    sendPage(
      response,
      <TablePage
        context={context}
        title={t.operations}
        filters={
          <>
            <Filter name="contractRef" label={t.contract} value={filters.contractRef} anyLabel={t.any} />
            <Filter name="status" label={t.status} value={filters.status} options={['ACCEPTED', 'REJECTED']} anyLabel={t.any} />
            <Filter name="type" label={t.type} value={filters.type} options={['PURCHASE', 'REFUND']} anyLabel={t.any} />
            <Filter name="from" label={t.from} value={filters.from} type="date" anyLabel={t.any} />
            <Filter name="to" label={t.to} value={filters.to} type="date" anyLabel={t.any} />
          </>
        }
        rows={data?.operations ?? []}
        columns={[
          { label: t.date, cell: (row) => row.operationAt },
          { label: t.contract, cell: (row) => <a href={`/contracts/${encodeURIComponent(row.contractRef)}`}>{row.contractRef}</a> },
          { label: t.type, cell: (row) => `${row.type} ${row.order.orderRef}` },
          { label: t.status, cell: (row) => `${row.status}${row.rejection ? ` — ${row.rejection.errorCode}: ${row.rejection.message}` : ''}` },
          { label: t.amount, cell: (row) => money(row.totalWithTax, row.currencyCode, lang) },
          {
            label: t.details,
            cell: (row) => (
              <ul>
                {row.order.orderItems.flatMap((item) => item.productItems).map((line) => (
                  <li>{`${line.productLabel} × ${line.quantity}${line.travel ? ` · ${[line.travel.travellerName, line.travel.bookingRef].filter(Boolean).join(' · ')}` : ''}`}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />,
    );
  });
}
