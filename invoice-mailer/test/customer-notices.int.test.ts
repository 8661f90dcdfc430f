import { randomUUID } from 'node:crypto';
import { expectError, metricValue, parseMetrics, waitFor } from '@boissipay/runtime/testing';
import { recordPaymentNotice } from '../src/app/record-notice';
import { buildInvoiceIssuedEvent, uniqueSuffix, type InvoiceIssuedEvent } from './support/invoice-factory';
import { startInvoicePublisher, type InvoicePublisher } from './support/invoice-events';
import { emailsTo, type CaughtEmail } from './support/mail-catcher';
import { HOOK_TIMEOUT_MS, WAIT_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';
import { buildContractEvent, buildPaymentResult, startNoticeEventPublisher, type NoticeEventPublisher } from './support/notice-events';

/** Figures are written with no-break spaces (fr: "1 559,57 €"); compared here with plain ones. */
const plain = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

interface NoticeBody {
  noticeId: string;
  kind: string;
  contractRef: string;
  invoiceRef?: string;
  recipient?: string;
  language: string;
  status: string;
  messageId: string;
  causeEventId: string;
  reasonCode?: string;
  returnReasonCode?: string;
  amount?: { amount: number; currency: string };
}

describe('customer notices', () => {
  let mailer: MailerUnderTest;
  let invoices: InvoicePublisher;
  let events: NoticeEventPublisher;
  const auth = () => ({ Authorization: `Bearer ${mailer.reader}` });

  /** The notices the catcher received for the address (the invoice e-mails to the same address left out). */
  const noticesTo = async (address: string): Promise<CaughtEmail[]> => (await emailsTo(address)).filter((email) => email.headers['x-boissipay-notice-kind'] !== undefined);
  const waitForNoticesTo = (address: string, count: number) =>
    waitFor(async () => {
      const caught = await noticesTo(address);
      return caught.length >= count && caught;
    }, { timeoutMs: WAIT_TIMEOUT_MS, description: `${count} notice(s) to ${address}` });
  const listNotices = async (query: Record<string, string>): Promise<NoticeBody[]> => {
    const response = await mailer.api.get('/v1/notices').query(query).set(auth());
    expect(response.status).toBe(200);
    return response.body.notices as NoticeBody[];
  };
  const waitForNotice = (query: Record<string, string>, description: string) =>
    waitFor(async () => (await listNotices(query))[0], { timeoutMs: WAIT_TIMEOUT_MS, description });
  /**
   * Publishes a refused debit of a fresh invoice of the contract and waits until its notice is
   * SENT: the mailer then took every earlier message of the contract (same key, same partition).
   */
  const marker = async (contractRef: string) => {
    const issued = buildInvoiceIssuedEvent({ contractRef });
    await invoices.publish(issued);
    await events.publishPaymentResult(buildPaymentResult(issued));
    await waitForNotice({ invoiceRef: issued.invoice.invoiceRef, status: 'SENT' }, 'the marker notice SENT');
  };

  beforeAll(async () => {
    // The contract events below are dated December 2026: old enough in a few years to count as stale, unless the age limit is far.
    [mailer, invoices, events] = await Promise.all([startMailer({ MAILER_NOTICE_MAX_AGE_HOURS: '300000' }), startInvoicePublisher(), startNoticeEventPublisher()]);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([invoices?.stop(), events?.stop()]);
    await mailer?.stop();
  }, HOOK_TIMEOUT_MS);

  it('when the debit of a French invoice fails, then its billing contact gets one French notice; the same event delivered again sends nothing more', async () => {
    const issued = buildInvoiceIssuedEvent();
    const { invoice } = issued;
    const result = buildPaymentResult(issued);
    await invoices.publish(issued);
    await events.publishPaymentResult(result);

    const [email] = await waitForNoticesTo(invoice.billingContact.email, 1);
    expect(email?.to).toEqual([{ address: invoice.billingContact.email, name: 'Jane ROE' }]);
    expect(email?.subject).toBe(`Boissipay SAS : le prélèvement de la facture ${invoice.invoiceRef} n'a pas abouti`);
    const body = plain(email?.text);
    for (const expected of [
      'Bonjour Jane ROE,',
      `Le prélèvement SEPA de 1 559,57 € pour la facture ${invoice.invoiceRef} n'a pas pu être effectué.`,
      'Motif : la provision du compte débité était insuffisante.',
      `votre contrat ${invoice.contractRef} peut être suspendu`,
      `Pour la régler par virement : 1 559,57 € au bénéfice de Boissipay SAS, IBAN FR7630006000011234567890189, BIC AGRIFRPP, en indiquant la référence ${invoice.invoiceRef}.`,
    ]) {
      expect(body).toContain(expected);
    }
    expect(plain(email?.html)).toContain('Motif : la provision du compte débité était insuffisante.');

    const notice = await waitForNotice({ invoiceRef: invoice.invoiceRef, status: 'SENT' }, 'the notice SENT');
    expect(notice).toMatchObject({
      kind: 'DEBIT_FAILED',
      contractRef: invoice.contractRef,
      invoiceRef: invoice.invoiceRef,
      recipient: invoice.billingContact.email,
      language: 'fr',
      causeEventId: result.eventId,
      reasonCode: 'INSUFFICIENT_FUNDS',
      amount: { amount: 1559.57, currency: 'EUR' },
      status: 'SENT',
      attempts: 1,
    });
    expect(email?.headers['message-id']).toBe(notice?.messageId);

    await events.publishPaymentResult(result);
    await marker(invoice.contractRef);
    expect(await listNotices({ invoiceRef: invoice.invoiceRef })).toHaveLength(1);
    expect(await noticesTo(invoice.billingContact.email)).toHaveLength(1);
  });

  it('when a settled debit is returned MS02, then the notice says the bank sent it back and why, in plain words', async () => {
    const issued = buildInvoiceIssuedEvent();
    const { invoice } = issued;
    await invoices.publish(issued);
    await events.publishPaymentResult(
      buildPaymentResult(issued, { status: 'RETURNED', reasonCode: 'REFUSED_BY_DEBTOR', reasonMessage: 'SEPA MS02: the debtor refused the debit', returnReasonCode: 'MS02', returnedAt: new Date().toISOString() }),
    );

    const [email] = await waitForNoticesTo(invoice.billingContact.email, 1);
    expect(email?.subject).toBe(`Boissipay SAS : le prélèvement de la facture ${invoice.invoiceRef} a été rejeté par votre banque`);
    expect(plain(email?.text)).toContain('Motif : le titulaire du compte a refusé le prélèvement (code MS02).');
    expect(plain(email?.text)).toContain('nous a été retourné par votre banque');
    expect(await waitForNotice({ invoiceRef: invoice.invoiceRef, status: 'SENT' }, 'the notice SENT')).toMatchObject({ kind: 'DEBIT_RETURNED', returnReasonCode: 'MS02' });
    expect(await listNotices({ invoiceRef: invoice.invoiceRef })).toHaveLength(1);
  });

  it('when the debit of an English invoice fails, then the notice is in English', async () => {
    const issued = buildInvoiceIssuedEvent({ invoice: { language: 'en' } });
    const { invoice } = issued;
    await invoices.publish(issued);
    await events.publishPaymentResult(buildPaymentResult(issued, { reasonCode: 'ACCOUNT_CLOSED', reasonMessage: 'SEPA AC04: the debtor account is closed' }));

    const [email] = await waitForNoticesTo(invoice.billingContact.email, 1);
    expect(email?.subject).toBe(`Boissipay SAS: the direct debit of invoice ${invoice.invoiceRef} did not go through`);
    expect(plain(email?.text)).toContain('Dear Jane ROE,');
    expect(plain(email?.text)).toContain('Reason: the debited account is closed.');
    expect(plain(email?.text)).toContain(`quoting the reference ${invoice.invoiceRef}`);
    expect(plain(email?.text)).not.toContain('Motif');
  });

  it('when the payment result comes before its invoice, then the notice waits without a recipient and goes out once the invoice arrives', async () => {
    const issued: InvoiceIssuedEvent = buildInvoiceIssuedEvent();
    const { invoice } = issued;
    await events.publishPaymentResult(buildPaymentResult(issued));
    const waiting = await waitForNotice({ invoiceRef: invoice.invoiceRef }, 'the notice waiting for its invoice');
    expect(waiting).toMatchObject({ status: 'PENDING', kind: 'DEBIT_FAILED' });
    expect(waiting.recipient).toBeUndefined();

    await invoices.publish(issued);
    const [email] = await waitForNoticesTo(invoice.billingContact.email, 1);
    expect(email?.headers['x-boissipay-invoice-ref']).toBe(invoice.invoiceRef);
    expect(await waitForNotice({ invoiceRef: invoice.invoiceRef, status: 'SENT' }, 'the notice SENT')).toMatchObject({ recipient: invoice.billingContact.email, noticeId: waiting.noticeId });
  });

  it("when a debit fails on the payment provider's side, or is cancelled by an operator, then the customer is told nothing", async () => {
    const provider = buildInvoiceIssuedEvent();
    const cancelled = buildInvoiceIssuedEvent({ contractRef: provider.contractRef });
    await invoices.publish(provider);
    await invoices.publish(cancelled);
    await events.publishPaymentResult(buildPaymentResult(provider, { reasonCode: 'PROVIDER_UNAVAILABLE', reasonMessage: 'the provider is temporarily unavailable' }));
    await events.publishPaymentResult(buildPaymentResult(cancelled, { status: 'CANCELLED', reasonCode: 'DEBIT_CANCELLED', reasonMessage: 'duplicate invoice' }));
    await marker(provider.contractRef);

    expect(await listNotices({ invoiceRef: provider.invoice.invoiceRef })).toEqual([]);
    expect(await listNotices({ invoiceRef: cancelled.invoice.invoiceRef })).toEqual([]);
    expect(await noticesTo(provider.invoice.billingContact.email)).toEqual([]);
  });

  it('when dunning suspends a contract and an operator reactivates it, then its billing contact gets two notices, one for each', async () => {
    const contractRef = `CTR-2026-${uniqueSuffix().toUpperCase()}`;
    const suspended = buildContractEvent(contractRef, { type: 'SUSPENDED', changedBy: 'system:dunning' });
    const reactivated = buildContractEvent(contractRef, { type: 'REACTIVATED', version: 4, changedBy: 'ops@agency.example', reason: 'paid by transfer, ticket 4711', occurredAt: '2026-12-09T10:00:00.000Z' });
    const recipient = suspended.contract.billingContact.email;
    await events.publishContractEvent(suspended);
    await events.publishContractEvent(buildContractEvent(contractRef, { type: 'LIMIT_CHANGED', version: 4, changedBy: 'ops@agency.example' }));
    await events.publishContractEvent({ ...reactivated, version: 5 });

    const caught = await waitForNoticesTo(recipient, 2);
    const subjects = caught.map((email) => email.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([`Boissipay SAS : votre contrat ${contractRef} est suspendu`, `Boissipay SAS : votre contrat ${contractRef} est réactivé`]),
    );
    const suspension = caught.find((email) => email.headers['x-boissipay-notice-kind'] === 'CONTRACT_SUSPENDED');
    expect(plain(suspension?.text)).toContain(`Votre contrat ${contractRef} (CSE ACME) est suspendu depuis le 4 décembre 2026.`);
    expect(plain(suspension?.text)).toContain('Cette suspension fait suite à un prélèvement impayé');
    const reactivation = caught.find((email) => email.headers['x-boissipay-notice-kind'] === 'CONTRACT_REACTIVATED');
    expect(plain(reactivation?.text)).toContain(`Votre contrat ${contractRef} (CSE ACME) est de nouveau actif depuis le 9 décembre 2026.`);
    expect(plain(reactivation?.text)).not.toContain('ticket 4711');

    await waitFor(async () => (await listNotices({ contractRef, status: 'SENT' })).length === 2, { timeoutMs: WAIT_TIMEOUT_MS, description: 'both notices SENT' });
    const listed = await listNotices({ contractRef });
    expect(listed.map((notice) => notice.kind).sort()).toEqual(['CONTRACT_REACTIVATED', 'CONTRACT_SUSPENDED']);
    expect(await noticesTo(recipient)).toHaveLength(2);
  });

  it("when an operator suspends an English contract, then the notice is in English and keeps the operator's reason to itself", async () => {
    const contractRef = `CTR-2026-${uniqueSuffix().toUpperCase()}`;
    const suspended = buildContractEvent(contractRef, { type: 'SUSPENDED', changedBy: 'ops@agency.example', reason: 'internal: disputed by the sales team', contract: { language: 'en' } });
    await events.publishContractEvent(suspended);

    const [email] = await waitForNoticesTo(suspended.contract.billingContact.email, 1);
    expect(email?.subject).toBe(`Boissipay SAS: your contract ${contractRef} is suspended`);
    expect(plain(email?.text)).toContain('For any question about this suspension, simply reply to this message.');
    expect(plain(email?.text)).not.toContain('disputed');
  });

  it('when a contract change older than MAILER_NOTICE_MAX_AGE_HOURS is consumed (a consumer reading its topic from the start), then nobody is mailed about it', async () => {
    const contractRef = `CTR-2026-${uniqueSuffix().toUpperCase()}`;
    const stale = buildContractEvent(contractRef, { occurredAt: '1990-01-04T08:30:00.000Z' });
    await events.publishContractEvent(stale);
    await events.publishContractEvent(buildContractEvent(contractRef, { type: 'REACTIVATED', version: 4 }));
    await waitForNotice({ contractRef, kind: 'CONTRACT_REACTIVATED', status: 'SENT' }, 'the reactivation notice SENT');

    expect((await listNotices({ contractRef })).map((notice) => notice.kind)).toEqual(['CONTRACT_REACTIVATED']);
    expect((await noticesTo(stale.contract.billingContact.email)).map((email) => email.headers['x-boissipay-notice-kind'])).toEqual(['CONTRACT_REACTIVATED']);
  });

  it('when notices are listed with a customer-scoped token, a bad filter or no scope, then only its customers’ come back, 400, 403', async () => {
    const contractRef = `CTR-2026-${uniqueSuffix().toUpperCase()}`;
    const suspended = buildContractEvent(contractRef);
    await events.publishContractEvent(suspended);
    await waitForNotice({ contractRef }, 'the suspension notice');

    const mine = await mailer.token(['invoices:read'], 'customer-portal', { customers: [suspended.contract.subscriber.customerRef as string] });
    const theirs = await mailer.token(['invoices:read'], 'customer-portal', { customers: ['CUST-SOMEONE-ELSE'] });
    expect((await mailer.api.get('/v1/notices').query({ contractRef }).set({ Authorization: `Bearer ${mine}` })).body.metadata.totalItems).toBe(1);
    expect((await mailer.api.get('/v1/notices').query({ contractRef }).set({ Authorization: `Bearer ${theirs}` })).body).toMatchObject({ notices: [], metadata: { totalItems: 0 } });
    expectError(await mailer.api.get('/v1/notices').query({ kind: 'INVOICE_SENT' }).set(auth()), 400, 'VALIDATION_FAILED');
    expectError(await mailer.api.get('/v1/notices').set({ Authorization: `Bearer ${await mailer.token(['audit:read'])}` }), 403, 'FORBIDDEN');
  });

  it("when one payment result is recorded twice (the consumer's eventId mark lost), then the unique cause keeps one notice, sent once", async () => {
    const issued = buildInvoiceIssuedEvent();
    const { invoice } = issued;
    await invoices.publish(issued);
    await waitFor(async () => (await mailer.api.get('/v1/deliveries').query({ invoiceRef: invoice.invoiceRef }).set(auth())).body.deliveries?.[0], {
      timeoutMs: WAIT_TIMEOUT_MS,
      description: 'the invoice recorded',
    });
    const result = buildPaymentResult(issued);
    const { db } = mailer.service.context;
    const dependencies = { clock: () => new Date(), newId: randomUUID, mailFrom: 'Boissipay Billing <billing@boissipay.example>' };
    const policy = { ignoredReasons: [], transfer: { beneficiary: 'Boissipay SAS', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' }, maxAgeHours: 168 };
    const outcomes = [
      await db.transaction((tx) => recordPaymentNotice(dependencies, tx, result, policy, null)),
      await db.transaction((tx) => recordPaymentNotice(dependencies, tx, result, policy, null)),
    ];

    expect(outcomes).toEqual(['recorded', 'already-recorded']);
    await waitForNotice({ invoiceRef: invoice.invoiceRef, status: 'SENT' }, 'the notice SENT');
    expect(await listNotices({ invoiceRef: invoice.invoiceRef })).toHaveLength(1);
    expect(await noticesTo(invoice.billingContact.email)).toHaveLength(1);
  });

  it('when /metrics is scraped, then notices are counted by kind and status, as the API lists them', async () => {
    await waitFor(async () => (await listNotices({ status: 'PENDING' })).length === 0, { timeoutMs: WAIT_TIMEOUT_MS, description: 'no notice left PENDING' });
    const sent = (await mailer.api.get('/v1/notices').query({ kind: 'DEBIT_FAILED', status: 'SENT' }).set(auth())).body.metadata.totalItems as number;
    const samples = parseMetrics((await mailer.api.get('/metrics')).text);
    expect(sent).toBeGreaterThan(0);
    expect(metricValue(samples, 'boissipay_notices', { kind: 'DEBIT_FAILED', status: 'SENT' })).toBe(sent);
    expect(metricValue(samples, 'boissipay_notices', { kind: 'DEBIT_FAILED', status: 'FAILED' })).toBeUndefined();
  });
});
