import { randomUUID } from 'node:crypto';
import { recordAuditEvent, type AuditEntry } from '@boissipay/runtime';
import { expectAuditEventsGuarded, readAuditEvents } from '@boissipay/runtime/testing';
import { HOOK_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';

/**
 * The mailer API has no operation that changes state yet; the operator action to come (resend
 * an invoice) records its event with one call inside its transaction, as done here.
 */
describe('mailer audit trail', () => {
  let mailer: MailerUnderTest;
  let auditor: string;
  const resend = (deliveryId: string): AuditEntry => ({
    actor: { subject: 'operator-ops', scopes: ['deliveries:write'] },
    requestId: `req-${randomUUID()}`,
    occurredAt: new Date(),
    entityType: 'delivery',
    entityId: deliveryId,
    action: 'RESEND',
    reason: 'customer lost the e-mail',
    before: { status: 'SENT' },
    after: { status: 'PENDING' },
  });

  beforeAll(async () => {
    mailer = await startMailer();
    auditor = await mailer.token(['audit:read'], 'auditor-bob');
  }, HOOK_TIMEOUT_MS);
  afterAll(() => mailer?.stop(), HOOK_TIMEOUT_MS);

  it('when an operator action records its event in its transaction, then GET /v1/audit-events returns it; when that transaction rolls back, nothing is left', async () => {
    const kept = resend(randomUUID());
    await mailer.service.context.db.transaction((tx) => recordAuditEvent(tx, kept));
    const rolledBack = resend(randomUUID());
    await expect(
      mailer.service.context.db.transaction(async (tx) => {
        await recordAuditEvent(tx, rolledBack);
        throw new Error('the resend failed');
      }),
    ).rejects.toThrow('the resend failed');

    const { auditEvents } = await readAuditEvents(mailer.api, auditor, { entityType: 'delivery' });

    expect(auditEvents).toEqual([
      {
        auditEventId: expect.any(String),
        occurredAt: kept.occurredAt.toISOString(),
        actor: { subject: 'operator-ops', scopes: ['deliveries:write'] },
        requestId: kept.requestId,
        entityType: 'delivery',
        entityId: kept.entityId,
        action: 'RESEND',
        reason: 'customer lost the e-mail',
        before: { status: 'SENT' },
        after: { status: 'PENDING' },
      },
    ]);
  });

  it('when the caller has no token or lacks audit:read, then the list answers 401 or 403', async () => {
    await expectAuditEventsGuarded(mailer.api, mailer.reader);
  });
});
