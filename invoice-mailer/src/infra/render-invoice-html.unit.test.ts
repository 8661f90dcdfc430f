import { buildInvoiceIssuedEvent } from '../../test/support/invoice-factory';
import type { Seller } from '../domain/invoice';
import { escapeHtml, renderInvoiceEmail } from './render-invoice-html';

const seller: Seller = {
  name: 'Boissipay SAS',
  addressLines: ['10 rue de la Paix', '75002 Paris'],
  vatNumber: 'FR00123456789',
  sepaCreditorId: 'FR00ZZZ000000',
  legalNotice: 'RCS Paris',
};
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('renderInvoiceEmail', () => {
  it('when an invoice is rendered, then the body gives its number, period, dates, totals and the debit', () => {
    const { invoice } = buildInvoiceIssuedEvent({ invoiceRef: 'BIL-2026-000042' });
    const email = renderInvoiceEmail(invoice, seller);

    expect(email.subject).toBe('Boissipay SAS: invoice BIL-2026-000042 for October 2026');
    for (const body of [plain(email.html), plain(email.text)]) {
      expect(body).toContain('Dear Jane ROE,');
      expect(body).toContain('BIL-2026-000042');
      expect(body).toContain('October 2026');
      expect(body).toContain('01/11/2026');
      expect(body).toContain('10/11/2026');
      expect(body).toContain('1 305,56 €');
      expect(body).toContain('1 559,57 €');
      expect(body).toContain('Direct debit on');
      expect(body).toContain('16/11/2026');
      expect(body).toContain('The amount of 1 559,57 € will be debited on 16/11/2026 from account FR76 **** 0189 under SEPA mandate');
      expect(body).toContain('BIL-2026-000042.pdf');
    }
    expect(plain(email.html)).toMatch(/VAT 10 %<\/th><td[^>]*>7,10 €/);
  });

  it('when a credit note is rendered, then it is called a credit note and nothing is debited', () => {
    const { invoice } = buildInvoiceIssuedEvent({ lines: [{ description: 'Refund', unitPriceWithoutTaxMinor: -1_000 }] });
    const email = renderInvoiceEmail(invoice, seller);
    expect(email.subject).toContain('credit note');
    expect(plain(email.text)).toContain('Nothing will be debited: the balance of 12,00 € is in your favour.');
    expect(email.text).not.toContain('will be debited on');
  });

  it('when event data contains markup, then it is shown as text, never interpreted', () => {
    const { invoice } = buildInvoiceIssuedEvent();
    const email = renderInvoiceEmail({ ...invoice, billingContact: { ...invoice.billingContact, firstName: '<script>alert(1)</script>' } }, seller);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`a&b "c" 'd'`)).toBe('a&amp;b &quot;c&quot; &#39;d&#39;');
  });
});
