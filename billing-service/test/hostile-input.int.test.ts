import { randomUUID } from 'node:crypto';
import { expectError } from '@boissipay/runtime/testing';
import { startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import { buildOrder, buildPurchaseRequest } from './support/operation-requests';

/** Inputs that used to reach PostgreSQL and come back as a 500: each is a 400 now, and writes nothing. */
describe('billing API, hostile input', () => {
  let billing: BillingUnderTest;
  const operationCount = async () => (await billing.service.context.pool.query<{ count: number }>('select count(*)::int as count from operations')).rows[0]?.count;

  beforeAll(async () => {
    billing = await startBillingUnderTest();
  });
  afterAll(() => billing?.stop());

  it.each([`urn:uuid:${randomUUID()}`, `{${randomUUID()}}`, '%00'])('when an operation is read by the id %s, then 400', async (id) => {
    expectError(await billing.api.get(`/v1/operations/${id}`).set(await billing.auth()), 400, 'VALIDATION_FAILED');
  });

  it.each(['from=0000-01-01', 'to=0099-12-31', 'page=1e300', 'pageSize=0x10'])('when operations are listed with ?%s, then 400', async (query) => {
    expectError(await billing.api.get(`/v1/operations?${query}`).set(await billing.auth()), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['a lone surrogate in a product label', 'Train \\ud800'],
    ['a NUL in a product label', 'Train\\u0000'],
  ])('when a purchase carries %s, then 400 and no operation is stored', async (_what, escapedLabel) => {
    const before = await operationCount();
    const request = buildPurchaseRequest('CTR-2026-000001', 10_000, { order: buildOrder(10_000) });
    const body = JSON.stringify(request).replace('"productLabel":"Paris – Lyon, 2nd class"', `"productLabel":"${escapedLabel}"`);
    expect(body).toContain(escapedLabel);
    const response = await billing.api.post('/v1/operations').set(await billing.auth()).set('Content-Type', 'application/json').send(body);
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(await operationCount()).toBe(before);
  });

  it('when a purchase is dated in year 0, then 400 and no operation is stored', async () => {
    const before = await operationCount();
    const response = await billing.api.post('/v1/operations').set(await billing.auth()).send(buildPurchaseRequest('CTR-2026-000001', 10_000, { operationAt: '0000-01-01' }));
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(await operationCount()).toBe(before);
  });
});
