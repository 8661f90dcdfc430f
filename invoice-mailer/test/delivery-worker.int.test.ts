import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createLogger } from '@boissipay/runtime';
import { createScratchDatabase, waitFor, type ScratchDatabase } from '@boissipay/runtime/testing';
import type { DeliveryDependencies } from '../src/app/dependencies';
import { deliverDueInvoices } from '../src/app/deliver-due-invoices';
import { recordIssuedInvoice } from '../src/app/record-issued-invoice';
import type { Seller } from '../src/domain/invoice';
import { claimDueDeliveries } from '../src/infra/delivery-repository';
import * as schema from '../src/infra/schema';
import type { MailSender, OutgoingMail } from '../src/infra/smtp-mail-sender';
import { buildInvoiceIssuedEvent } from './support/invoice-factory';
import { testEnvironment } from './support/mailer-under-test';

const seller: Seller = { name: 'Boissipay SAS', addressLines: ['10 rue de la Paix'], vatNumber: 'FR00123456789', sepaCreditorId: 'FR00ZZZ000000', legalNotice: '' };

/** Records every e-mail handed to it; accepts them after a short random pause, as a server would. */
function recordingSender(): MailSender & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(mail) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      sent.push(mail);
      return { kind: 'accepted', response: '250 queued' };
    },
    close: () => undefined,
  };
}

const LEASE_MS = 10_000;
const round = { leaseMs: LEASE_MS };

/**
 * The delivery use case on its own database, without Kafka or SMTP: several workers racing
 * for the same rows, and a worker that dies between the SMTP server's "250" and its commit.
 */
