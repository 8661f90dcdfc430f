import { buildInvoiceIssuedEvent } from '../../test/support/invoice-factory';
import type { Seller } from '../domain/invoice';
import { escapeHtml, renderInvoiceEmail } from './render-invoice-html';

const seller: Seller = {
  name: 'Boissipay SAS',
  addressLines: ['10 rue de la Paix', '75002 Paris'],
  vatNumber: 'FR00123456789',
  sepaCreditorId: 'FR00ZZZ000000',
  legalNotice: '',
  siren: '123456789',
  rcsCity: 'Paris',
  legalForm: 'SAS',
  shareCapitalMinor: 1_000_000,
};
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('renderInvoiceEmail', () => {
  it('when an English invoice is rendered, then the body gives its number, period, dates, totals and the debit in English', () => {
    const { invoice } = buildInvoiceIssuedEvent({ invoiceRef: 'BIL-2026-000042', invoice: { language: 'en' } });
    const email = renderInvoiceEmail(invoice, seller);

    expect(email.subject).toBe('Boissipay SAS: invoice BIL-2026-000042 for October 2026');
    expect(email.html).toContain('<html lang="en">');
    for (const body of [email.html, email.text]) {
      expect(body).toContain('Dear Jane ROE,');
      expect(body).toContain('BIL-2026-000042');
      expect(body).toContain('October 2026');
      expect(body).toContain('1 November 2026');
      expect(body).toContain('10 November 2026');
      expect(body).toContain('€1,305.56');
      expect(body).toContain('€1,559.57');
      expect(body).toContain('Direct debit on');
      expect(body).toContain('The amount of €1,559.57 will be debited on 16 November 2026 from account FR76 **** 0189 under SEPA mandate');
      expect(body).toContain('BIL-2026-000042.pdf');
      expect(body).toContain('No discount for early payment.');
      expect(body).toContain('RCS Paris 123 456 789');
    }
    expect(email.html).toMatch(/VAT 10%<\/th><td[^>]*>€7.10/);
  });

  it('when a French invoice is rendered, then subject and body are in French with fr-FR figures and dates', () => {
    const { invoice } = buildInvoiceIssuedEvent({ invoiceRef: 'BIL-2026-000043' });
    const email = renderInvoiceEmail(invoice, seller);

    expect(plain(email.subject)).toBe('Boissipay SAS : facture BIL-2026-000043 pour octobre 2026');
    expect(email.html).toContain('<html lang="fr">');
    for (const body of [plain(email.html).replace(/&#39;/g, "'"), plain(email.text)]) {
      expect(body).toContain('Bonjour Jane ROE,');
      expect(body).toContain('veuillez trouver ci-joint la facture BIL-2026-000043 de Boissipay SAS pour octobre 2026.');
      expect(body).toContain("Date d'échéance");
      expect(body).toContain('10 novembre 2026');
      expect(body).toContain('Prélèvement le');
      expect(body).toContain('Le montant de 1 559,57 € sera prélevé le 16 novembre 2026 sur le compte FR76 **** 0189 au titre du mandat SEPA');
      expect(body).toContain('Nature des opérations : prestations de services.');
      expect(body).toContain('indemnité forfaitaire pour frais de recouvrement de 40 €');
      expect(body).toContain('SAS au capital de 10 000 € – RCS Paris 123 456 789');
    }
    expect(plain(email.html)).toMatch(/TVA 10 %<\/th><td[^>]*>7,10 €/);
  });

  it('when a credit note is rendered, then it is called a credit note and nothing is debited', () => {
    const { invoice } = buildInvoiceIssuedEvent({ lines: [{ description: 'Refund', unitPriceWithoutTaxMinor: -1_000 }], invoice: { language: 'en' } });
    const email = renderInvoiceEmail(invoice, seller);
    expect(email.subject).toContain('credit note');
    expect(email.text).toContain('Nothing will be debited: the balance of €12.00 is in your favour.');
    expect(email.text).not.toContain('will be debited on');
    const french = renderInvoiceEmail({ ...invoice, language: 'fr' }, seller);
    expect(french.subject).toContain('avoir');
    expect(plain(french.text)).toContain('Aucun prélèvement ne sera effectué : le solde de 12,00 € est en votre faveur.');
  });

  it('when event data contains markup, then it is shown as text, never interpreted', () => {
    const { invoice } = buildInvoiceIssuedEvent();
    const email = renderInvoiceEmail({ ...invoice, billingContact: { ...invoice.billingContact, firstName: '<script>alert(1)</script>' } }, seller);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`a&b "c" 'd'`)).toBe('a&amp;b &quot;c&quot; &#39;d&#39;');
  });
});
