import { freePort, metricValue, parseMetrics, waitFor } from '@boissipay/runtime/testing';
import { createFakeSmtpServer, type FakeSmtpServer } from './support/fake-smtp-server';
import { uniqueSuffix } from './support/invoice-factory';
import { HOOK_TIMEOUT_MS, WAIT_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';
import { buildContractEvent, startNoticeEventPublisher, type NoticeEventPublisher } from './support/notice-events';

/**
 * A mailer of its own on a scripted SMTP server: the first message it receives is taken whole
 * and never answered (as when the sender dies, or the line drops, before the "250"); "unknown-…"
 * recipients get 550; the rest 250. The SMTP wait is one second, three attempts at most.
 */
describe('notice failures', () => {
  let mailer: MailerUnderTest;
  let events: NoticeEventPublisher;
  let smtp: FakeSmtpServer;
  const auth = () => ({ Authorization: `Bearer ${mailer.reader}` });
  const noticeOf = (contractRef: string, status: string) =>
    waitFor(async () => (await mailer.api.get('/v1/notices').query({ contractRef, status }).set(auth())).body.notices?.[0] as Record<string, unknown> | undefined, {
      timeoutMs: WAIT_TIMEOUT_MS,
      description: `the notice of ${contractRef} ${status}`,
    });
  const suspensionOf = (recipient: string) => {
    const contractRef = `CTR-2026-${uniqueSuffix().toUpperCase()}`;
    return buildContractEvent(contractRef, { occurredAt: new Date().toISOString(), contract: { billingContact: { firstName: 'Jane', lastName: 'ROE', email: recipient, phone: null } } });
  };

  beforeAll(async () => {
    const port = await freePort();
    smtp = createFakeSmtpServer(port, (address) => (address.startsWith('unknown-') ? '550 5.1.1 no such mailbox' : '250'), { holdMessage: (n) => n === 1 });
    await smtp.listen();
    [mailer, events] = await Promise.all([startMailer({ SMTP_PORT: String(port), SMTP_TIMEOUT_MS: '1000' }), startNoticeEventPublisher()]);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([events?.stop(), smtp?.close()]);
    await mailer?.stop();
  }, HOOK_TIMEOUT_MS);

  it('when the SMTP server took a notice but never said "250", then the notice is sent again under the same Message-ID, and SENT once', async () => {
    const recipient = `held-${uniqueSuffix()}@acme.example`;
    const suspended = suspensionOf(recipient);
    await events.publishContractEvent(suspended);

    const sent = await noticeOf(suspended.contractRef, 'SENT');
    expect(sent).toMatchObject({ kind: 'CONTRACT_SUSPENDED', attempts: 2, recipient });
    expect(sent).not.toHaveProperty('lastError');
    expect(smtp.receivedMessageIds).toEqual([sent.messageId, sent.messageId]);
    expect(smtp.accepted.filter((address) => address === recipient)).toHaveLength(1);
  });

  it('when the SMTP server refuses the recipient for good (5xx), then the notice is FAILED at once, with the reason, and counted', async () => {
    const suspended = suspensionOf(`unknown-${uniqueSuffix()}@acme.example`);
    await events.publishContractEvent(suspended);

    const failed = await noticeOf(suspended.contractRef, 'FAILED');
    expect(failed).toMatchObject({ attempts: 1, failureReason: expect.stringContaining('550 5.1.1 no such mailbox'), failedAt: expect.any(String) });
    expect(failed).not.toHaveProperty('sentAt');
    expect(failed).not.toHaveProperty('nextAttemptAt');
    const samples = parseMetrics((await mailer.api.get('/metrics')).text);
    expect(metricValue(samples, 'boissipay_notices', { kind: 'CONTRACT_SUSPENDED', status: 'FAILED' })).toBe(1);
    expect(metricValue(samples, 'boissipay_notices', { kind: 'CONTRACT_SUSPENDED', status: 'SENT' })).toBe(1);
  });
});
