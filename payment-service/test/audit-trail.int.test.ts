import { randomUUID } from 'node:crypto';
import { recordAuditEvent, type AuditEntry } from '@boissipay/runtime';
import { expectAuditEventsGuarded, readAuditEvents } from '@boissipay/runtime/testing';
import { startPaymentService, type PaymentServiceUnderTest } from './support/payment-service-under-test';

/**
 * The payment API has no operation that changes state yet; the operator actions to come
 * (retry a debit, record a manual payment, cancel) record theirs with one call inside their
 * transaction, as done here, and the trail serves them.
 */
describe('payment audit trail', () => {
  let under: PaymentServiceUnderTest;
  let auditor: string;
  const operatorAction = (paymentRef: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    actor: { subject: 'operator-ops', scopes: ['payments:write'] },
    requestId: `req-${randomUUID()}`,
    occurredAt: new Date(),
    entityType: 'payment',
    entityId: paymentRef,
    action: 'RETRY_DEBIT',
    reason: 'customer asked',
    before: { status: 'FAILED' },
    after: { status: 'PENDING' },
    ...overrides,
  });

  beforeAll(async () => {
    under = await startPaymentService();
    auditor = await under.token(['audit:read'], 'auditor-bob');
  });
  afterAll(() => under?.stop());

  it('when an operator action records its event in its transaction, then GET /v1/audit-events returns it as recorded', async () => {
    const entry = operatorAction('PAY-2026-000001');
    await under.service.context.db.transaction((tx) => recordAuditEvent(tx, entry));

    const { auditEvents } = await readAuditEvents(under.api, auditor, { entityType: 'payment', entityId: 'PAY-2026-000001' });

    expect(auditEvents).toEqual([
      {
        auditEventId: expect.any(String),
        occurredAt: entry.occurredAt.toISOString(),
        actor: { subject: 'operator-ops', scopes: ['payments:write'] },
        requestId: entry.requestId,
        entityType: 'payment',
        entityId: 'PAY-2026-000001',
        action: 'RETRY_DEBIT',
        reason: 'customer asked',
        before: { status: 'FAILED' },
        after: { status: 'PENDING' },
      },
    ]);
  });

  it('when the transaction of the action rolls back, then its event is gone with it', async () => {
    const failing = under.service.context.db.transaction(async (tx) => {
      await recordAuditEvent(tx, operatorAction('PAY-2026-000002'));
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');

    expect((await readAuditEvents(under.api, auditor, { entityId: 'PAY-2026-000002' })).metadata.totalItems).toBe(0);
  });

  it('when the trail is read by time window and page, then it returns the matching events newest first', async () => {
    const paymentRef = 'PAY-2026-000003';
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 9, minute));
    for (const minute of [1, 2, 3, 4]) {
      await under.service.context.db.transaction((tx) => recordAuditEvent(tx, operatorAction(paymentRef, { occurredAt: at(minute), action: `ACTION_${minute}` })));
    }
    const read = (query: Record<string, string | number>) => readAuditEvents(under.api, auditor, { entityId: paymentRef, ...query });

    const window = await read({ from: at(2).toISOString(), to: at(4).toISOString() });
    expect(window.auditEvents.map((event) => event.action)).toEqual(['ACTION_3', 'ACTION_2']);
    const second = await read({ pageSize: 3, page: 2 });
    expect(second.auditEvents.map((event) => event.action)).toEqual(['ACTION_1']);
    expect(second.metadata).toMatchObject({ page: 2, pageSize: 3, countItems: 1, totalItems: 4, totalPages: 2 });
  });

  it('when the caller has no token or lacks audit:read, then the list answers 401 or 403', async () => {
    await expectAuditEventsGuarded(under.api, under.reader);
  });
});
