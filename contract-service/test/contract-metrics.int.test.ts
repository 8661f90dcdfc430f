import { metricValue, parseMetrics } from '@boissipay/runtime/testing';
import { buildContractRequest } from './support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from './support/contract-service-under-test';

describe('contract-service metrics', () => {
  let under: ContractServiceUnderTest;

  beforeAll(async () => {
    under = await startContractService();
  });
  afterAll(() => under?.stop());

  it('when contracts are created, activated and one suspended, then /metrics counts them by status and counts the API calls by route', async () => {
    const auth = { Authorization: `Bearer ${under.writer}` };
    const created = await Promise.all([1, 2, 3].map(() => under.api.post('/v1/contracts').set(auth).send(buildContractRequest({ status: 'ACTIVE' }))));
    for (const contract of created) expect((await under.api.post(`/v1/contracts/${contract.body.contractRef}/activate`).set(auth).send()).status).toBe(200);
    expect((await under.api.post(`/v1/contracts/${created[0]?.body.contractRef}/suspend`).set(auth).send({ reason: 'metrics test' })).status).toBe(200);

    const samples = parseMetrics((await under.api.get('/metrics')).text);
    expect(metricValue(samples, 'boissipay_contracts', { status: 'ACTIVE' })).toBe(2);
    expect(metricValue(samples, 'boissipay_contracts', { status: 'SUSPENDED' })).toBe(1);
    expect(metricValue(samples, 'boissipay_contracts', { status: 'EXPIRED' })).toBe(0);
    expect(metricValue(samples, 'boissipay_http_request_duration_seconds_count', { method: 'POST', route: '/v1/contracts', status: '201' })).toBe(3);
    expect(metricValue(samples, 'boissipay_http_request_duration_seconds_count', { method: 'POST', route: '/v1/contracts/{contractRef}/suspend', status: '200' })).toBe(1);
    expect(metricValue(samples, 'boissipay_outbox_pending_events')).toBeGreaterThanOrEqual(0);
  });
});
