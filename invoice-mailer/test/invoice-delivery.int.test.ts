import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { waitFor } from '@boissipay/runtime/testing';
import { buildInvoiceIssuedEvent } from './support/invoice-factory';
import { startDeliveryEventCollector, startInvoicePublisher, type DeliveryEventCollector, type InvoicePublisher } from './support/invoice-events';
import { attachmentOf, emailsTo, waitForEmailTo } from './support/mail-catcher';
import { HOOK_TIMEOUT_MS, WAIT_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';
import { pdfText } from './support/pdf-text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const plain = (text: string) => text.replace(/\s+/g, ' ');

/** supertest buffers unknown content types only when asked to. */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('invoice delivery', () => {
  let mailer: MailerUnderTest;
  let publisher: InvoicePublisher;
  let collector: DeliveryEventCollector;
  const auth = () => ({ Authorization: `Bearer ${mailer.reader}` });

  beforeAll(async () => {
    [mailer, publisher, collector] = await Promise.all([startMailer(), startInvoicePublisher(), startDeliveryEventCollector()]);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([collector?.stop(), publisher?.stop()]);
    await mailer?.stop();
  }, HOOK_TIMEOUT_MS);

  it('when an invoice of an English contract is issued, then its billing contact receives it in English with the PDF attached, and a SENT event says so', async () => {
    const event = buildInvoiceIssuedEvent({ invoice: { language: 'en' } });
    const { invoice } = event;
    await publisher.publish(event);

    const email = await waitForEmailTo(invoice.billingContact.email);
    expect(email.to).toEqual([{ address: invoice.billingContact.email, name: 'Jane ROE' }]);
    expect(email.from).toEqual([{ address: 'billing@boissipay.example', name: 'Boissipay Billing' }]);
    expect(email.subject).toBe(`Boissipay SAS: invoice ${invoice.invoiceRef} for October 2026`);
    expect(plain(email.html)).toContain('The amount of €1,559.57 will be debited on 16 November 2026');
    expect(email.html).toContain(`${invoice.invoiceRef}.pdf`);

    const attachment = await attachmentOf(email, `${invoice.invoiceRef}.pdf`);
    expect(attachment.contentType).toBe('application/pdf');
    const { text, pages } = await pdfText(attachment.content);
    expect(pages).toBe(1);
    for (const expected of [
      'Boissipay SAS',
      'VAT number: FR00123456789',
      'Invoice',
      `No. ${invoice.invoiceRef}`,
      'Issue date: 1 November 2026',
      'Due date: 10 November 2026',
      'Direct debit on: 16 November 2026',
      'Period: October 2026 (01/10/2026 – 31/10/2026)',
      `Contract: ${invoice.contractRef}`,
      invoice.customer.subscriberRef,
      'VAT number: FR53784671695',
      'SIREN: 784671695',
      'Service comptabilité',
      '1 rue de la Paix',
      '75002 PARIS',
      // The lines: date, description, traveller, booking, cost centre, quantity, unit price, amounts and rate.
      '03/10/2026 Train Paris – Lyon, 2nd class',
      'Jean DUPONT PNR-QX7T2A CC-SALES 2 €45.50 €91.00 10% €100.10',
      'Hotel Lyon Part-Dieu, 2 nights',
      'HTL-88412 CC-SALES 1 €1,234.56 €1,234.56 20% €1,481.47',
      'Refund: Train Lyon – Paris, refund',
      '-€20.00 -€20.00 10% -€22.00',
      // VAT per rate, then the totals.
      '10% €71.00 €7.10',
      '20% €1,234.56 €246.91',
      'Total excl. VAT €1,305.56',
      'Total VAT €254.01',
      'Total incl. VAT €1,559.57',
      'The amount of €1,559.57 will be debited on 16 November 2026 from account FR76 **** 0189',
      `Mandate reference: ${invoice.mandate?.mandateRef}.`,
      'SEPA creditor identifier: FR00ZZZ000000',
      `Invoice ${invoice.invoiceRef} – page 1 / 1`,
      // The mentions, from the default seller settings.
      'SIRET: 12345678900012',
      'SAS with a share capital of €10,000 – RCS Paris 123 456 789',
      'Nature of operations: supply of services.',
      'Payment terms: due on 10 November 2026, by SEPA direct debit on 16 November 2026.',
      'No discount for early payment.',
      'Late payment: penalties at three times the French legal interest rate',
      'a fixed indemnity for recovery costs of €40',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Credit note');
    expect(text).not.toContain('Facture');

    const delivered = await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef);
    expect(delivered).toEqual({
      eventId: expect.stringMatching(UUID),
      occurredAt: expect.any(String),
      correlationId: event.correlationId,
      causationId: event.eventId,
      contractRef: invoice.contractRef,
      deliveryId: expect.stringMatching(UUID),
      invoiceRef: invoice.invoiceRef,
      status: 'SENT',
      recipient: invoice.billingContact.email,
      messageId: `<${delivered.deliveryId}@boissipay.example>`,
      attempts: 1,
      sentAt: expect.any(String),
      failureReason: null,
    });
    expect(email.headers['message-id']).toBe(delivered.messageId);

    const listed = await mailer.api.get('/v1/deliveries').query({ invoiceRef: invoice.invoiceRef }).set(auth());
    expect(listed.status).toBe(200);
    expect(listed.body.deliveries).toEqual([
      {
        deliveryId: delivered.deliveryId,
        invoiceRef: invoice.invoiceRef,
        invoiceType: 'INVOICE',
        contractRef: invoice.contractRef,
        period: '2026-10',
        recipient: invoice.billingContact.email,
        kind: 'ORIGINAL',
        status: 'SENT',
        attempts: 1,
        messageId: delivered.messageId,
        totalWithTax: { amount: 1559.57, currency: 'EUR' },
        receivedAt: expect.any(String),
        updatedAt: expect.any(String),
        sentAt: delivered.sentAt,
      },
    ]);
    const read = await mailer.api.get(`/v1/deliveries/${delivered.deliveryId}`).set(auth());
    expect(read.status).toBe(200);
    expect(read.body).toEqual(listed.body.deliveries[0]);

    const reprint = await mailer.api.get(`/v1/invoices/${invoice.invoiceRef}/pdf`).set(auth()).buffer(true).parse(binary);
    expect(reprint.status).toBe(200);
    expect(reprint.headers['content-type']).toBe('application/pdf');
    expect(reprint.headers['content-disposition']).toBe(`inline; filename="${invoice.invoiceRef}.pdf"`);
    // Rendered again from the recorded invoice: the very document that was e-mailed.
    expect((reprint.body as Buffer).equals(attachment.content)).toBe(true);
  });

  it('when an invoice of a French contract is issued, then the e-mail, its subject and the PDF are in French, with the legal mentions', async () => {
    const event = buildInvoiceIssuedEvent({ collectionDate: '2027-01-04' });
    const { invoice } = event;
    expect(invoice.language).toBe('fr');
    await publisher.publish(event);

    const email = await waitForEmailTo(invoice.billingContact.email);
    expect(email.subject).toBe(`Boissipay SAS : facture ${invoice.invoiceRef} pour octobre 2026`);
    expect(plain(email.html)).toContain('Bonjour Jane ROE,');
    expect(plain(email.html)).toContain('Le montant de 1 559,57 € sera prélevé le 4 janvier 2027 sur le compte FR76 **** 0189');
    expect(plain(email.html)).toContain('Nature des opérations : prestations de services.');
    expect(plain(email.text ?? '')).toContain('indemnité forfaitaire pour frais de recouvrement de 40 €');

    const attachment = await attachmentOf(email, `${invoice.invoiceRef}.pdf`);
    const { text, pages } = await pdfText(attachment.content);
    expect(pages).toBe(1);
    for (const expected of [
      `Facture N° ${invoice.invoiceRef}`,
      "Date d'émission : 1 novembre 2026",
      "Date d'échéance : 10 novembre 2026",
      'Prélèvement le : 4 janvier 2027',
      'Jean DUPONT PNR-QX7T2A CC-SALES 2 45,50 € 91,00 € 10 % 100,10 €',
      'Total TTC 1 559,57 €',
      'Le montant de 1 559,57 € sera prélevé le 4 janvier 2027 sur le compte FR76 **** 0189',
      'N° TVA intracommunautaire : FR00123456789',
      'SIRET : 12345678900012',
      'SAS au capital de 10 000 € – RCS Paris 123 456 789',
      'SIREN : 784671695',
      'N° TVA intracommunautaire : FR53784671695',
      'Nature des opérations : prestations de services.',
      'Conditions de paiement : échéance le 10 novembre 2026, par prélèvement SEPA le 4 janvier 2027.',
      "Pas d'escompte pour paiement anticipé.",
      "pénalités au taux de trois fois le taux d'intérêt légal",
      'indemnité forfaitaire pour frais de recouvrement de 40 €',
      `Facture ${invoice.invoiceRef} – page 1 / 1`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/Invoice|will be debited|Due date/);

    // The language is stored with the invoice: the reprint is the French document that was sent.
    const reprint = await mailer.api.get(`/v1/invoices/${invoice.invoiceRef}/pdf`).set(auth()).buffer(true).parse(binary);
    expect((reprint.body as Buffer).equals(attachment.content)).toBe(true);
  });

  it('when a credit note is issued, then its PDF says credit note and that nothing will be debited', async () => {
    const event = buildInvoiceIssuedEvent({
      lines: [{ description: 'Hotel Nice, cancelled stay', unitPriceWithoutTaxMinor: -50_000, vatRateBasisPoints: 1_000, operationType: 'REFUND', traveller: 'Marie CURIE' }],
      invoice: { language: 'en' },
    });
    const { invoice } = event;
    expect(invoice).toMatchObject({ invoiceType: 'CREDIT_NOTE', debitRequired: false, totalWithTaxMinor: -55_000 });
    await publisher.publish(event);

    const email = await waitForEmailTo(invoice.billingContact.email);
    expect(email.subject).toBe(`Boissipay SAS: credit note ${invoice.invoiceRef} for October 2026`);
    expect(plain(email.html)).toContain('Nothing will be debited');
    const { text } = await pdfText((await attachmentOf(email, `${invoice.invoiceRef}.pdf`)).content);
    expect(text).toContain('Credit note');
    expect(text).toContain(`No. ${invoice.invoiceRef}`);
    expect(text).toContain('Total incl. VAT -€550.00');
    expect(text).toContain('Nothing will be debited: the balance of €550.00 is in your favour.');
    expect(text).not.toContain('will be debited on');
    expect(text).not.toContain(invoice.mandate?.mandateRef ?? 'no mandate');

    const delivered = await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef);
    expect(delivered).toMatchObject({ status: 'SENT', attempts: 1, invoiceRef: invoice.invoiceRef });
  });

  it('when the same invoice is announced again, under the same or a new eventId, then exactly one e-mail and one SENT event exist', async () => {
    const first = buildInvoiceIssuedEvent();
    const { invoice } = first;
    const announcedAgain = { ...first, eventId: randomUUID() };
    // Published after the others on the same key (same partition): once it is mailed, they have all been consumed.
    const sentinel = buildInvoiceIssuedEvent({ contractRef: invoice.contractRef });

    await publisher.publish(first);
    await publisher.publish(first);
    await publisher.publish(announcedAgain);
    await publisher.publish(sentinel);

    await waitForEmailTo(sentinel.invoice.billingContact.email);
    await waitForEmailTo(invoice.billingContact.email);
    await collector.waitForEvent(sentinel.contractRef, sentinel.invoice.invoiceRef);
    const delivered = await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef);

    expect(await emailsTo(invoice.billingContact.email)).toHaveLength(1);
    expect(await collector.eventsFor(invoice.contractRef, invoice.invoiceRef)).toEqual([delivered]);
    const { rows } = await mailer.service.context.pool.query<{ deliveries: number; marks: number }>(
      `select (select count(*)::int from deliveries where invoice_ref = $1) as deliveries,
              (select count(*)::int from processed_events where event_id = any($2::uuid[])) as marks`,
      [invoice.invoiceRef, [first.eventId, announcedAgain.eventId]],
    );
    expect(rows[0]).toEqual({ deliveries: 1, marks: 2 });
  });

  it('when many invoices arrive at once, then each is e-mailed exactly once', async () => {
    const events = Array.from({ length: 12 }, () => buildInvoiceIssuedEvent());
    await Promise.all(events.map((event) => publisher.publish(event)));

    await waitFor(
      async () => {
        const { rows } = await mailer.service.context.pool.query<{ sent: number }>(
          "select count(*)::int as sent from deliveries where status = 'SENT' and invoice_ref = any($1::text[])",
          [events.map((event) => event.invoice.invoiceRef)],
        );
        return rows[0]?.sent === events.length;
      },
      { timeoutMs: WAIT_TIMEOUT_MS, description: 'every invoice SENT' },
    );
    const counts = await Promise.all(events.map(async (event) => (await emailsTo(event.invoice.billingContact.email)).length));
    expect(counts).toEqual(events.map(() => 1));
  });
});