describe('delivery worker', () => {
  let scratch: ScratchDatabase<typeof schema>;
  let now: Date;
  const dependencies = (mailSender: MailSender): DeliveryDependencies => ({
    db: scratch.db,
    clock: () => now,
    newId: randomUUID,
    seller,
    mailFrom: 'billing@boissipay.example',
    mailSender,
    retryPolicy: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 },
    // Without jitter, so that the due times are exact.
    random: () => 0,
    batchSize: 3,
    logger: createLogger({ service: 'invoice-mailer-tests', level: 'silent' }),
  });
  const record = async (count: number) => {
    const events = Array.from({ length: count }, () => buildInvoiceIssuedEvent());
    for (const event of events) {
      await scratch.db.transaction((tx) =>
        recordIssuedInvoice({ clock: () => now, newId: randomUUID, mailFrom: 'billing@boissipay.example', seller }, tx, { eventId: event.eventId, invoice: event.invoice, correlationId: null }),
      );
    }
    return events;
  };
  const outboxStatuses = async () =>
    (await scratch.pool.query<{ invoice_ref: string; status: string; attempts: number }>("select payload->>'invoiceRef' as invoice_ref, payload->>'status' as status, (payload->>'attempts')::int as attempts from outbox order by id")).rows;

  beforeEach(async () => {
    now = new Date('2026-11-01T08:00:00.000Z');
    scratch = await createScratchDatabase({
      adminUrl: testEnvironment.postgresAdminUrl,
      migrationsFolder: path.resolve(__dirname, '..', 'drizzle'),
      schema,
      prefix: 'mailer_worker_test',
    });
  });
  afterEach(() => scratch?.drop());

  it('when four workers race for twenty due deliveries, then each invoice is sent once and announced once', async () => {
    const events = await record(20);
    const sender = recordingSender();
    const worker = async () => {
      while ((await deliverDueInvoices(dependencies(sender), round)) > 0);
    };
    await Promise.all([worker(), worker(), worker(), worker()]);

    expect(sender.sent.map((mail) => mail.to.address).sort()).toEqual(events.map((event) => event.invoice.billingContact.email).sort());
    expect(new Set(sender.sent.map((mail) => mail.messageId)).size).toBe(20);
    const announced = await outboxStatuses();
    expect(announced.map((row) => row.invoice_ref).sort()).toEqual(events.map((event) => event.invoice.invoiceRef).sort());
    expect(announced.every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
  });

  it('when a worker dies after the SMTP server accepted the e-mail, then it is sent again once the lease ends, with the same Message-ID, and announced once', async () => {
    const [event] = await record(1);
    const sender = recordingSender();
    // The worker that dies: it claims, sends, and never records the outcome.
    const [claim] = await claimDueDeliveries(scratch.db, { now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit: 1 });
    await sender.send({ to: { name: '', address: claim!.delivery.recipient }, subject: '', html: '', text: '', messageId: claim!.delivery.messageId, attachments: [] });

    now = new Date(now.getTime() + LEASE_MS - 1_000);
    expect(await deliverDueInvoices(dependencies(sender), round)).toBe(0);
    now = new Date(now.getTime() + 2_000);
    expect(await deliverDueInvoices(dependencies(sender), round)).toBe(1);

    expect(sender.sent.map((mail) => mail.messageId)).toEqual([claim!.delivery.messageId, claim!.delivery.messageId]);
    expect(sender.sent[1]?.attachments.map((attachment) => attachment.filename)).toEqual([`${event!.invoice.invoiceRef}.pdf`]);
    expect(await outboxStatuses()).toEqual([{ invoice_ref: event!.invoice.invoiceRef, status: 'SENT', attempts: 2 }]);
  });

  it('when a retry is scheduled, then the delivery waits for it: nothing is claimed before it is due', async () => {
    await record(1);
    let calls = 0;
    const flaky: MailSender = {
      async send() {
        calls += 1;
        return calls === 1 ? { kind: 'failed', failure: { kind: 'transient', reason: '421 busy' } } : { kind: 'accepted', response: '250' };
      },
      close: () => undefined,
    };
    expect(await deliverDueInvoices(dependencies(flaky), round)).toBe(1);
    const { rows } = await scratch.pool.query<{ status: string; attempts: number; last_error: string; next_attempt_at: Date }>('select status, attempts, last_error, next_attempt_at from deliveries');
    expect(rows).toEqual([{ status: 'PENDING', attempts: 1, last_error: '421 busy', next_attempt_at: new Date('2026-11-01T08:00:01.000Z') }]);

    expect(await deliverDueInvoices(dependencies(flaky), round)).toBe(0);
    now = new Date('2026-11-01T08:00:01.000Z');
    expect(await deliverDueInvoices(dependencies(flaky), round)).toBe(1);
    expect((await outboxStatuses()).map((row) => [row.status, row.attempts])).toEqual([['SENT', 2]]);
  });

  it('when a send outlasts the lease, then the live worker renews it and no other worker takes the delivery meanwhile', async () => {
    await record(1);
    const shortLease = { leaseMs: 1_000 };
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = recordingSender();
    const sending: MailSender = {
      ...slow,
      async send(mail) {
        await released;
        return slow.send(mail);
      },
    };
    const leaseEnds = async () => (await scratch.pool.query<{ next_attempt_at: Date }>('select next_attempt_at from deliveries')).rows[0]!.next_attempt_at;

    const first = deliverDueInvoices(dependencies(sending), shortLease);
    await waitFor(async () => (await leaseEnds()).getTime() === now.getTime() + 1_000, { description: 'the claim' });
    now = new Date(now.getTime() + 5_000);
    await waitFor(async () => (await leaseEnds()).getTime() === now.getTime() + 1_000, { description: 'a renewal of the lease' });
    const other = recordingSender();
    expect(await deliverDueInvoices(dependencies(other), shortLease)).toBe(0);
    release();

    expect(await first).toBe(1);
    expect([slow.sent.length, other.sent.length]).toEqual([1, 0]);
    expect((await outboxStatuses()).map((row) => [row.status, row.attempts])).toEqual([['SENT', 1]]);
  });
});
