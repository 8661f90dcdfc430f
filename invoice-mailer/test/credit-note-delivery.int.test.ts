import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { waitFor } from '@boissipay/runtime/testing';
import { buildCreditNoteIssuedEvent } from './support/credit-note-factory';
import { buildInvoiceIssuedEvent } from './support/invoice-factory';
import { startCreditNotePublisher, startDeliveryEventCollector, startInvoicePublisher, type CreditNotePublisher, type DeliveryEventCollector, type InvoicePublisher } from './support/invoice-events';
import { attachmentOf, emailsTo, waitForEmailTo, type CaughtEmail } from './support/mail-catcher';
import { HOOK_TIMEOUT_MS, WAIT_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';
import { pdfAttachments } from './support/pdf-attachments';
import { pdfText } from './support/pdf-text';

const plain = (text: string) => text.replace(/\s+/g, ' ');

/** supertest buffers unknown content types only when asked to. */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The e-mails to the address that carry the credit note (the invoice's own e-mail goes to the same address). */
async function creditNoteEmailsTo(address: string, creditNoteRef: string): Promise<CaughtEmail[]> {
  return (await emailsTo(address)).filter((email) => email.headers['x-boissipay-credit-note-ref'] === creditNoteRef);
}

function waitForCreditNoteEmail(address: string, creditNoteRef: string): Promise<CaughtEmail> {
  return waitFor(async () => (await creditNoteEmailsTo(address, creditNoteRef))[0], { timeoutMs: WAIT_TIMEOUT_MS, description: `the e-mail of ${creditNoteRef}` });
}

describe('credit note delivery', () => {
  let mailer: MailerUnderTest;
  let invoices: InvoicePublisher;
  let creditNotes: CreditNotePublisher;
  let collector: DeliveryEventCollector;
  const auth = () => ({ Authorization: `Bearer ${mailer.reader}` });

  beforeAll(async () => {
    [mailer, invoices, creditNotes, collector] = await Promise.all([startMailer(), startInvoicePublisher(), startCreditNotePublisher(), startDeliveryEventCollector()]);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([collector?.stop(), invoices?.stop(), creditNotes?.stop()]);
    await mailer?.stop();
  }, HOOK_TIMEOUT_MS);

  it('when a credit note of a French invoice is issued, then the billing contact receives it once, in French, as a Factur-X credit note naming the invoice', async () => {
    const issued = buildInvoiceIssuedEvent();
    const { invoice } = issued;
    await invoices.publish(issued);
    await waitForEmailTo(invoice.billingContact.email);
    const event = buildCreditNoteIssuedEvent(invoice);
    const { creditNote } = event;
    await creditNotes.publish(event);
    // Announced again under another eventId (a replay): still mailed once.
    await creditNotes.publish({ ...event, eventId: randomUUID() });

    const email = await waitForCreditNoteEmail(invoice.billingContact.email, creditNote.creditNoteRef);
    expect(email.subject).toBe(`Boissipay SAS : avoir ${creditNote.creditNoteRef} pour octobre 2026`);
    expect(plain(email.html)).toContain(`Cet avoir rectifie la facture ${invoice.invoiceRef} du 1 novembre 2026.`);
    expect(plain(email.html)).toContain('Aucun prélèvement ne sera effectué : le montant de 120,00 € est porté au crédit de votre compte');
    expect(email.headers['x-boissipay-invoice-ref']).toBe(invoice.invoiceRef);

    const attachment = await attachmentOf(email, `${creditNote.creditNoteRef}.pdf`);
    expect(attachment.contentType).toBe('application/pdf');
    const { text, pages } = await pdfText(attachment.content);
    expect(pages).toBe(1);
    for (const expected of [
      `Avoir N° ${creditNote.creditNoteRef}`,
      "Date d'émission : 20 novembre 2026",
      `Facture rectifiée : ${invoice.invoiceRef}`,
      'Date de la facture : 1 novembre 2026',
      'Motif : Hotel night billed twice.',
      invoice.customer.subscriberRef,
      'SIREN : 784671695',
      'Commercial gesture: hotel night billed twice 20 % 100,00 € 20,00 € 120,00 €',
      'Total TTC 120,00 €',
      `Avoir rectifiant la facture n° ${invoice.invoiceRef} du 1 novembre 2026.`,
      'Nature des opérations : prestations de services.',
      'Conditions de paiement : aucun montant à régler.',
      'SAS au capital de 10 000 € – RCS Paris 123 456 789',
    ]) {
      expect(plain(text)).toContain(expected);
    }
    expect(text).not.toMatch(/Credit note|Invoice|sera prélevé le/);
    const xml = (await pdfAttachments(attachment.content)).get('factur-x.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(xml).toMatch(new RegExp(`<ram:InvoiceReferencedDocument>\\s*<ram:IssuerAssignedID>${invoice.invoiceRef}</ram:IssuerAssignedID>`));

    const listed = await mailer.api.get('/v1/deliveries').query({ creditNoteRef: creditNote.creditNoteRef }).set(auth());
    expect(listed.status).toBe(200);
    expect(listed.body.deliveries).toEqual([
      expect.objectContaining({
        invoiceRef: invoice.invoiceRef,
        creditNoteRef: creditNote.creditNoteRef,
        invoiceType: 'CREDIT_NOTE',
        kind: 'ORIGINAL',
        status: 'SENT',
        attempts: 1,
        recipient: invoice.billingContact.email,
        totalWithTax: { amount: 120, currency: 'EUR' },
      }),
    ]);
    expect(email.headers['message-id']).toBe(listed.body.deliveries[0].messageId);
    // The invoice's own delivery is still listed under its number, with the credit note's.
    const ofInvoice = await mailer.api.get('/v1/deliveries').query({ invoiceRef: invoice.invoiceRef }).set(auth());
    expect(ofInvoice.body.deliveries.map((delivery: { creditNoteRef?: string }) => delivery.creditNoteRef ?? null).sort()).toEqual([creditNote.creditNoteRef, null].sort());

    const reprint = await mailer.api.get(`/v1/credit-notes/${creditNote.creditNoteRef}/pdf`).set(auth()).buffer(true).parse(binary);
    expect(reprint.status).toBe(200);
    expect(reprint.headers['content-disposition']).toBe(`inline; filename="${creditNote.creditNoteRef}.pdf"`);
    expect((reprint.body as Buffer).equals(attachment.content)).toBe(true);
    // A token limited to other customers sees neither the credit note nor its delivery.
    const stranger = { Authorization: `Bearer ${await mailer.token(['invoices:read'], 'another-customer-portal', { customers: ['CUST-SOMEONE-ELSE'] })}` };
    expect((await mailer.api.get(`/v1/credit-notes/${creditNote.creditNoteRef}/pdf`).set(stranger)).status).toBe(404);
    expect((await mailer.api.get('/v1/deliveries').query({ creditNoteRef: creditNote.creditNoteRef }).set(stranger)).body.deliveries).toEqual([]);

    // Only the invoice's e-mail is reported to billing on mailer.invoice-delivery.v1.
    await collector.waitForEvent(invoice.contractRef, invoice.invoiceRef);
    expect((await collector.eventsFor(invoice.contractRef, invoice.invoiceRef)).map((delivered) => delivered.status)).toEqual(['SENT']);
    expect(await creditNoteEmailsTo(invoice.billingContact.email, creditNote.creditNoteRef)).toHaveLength(1);
  });

  it('when a credit note arrives before the invoice it corrects, then it waits for it and is mailed in the invoice language once the invoice arrives', async () => {
    const issued = buildInvoiceIssuedEvent({ invoice: { language: 'en' } });
    const { invoice } = issued;
    const event = buildCreditNoteIssuedEvent(invoice, { amountWithoutTaxMinor: 5_000, vatRateBasisPoints: 1_000 });
    const { creditNote } = event;
    await creditNotes.publish(event);
    const { pool } = mailer.service.context;
    await waitFor(
      async () => ((await pool.query('select 1 from credit_notes where credit_note_ref = $1', [creditNote.creditNoteRef])).rowCount === 1 ? true : undefined),
      { timeoutMs: WAIT_TIMEOUT_MS, description: 'the credit note recorded' },
    );
    // Recorded, but with nobody to address it to yet: no delivery, no e-mail, no PDF.
    expect((await pool.query('select 1 from deliveries where credit_note_ref = $1', [creditNote.creditNoteRef])).rowCount).toBe(0);
    const early = await mailer.api.get(`/v1/credit-notes/${creditNote.creditNoteRef}/pdf`).set(auth());
    expect([early.status, JSON.stringify(early.body)]).toEqual([404, expect.stringContaining('CREDIT_NOTE_NOT_FOUND')]);
    expect(await creditNoteEmailsTo(invoice.billingContact.email, creditNote.creditNoteRef)).toHaveLength(0);

    await invoices.publish(issued);
    const email = await waitForCreditNoteEmail(invoice.billingContact.email, creditNote.creditNoteRef);
    expect(email.subject).toBe(`Boissipay SAS: credit note ${creditNote.creditNoteRef} for October 2026`);
    expect(plain(email.text ?? '')).toContain(`This credit note corrects invoice ${invoice.invoiceRef} of 1 November 2026.`);
    const { text } = await pdfText((await attachmentOf(email, `${creditNote.creditNoteRef}.pdf`)).content);
    for (const expected of [`Credit note No. ${creditNote.creditNoteRef}`, `Corrected invoice: ${invoice.invoiceRef}`, 'Invoice date: 1 November 2026', 'Total incl. VAT €55.00']) {
      expect(plain(text)).toContain(expected);
    }
    expect(text).not.toMatch(/Avoir|Facture/);
    await waitForEmailTo(invoice.billingContact.email);
    expect((await emailsTo(invoice.billingContact.email)).filter((mail) => mail.headers['x-boissipay-credit-note-ref'] === undefined)).toHaveLength(1);
  });
});
