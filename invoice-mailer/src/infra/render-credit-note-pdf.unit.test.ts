import { buildCreditNoteIssuedEvent } from '../../test/support/credit-note-factory';
import { buildInvoiceIssuedEvent } from '../../test/support/invoice-factory';
import type { Seller } from '../domain/invoice';
import { renderCreditNotePdf } from './render-credit-note-pdf';
import { renderCreditNoteEmail } from './render-invoice-html';

const seller: Seller = { name: 'Voyages & Cie', addressLines: ['10 rue de la Paix', '75002 Paris'], vatNumber: 'FR00123456789', sepaCreditorId: 'FR00ZZZ000000', legalNotice: '' };

describe('a credit note', () => {
  const { invoice } = buildInvoiceIssuedEvent({ invoice: { language: 'en' } });
  const { creditNote } = buildCreditNoteIssuedEvent(invoice);

  it('when the same credit note is rendered twice, then the two PDFs are identical, byte for byte, and carry the Factur-X file', async () => {
    const [first, second] = await Promise.all([renderCreditNotePdf({ creditNote, invoice }, seller), renderCreditNotePdf({ creditNote, invoice }, seller)]);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain('/AFRelationship /Alternative');
    expect(first.toString('latin1')).toContain('factur-x.xml');
  });

  it('when its e-mail is written, then it is in the credit note language, names the corrected invoice, and escapes event text', () => {
    const email = renderCreditNoteEmail({ creditNote: { ...creditNote, reason: '<b>twice</b>' }, invoice }, seller);
    expect(email.subject).toBe(`Voyages & Cie: credit note ${creditNote.creditNoteRef} for October 2026`);
    expect(email.text).toContain(`This credit note corrects invoice ${invoice.invoiceRef} of 1 November 2026.`);
    expect(email.text).toContain('Nothing will be debited: €120.00 is credited to your account');
    expect(email.html).toContain('&lt;b&gt;twice&lt;/b&gt;');
    expect(email.html).toContain('<html lang="en">');
    const french = renderCreditNoteEmail({ creditNote: { ...creditNote, language: 'fr' }, invoice }, seller);
    expect(french.subject).toBe(`Voyages & Cie : avoir ${creditNote.creditNoteRef} pour octobre 2026`);
    expect(french.text).toContain(`Cet avoir rectifie la facture ${invoice.invoiceRef} du 1 novembre 2026.`);
  });
});
