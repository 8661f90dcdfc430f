import { randomUUID } from 'node:crypto';
import { expectAuditEventsGuarded, readAuditEvents } from '@boissipay/runtime/testing';
import { periodJustEnded } from '../src/domain/billing-period';
import { calendarDateIn } from '../src/domain/calendar';
import { startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import { knownContract } from './support/billing-runs';
import { startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';
import { buildPurchaseRequest, type OperationRequest } from './support/operation-requests';

const SALES = 'sales-system-eu';
const SALES_SCOPES = ['operations:write'];

describe('billing audit trail', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;
  let auditor: string;

  const submit = async (body: OperationRequest, requestId: string, headers: Record<string, string> = {}) =>
    billing.api
      .post('/v1/operations')
      .set({ ...(await billing.auth(SALES_SCOPES, SALES)), 'X-Correlation-Id': requestId, ...headers })
      .send(body);
  const auditCount = async () => (await billing.service.context.pool.query<{ n: number }>('select count(*)::int as n from audit_events')).rows[0]?.n;
  const trailOf = (entityType: string, entityId: string) => readAuditEvents(billing.api, auditor, { entityType, entityId });

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
    auditor = await billing.token(['audit:read'], 'auditor-bob');
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  it('when a purchase is accepted, then its submission is recorded with the caller, the request id, the decision and the outstanding before and after', async () => {
    const contractRef = await knownContract(billing, publisher, 50_000);
    const response = await submit(buildPurchaseRequest(contractRef, 12_345), 'req-purchase-1');
    expect(response.status).toBe(201);

    const { auditEvents } = await trailOf('operation', response.body.operationId);

    expect(auditEvents).toEqual([
      {
        auditEventId: expect.any(String),
        occurredAt: response.body.decidedAt,
        actor: { subject: SALES, scopes: SALES_SCOPES },
        requestId: 'req-purchase-1',
        entityType: 'operation',
        entityId: response.body.operationId,
        action: 'SUBMIT_PURCHASE',
        before: { outstandingMinor: 0 },
        after: { contractRef, orderRef: expect.any(String), status: 'ACCEPTED', rejectionCode: null, amountMinor: 12_345, currency: 'EUR', outstandingMinor: 12_345 },
      },
    ]);
  });

  it('when a purchase is rejected, then the rejection is recorded too (it is stored and published like any decision)', async () => {
    const contractRef = await knownContract(billing, publisher, 1_000);
    const response = await submit(buildPurchaseRequest(contractRef, 5_000), 'req-rejected-1');
    expect(response.status).toBe(422);

    const { auditEvents } = await trailOf('operation', response.body.operationId);

    expect(auditEvents).toHaveLength(1);
    expect(auditEvents[0]).toMatchObject({ action: 'SUBMIT_PURCHASE', requestId: 'req-rejected-1', actor: { subject: SALES }, after: { status: 'REJECTED', rejectionCode: 'OUTSTANDING_LIMIT_EXCEEDED' } });
    expect(auditEvents[0]).not.toHaveProperty('before');
  });

  it('when a submission is replayed with its Idempotency-Key or refused before any decision, then nothing new is recorded', async () => {
    const contractRef = await knownContract(billing, publisher);
    const body = buildPurchaseRequest(contractRef, 1_000);
    const key = randomUUID();
    const first = await submit(body, randomUUID(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const before = await auditCount();

    const replay = await submit(body, randomUUID(), { 'Idempotency-Key': key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const mismatch = await submit({ ...body, order: { ...body.order, orderRef: `${body.order.orderRef}-2`, totalTax: 0.01 } }, randomUUID());
    expect(mismatch.status).toBe(400);

    expect(await auditCount()).toBe(before);
    expect((await trailOf('operation', first.body.operationId)).auditEvents).toHaveLength(1);
  });

  it('when an operator starts a billing run, then the start is recorded; a dry run records nothing', async () => {
    const period = periodJustEnded(calendarDateIn('Europe/Paris', new Date())).id;
    const operator = await billing.auth(['billing:run'], 'operator-ops');
    const before = await auditCount();
    const preview = await billing.api.post('/v1/billing-runs').set(operator).send({ period, dryRun: true });
    expect(preview.status).toBe(200);
    expect(await auditCount()).toBe(before);

    const started = await billing.api.post('/v1/billing-runs').set({ ...operator, 'X-Correlation-Id': 'req-run-1' }).send({ period });
    expect(started.status).toBe(202);

    const { auditEvents } = await trailOf('billing-run', started.body.runId);
    expect(auditEvents).toEqual([
      {
        auditEventId: expect.any(String),
        occurredAt: started.body.startedAt,
        actor: { subject: 'operator-ops', scopes: ['billing:run'] },
        requestId: 'req-run-1',
        entityType: 'billing-run',
        entityId: started.body.runId,
        action: 'START_BILLING_RUN',
        after: { period, status: 'RUNNING', trigger: 'API' },
      },
    ]);
    const runs = await readAuditEvents(billing.api, auditor, { entityType: 'billing-run' });
    expect(runs.auditEvents.map((event) => event.entityId)).toEqual([started.body.runId]);
  });

  it('when the caller has no token or lacks audit:read, then the list answers 401 or 403', async () => {
    await expectAuditEventsGuarded(billing.api, await billing.token(['operations:read', 'operations:write', 'invoices:read', 'billing:run']));
  });
});
