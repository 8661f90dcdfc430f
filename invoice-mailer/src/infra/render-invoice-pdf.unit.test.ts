import { buildInvoiceIssuedEvent, defaultLines } from '../../test/support/invoice-factory';
import type { Seller } from '../domain/invoice';
import { renderInvoicePdf } from './render-invoice-pdf';

const seller: Seller = { name: 'Boissipay SAS', addressLines: ['10 rue de la Paix'], vatNumber: 'FR00123456789', sepaCreditorId: 'FR00ZZZ000000', legalNotice: 'RCS Paris' };
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('renderInvoicePdf', () => {
  it('when the same invoice is rendered twice, then the two PDFs are identical, byte for byte', async () => {
    const { invoice } = buildInvoiceIssuedEvent();
    const [first, second] = await Promise.all([renderInvoicePdf(invoice, seller), renderInvoicePdf(invoice, seller)]);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    expect(pageCount(first)).toBe(1);
  });

  it('when an invoice has more lines than a page holds, then it continues on further pages', async () => {
    const lines = Array.from({ length: 60 }, (_, index) => defaultLines[index % defaultLines.length]!);
    const pdf = await renderInvoicePdf(buildInvoiceIssuedEvent({ lines }).invoice, seller);
    expect(pageCount(pdf)).toBeGreaterThan(2);
  });

  it('when an invoice has no lines, then it still renders', async () => {
    const pdf = await renderInvoicePdf(buildInvoiceIssuedEvent({ lines: [] }).invoice, seller);
    expect(pageCount(pdf)).toBe(1);
  });
});
