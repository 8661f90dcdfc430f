import { expectError } from '@boissipay/runtime/testing';
import { buildContractRequest } from './support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from './support/contract-service-under-test';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('customer isolation (the customers claim)', () => {
  let under: ContractServiceUnderTest;
  let mine: { contractRef: string; customerRef: string };
  let theirs: { contractRef: string; customerRef: string };
  let customerToken: string;

  const createAsBackOffice = async () => {
    const request = buildContractRequest();
    const response = await under.api.post('/v1/contracts').set(bearer(under.writer)).send(request);
    expect(response.status).toBe(201);
    return { contractRef: response.body.contractRef as string, customerRef: request.subscriber.party?.customerRef as string };
  };

  beforeAll(async () => {
    under = await startContractService();
    mine = await createAsBackOffice();
    theirs = await createAsBackOffice();
    customerToken = await under.token(['contracts:read', 'contracts:write'], 'customer-portal', { customers: [mine.customerRef] });
  });
  afterAll(() => under?.stop());

  it('when a customer-scoped token lists contracts, then it sees only its customers’ contracts', async () => {
    const response = await under.api.get('/v1/contracts?pageSize=100').set(bearer(customerToken));
    expect(response.status).toBe(200);
    expect(response.body.contracts.map((contract: { contractRef: string }) => contract.contractRef)).toEqual([mine.contractRef]);
    expect(response.body.metadata.totalItems).toBe(1);
    const filtered = await under.api.get(`/v1/contracts?customerRef=${theirs.customerRef}`).set(bearer(customerToken));
    expect(filtered.body.contracts).toEqual([]);
  });

  it('when a customer-scoped token reads another customer’s contract, then 404 as for an unknown one', async () => {
    expect((await under.api.get(`/v1/contracts/${mine.contractRef}`).set(bearer(customerToken))).status).toBe(200);
    const response = await under.api.get(`/v1/contracts/${theirs.contractRef}`).set(bearer(customerToken));
    const unknown = await under.api.get('/v1/contracts/CTR-2026-999999999').set(bearer(customerToken));
    expectError(response, 404, 'CONTRACT_NOT_FOUND');
    expectError(unknown, 404, 'CONTRACT_NOT_FOUND');
  });

  it('when a customer-scoped token changes another customer’s contract, then 404 and the contract is unchanged', async () => {
    const response = await under.api.post(`/v1/contracts/${theirs.contractRef}/activate`).set(bearer(customerToken)).send();
    expectError(response, 404, 'CONTRACT_NOT_FOUND');
    const limit = await under.api.put(`/v1/contracts/${theirs.contractRef}/outstanding-limit`).set(bearer(customerToken)).send({ amount: 1, currency: 'EUR' });
    expectError(limit, 404, 'CONTRACT_NOT_FOUND');
    const seen = await under.api.get(`/v1/contracts/${theirs.contractRef}`).set(bearer(under.writer));
    expect(seen.body).toMatchObject({ status: 'CREATED', version: 1 });
  });

  it('when a customer-scoped token changes its own contract, then the change is made', async () => {
    const response = await under.api.post(`/v1/contracts/${mine.contractRef}/activate`).set(bearer(customerToken)).send();
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ACTIVE');
  });

  it('when a customer-scoped token subscribes a contract for another customer, then 403 and nothing is stored', async () => {
    const { rows: before } = await under.service.context.pool.query<{ n: number }>('select count(*)::int as n from contracts');
    const forOther = await under.api.post('/v1/contracts').set(bearer(customerToken)).send(buildContractRequest());
    expectError(forOther, 403, 'FORBIDDEN');
    const forMine = await under.api.post('/v1/contracts').set(bearer(customerToken)).send(buildContractRequest({ subscriber: { party: { customerRef: mine.customerRef } } }));
    expect(forMine.status).toBe(201);
    const { rows: after } = await under.service.context.pool.query<{ n: number }>('select count(*)::int as n from contracts');
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
  });

  it('when an unrestricted token lists contracts, then it sees every customer’s', async () => {
    const response = await under.api.get('/v1/contracts?pageSize=100').set(bearer(under.writer));
    const refs = response.body.contracts.map((contract: { contractRef: string }) => contract.contractRef);
    expect(refs).toEqual(expect.arrayContaining([mine.contractRef, theirs.contractRef]));
  });
});
