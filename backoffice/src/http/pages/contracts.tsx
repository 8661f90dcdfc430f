/** @jsx h */
import { h } from 'preact';
import type { contractApi } from '@boissipay/contracts';
import { ActionForm, Layout, money, type PageContext } from './layout';

type Contract = contractApi.components['schemas']['ContractResponse'];
type Status = contractApi.components['schemas']['ContractStatus'];
const statuses: Status[] = ['CREATED', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED'];

export function ContractsPage(props: { context: PageContext; contracts: Contract[]; filters: { status?: string; customerRef?: string } }) {
  const { t, csrf, user } = props.context;
  return (
    <Layout context={props.context} title={t.contracts}>
      <form method="get" class="filters" role="search">
        <label for="status">{t.status}</label>
        <select id="status" name="status">
          <option value="">{t.any}</option>
          {statuses.map((status) => (
            <option selected={props.filters.status === status}>{status}</option>
          ))}
        </select>
        <label for="customerRef">{t.customer}</label>
        <input id="customerRef" name="customerRef" value={props.filters.customerRef ?? ''} />
        <button type="submit">{t.search}</button>
      </form>
      <table>
        <caption>{t.contracts}</caption>
        <thead>
          <tr>
            <th scope="col">{t.contract}</th>
            <th scope="col">{t.customer}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.limit}</th>
            <th scope="col">{t.validity}</th>
          </tr>
        </thead>
        <tbody>
          {props.contracts.map((contract) => (
            <tr>
              <td>
                <a href={`/contracts/${encodeURIComponent(contract.contractRef)}`}>{contract.contractRef}</a>
              </td>
              <td>{`${contract.subscriber.subscriberRef} (${contract.subscriber.party?.customerRef ?? ""})`}</td>
              <td>{contract.status}</td>
              <td>{money(contract.billing.outstandingLimit.amount, contract.billing.outstandingLimit.currency, props.context.lang)}</td>
              <td>{`${contract.activatedAt} → ${contract.expireAt}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {user.permissions.changeContracts && (
        <section aria-labelledby="new-contract">
          <h2 id="new-contract">{t.newContract}</h2>
          <form method="post" action="/contracts" class="grid">
            <input type="hidden" name="_csrf" value={csrf} />
            {(
              [
                ['subscriberRef', t.name, 'text', 'CSE ACME'],
                ['customerRef', t.customer, 'text', ''],
                ['mail', t.email, 'email', ''],
                ['iban', t.iban, 'text', 'FR7630006000011234567890189'],
                ['limit', t.limit, 'number', '1000'],
                ['activatedAt', t.from, 'date', ''],
                ['expireAt', t.to, 'date', ''],
              ] as const
            ).map(([name, label, type, value]) => (
              <span class="field">
                <label for={`new-${name}`}>{label}</label>
                <input id={`new-${name}`} name={name} type={type as 'text'} value={value} required step={type === 'number' ? '0.01' : undefined} />
              </span>
            ))}
            <button type="submit">{t.create}</button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export interface ContractDetails {
  contract: Contract;
  balance?: { outstanding: number; limit: number; available: number; currencyCode: string };
  operations: Array<{ operationId: string; type: string; status: string; operationAt: string; totalWithTax: number; currencyCode: string; rejectionCode?: string }>;
  invoices: Array<{ invoiceRef: string; status: string; totalWithTax: number; currencyCode: string; issueDate: string }>;
  payments: Array<{ paymentRef: string; status: string; invoiceRef: string }>;
  timeline: Array<{ at: string; action: string; reason?: string; by?: string }>;
}

export function ContractPage(props: { context: PageContext; details: ContractDetails }) {
  const { t, lang, user } = props.context;
  const { contract, balance } = props.details;
  const base = `/contracts/${encodeURIComponent(contract.contractRef)}`;
  const actions: Array<[string, string, 'required' | 'optional']> = [];
  if (contract.status === 'CREATED') actions.push(['activate', t.activate, 'optional']);
  if (contract.status === 'ACTIVE') actions.push(['suspend', t.suspend, 'required']);
  if (contract.status === 'SUSPENDED') actions.push(['reactivate', t.reactivate, 'optional']);
  if (['CREATED', 'ACTIVE', 'SUSPENDED'].includes(contract.status)) actions.push(['terminate', t.terminate, 'required']);
  return (
    <Layout context={props.context} title={`${t.contract} ${contract.contractRef}`}>
      <p>
        {t.status} <strong id="contract-status">{contract.status}</strong> · {contract.subscriber.subscriberRef} · {`${contract.activatedAt} → ${contract.expireAt}`}
      </p>
      {balance && (
        <p>
          <label for="gauge">{`${t.outstanding} / ${t.limit}`}</label>{' '}
          <meter id="gauge" min={0} max={balance.limit} high={balance.limit * 0.9} value={Math.max(0, balance.outstanding)} />{' '}
          {`${money(balance.outstanding, balance.currencyCode, lang)} / ${money(balance.limit, balance.currencyCode, lang)} · ${t.available} ${money(balance.available, balance.currencyCode, lang)}`}
        </p>
      )}
      {user.permissions.changeContracts && (
        <section aria-label="actions" class="actions">
          {actions.map(([action, label, reason]) => (
            <ActionForm context={props.context} action={`${base}/${action}`} label={label} reason={reason} />
          ))}
        </section>
      )}
      <h2>{t.timeline}</h2>
      <ol>
        {props.details.timeline.map((entry) => (
          <li>{`${entry.at} · ${entry.action}${entry.by ? ` · ${entry.by}` : ''}${entry.reason ? ` · ${entry.reason}` : ''}`}</li>
        ))}
      </ol>
      <h2>{t.operations}</h2>
      <ul id="operations">
        {props.details.operations.map((operation) => (
          <li>{`${operation.operationAt} · ${operation.type} · ${operation.status}${operation.rejectionCode ? ` (${operation.rejectionCode})` : ''} · ${money(operation.totalWithTax, operation.currencyCode, lang)}`}</li>
        ))}
      </ul>
      <h2>{t.invoices}</h2>
      <ul>
        {props.details.invoices.map((invoice) => (
          <li>
            <a href={`/invoices/${encodeURIComponent(invoice.invoiceRef)}`}>{invoice.invoiceRef}</a>
            {` · ${invoice.issueDate} · ${invoice.status} · ${money(invoice.totalWithTax, invoice.currencyCode, lang)}`}
          </li>
        ))}
      </ul>
      <h2>{t.payments}</h2>
      <ul>
        {props.details.payments.map((payment) => (
          <li>{`${payment.paymentRef} · ${payment.invoiceRef} · ${payment.status}`}</li>
        ))}
      </ul>
    </Layout>
  );
}
