import { expectError } from '@boissipay/runtime/testing';
import { buildContractRequest } from './support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from './support/contract-service-under-test';

/** Inputs that used to reach PostgreSQL and come back as a 500: each is a 400 (or 401) now, and writes nothing. */
describe('contract API, hostile input', () => {
  let under: ContractServiceUnderTest;
  const auth = () => ({ Authorization: `Bearer ${under.writer}` });
  const contractCount = async () => (await under.service.context.pool.query<{ count: number }>('select count(*)::int as count from contracts')).rows[0]?.count;

  beforeAll(async () => {
    under = await startContractService();
  });
  afterAll(() => under?.stop());

  it.each(['customerRef=%00', 'customerRef=CUST%00X', 'page=1e300', 'page=0x10', 'page=100001', 'pageSize=%2010'])('when listing with ?%s, then 400', async (query) => {
    expectError(await under.api.get(`/v1/contracts?${query}`).set(auth()), 400, 'VALIDATION_FAILED');
  });

  it('when a contract reference holds a NUL, then 400', async () => {
    expectError(await under.api.get('/v1/contracts/CTR-2026-%00').set(auth()), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['a year below 100', { createdAt: '0099-12-31' }],
    ['a year before 1900', { signedAt: '1899-12-31' }],
    ['a NUL in a name', { subscriber: { contactPerson: { lastName: 'DOE\u0000' } } }],
    ['a lone surrogate in a name', { subscriber: { subscriberRef: 'CSE \ud800' } }],
  ])('when a contract is created with %s, then 400 and nothing is written', async (_what, overrides) => {
    const before = await contractCount();
    const body = JSON.stringify(buildContractRequest(overrides as never)).replace(/[\ud800-\udfff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
    expectError(await under.api.post('/v1/contracts').set(auth()).set('Content-Type', 'application/json').send(body), 400, 'VALIDATION_FAILED');
    expect(await contractCount()).toBe(before);
  });

  it('when a body comes without a token, then 401, whatever the body (malformed, or larger than the limit)', async () => {
    const send = (body: string) => under.api.post('/v1/contracts').set('Content-Type', 'application/json').send(body);
    expectError(await send('{"productRef": '), 401, 'UNAUTHORIZED');
    expectError(await send(JSON.stringify({ note: 'x'.repeat(300_000) })), 401, 'UNAUTHORIZED');
  });
});
