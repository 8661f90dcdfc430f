import { expectError } from '@boissipay/runtime/testing';
import { invoicesOf, purchaseOn, runPeriod, submitAccepted } from './support/billing-runs';
import { startBillingUnderTest, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { buildContractEvent, startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';
import { uniqueName } from './support/test-environment';

const MONTH = '2025-06';
const ALL_SCOPES = ['operations:read', 'operations:write', 'invoices:read', 'billing:run'];

interface CustomerContract {
  customerRef: string;
  contractRef: string;
  operationId: string;
  invoiceRef: string;
}

describe('customer isolation (the customers claim)', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;
  let mine: CustomerContract;
  let theirs: CustomerContract;
  let asCustomer: Record<string, string>;

  /** An active contract of a customer of its own, with one purchase billed in MONTH. */
  async function billedContractOfNewCustomer(): Promise<CustomerContract> {
    const customerRef = uniqueName('CUST');
    const event = buildContractEvent({ type: 'ACTIVATED', contract: { activatedAt: '2025-01-01', signedAt: '2025-01-01', outstandingLimit: { amountMinor: 10_000_000, currency: 'EUR' } } });
    event.contract.subscriber = { ...event.contract.subscriber, customerRef };
    event.contract.mandate = event.contract.mandate ? { ...event.contract.mandate, signedAt: '2025-01-01' } : null;
    await publisher.publish(event);
    await waitForContractVersion(billing, event.contractRef, event.version);
    const { operationId } = await submitAccepted(billing, purchaseOn(event.contractRef, `${MONTH}-10`, [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    return { customerRef, contractRef: event.contractRef, operationId, invoiceRef: '' };
  }

  const operationsOf = async (contractRef: string) =>
    Number((await billing.service.context.pool.query('select count(*) as n from operations where contract_ref = $1', [contractRef])).rows[0]?.n);

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
    [mine, theirs] = [await billedContractOfNewCustomer(), await billedContractOfNewCustomer()];
    await runPeriod(billing, MONTH);
    for (const contract of [mine, theirs]) contract.invoiceRef = (await invoicesOf(billing, contract.contractRef))[0]?.invoice_ref ?? '';
    const token = await billing.token(ALL_SCOPES, 'customer-portal', { customers: [mine.customerRef] });
    asCustomer = { Authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  it('when a customer-scoped token lists operations and invoices, then it sees only its customers’', async () => {
    const operations = await billing.api.get('/v1/operations?pageSize=100').set(asCustomer);
    expect(operations.status).toBe(200);
    expect(operations.body.operations.map((operation: { operationId: string }) => operation.operationId)).toEqual([mine.operationId]);
    expect(operations.body.metadata.totalItems).toBe(1);
    const invoices = await billing.api.get('/v1/invoices?pageSize=100').set(asCustomer);
    expect(invoices.body.invoices.map((invoice: { invoiceRef: string }) => invoice.invoiceRef)).toEqual([mine.invoiceRef]);
    const filtered = await billing.api.get(`/v1/operations?contractRef=${theirs.contractRef}`).set(asCustomer);
    expect(filtered.body.operations).toEqual([]);
  });

  it('when a customer-scoped token reads another customer’s operation, balance or invoice, then 404 as for an unknown one', async () => {
    expect((await billing.api.get(`/v1/operations/${mine.operationId}`).set(asCustomer)).status).toBe(200);
    expect((await billing.api.get(`/v1/contracts/${mine.contractRef}/balance`).set(asCustomer)).status).toBe(200);
    expect((await billing.api.get(`/v1/invoices/${mine.invoiceRef}`).set(asCustomer)).status).toBe(200);
    expectError(await billing.api.get(`/v1/operations/${theirs.operationId}`).set(asCustomer), 404, 'OPERATION_NOT_FOUND');
    expectError(await billing.api.get(`/v1/contracts/${theirs.contractRef}/balance`).set(asCustomer), 404, 'CONTRACT_UNKNOWN');
    expectError(await billing.api.get(`/v1/invoices/${theirs.invoiceRef}`).set(asCustomer), 404, 'INVOICE_NOT_FOUND');
  });

  it('when a customer-scoped token submits on another customer’s or an unknown contract, then 404 CONTRACT_UNKNOWN and nothing is recorded', async () => {
    const before = await operationsOf(theirs.contractRef);
    const onTheirs = await billing.api.post('/v1/operations').set(asCustomer).send(purchaseOn(theirs.contractRef, `${MONTH}-12`, [{ unitPriceMinor: 100, vatRate: 20 }]));
    const unknownRef = uniqueName('CTR');
    const onUnknown = await billing.api.post('/v1/operations').set(asCustomer).send(purchaseOn(unknownRef, `${MONTH}-12`, [{ unitPriceMinor: 100, vatRate: 20 }]));
    expectError(onTheirs, 404, 'CONTRACT_UNKNOWN');
    expectError(onUnknown, 404, 'CONTRACT_UNKNOWN');
    expect(await operationsOf(theirs.contractRef)).toBe(before);
    expect(await operationsOf(unknownRef)).toBe(0);
  });

  it('when a customer-scoped token submits on its own contract, then it is decided as usual', async () => {
    const response = await billing.api.post('/v1/operations').set(asCustomer).send(purchaseOn(mine.contractRef, `${MONTH}-13`, [{ unitPriceMinor: 100, vatRate: 20 }]));
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('ACCEPTED');
  });

  it('when a customer-scoped token asks for billing runs, then 403: an operator action over every customer', async () => {
    expectError(await billing.api.post('/v1/billing-runs').set(asCustomer).send({ period: MONTH }), 403, 'FORBIDDEN');
    expectError(await billing.api.get('/v1/billing-runs').set(asCustomer), 403, 'FORBIDDEN');
  });

  it('when an unrestricted token lists invoices or submits on an unknown contract, then it sees every customer’s and gets the recorded rejection', async () => {
    const response = await billing.api.get('/v1/invoices?pageSize=100').set(await billing.auth(ALL_SCOPES));
    const refs = response.body.invoices.map((invoice: { invoiceRef: string }) => invoice.invoiceRef);
    expect(refs).toEqual(expect.arrayContaining([mine.invoiceRef, theirs.invoiceRef]));
    const rejected = await billing.api.post('/v1/operations').set(await billing.auth(ALL_SCOPES)).send(purchaseOn(uniqueName('CTR'), `${MONTH}-12`, [{ unitPriceMinor: 100, vatRate: 20 }]));
    expect(rejected.status).toBe(422);
    expect(rejected.body.operation.status).toBe('REJECTED');
    expect(JSON.stringify(rejected.body)).toContain('CONTRACT_UNKNOWN');
  });
});
