import type { Seller } from '../src/domain/invoice';
import { cjkFallbackInstalled } from '../src/infra/invoice-fonts';
import { renderInvoicePdf } from '../src/infra/render-invoice-pdf';
import { buildInvoiceIssuedEvent, defaultLines } from './support/invoice-factory';
import { pdfText } from './support/pdf-text';

const seller: Seller = {
  name: 'Boissipay SAS',
  addressLines: ['10 rue de la Paix', '75002 Paris'],
  vatNumber: 'FR00123456789',
  sepaCreditorId: 'FR00ZZZ000000',
  legalNotice: 'Agence de voyages immatriculée IM075000000',
  siren: '123456789',
  siret: '12345678900012',
  rcsCity: 'Paris',
  legalForm: 'SAS',
  shareCapitalMinor: 1_000_000,
  vatOnDebits: true,
  earlyPaymentDiscountBasisPoints: 0,
  latePaymentRate: { kind: 'three-times-legal' },
};
const english = { invoice: { language: 'en' } } as const;

// The CJK font is a system package (fonts-wqy-microhei), installed by .ci/run and the image.
const withCjkFont = cjkFallbackInstalled();
if (!withCjkFont) console.warn('fonts-wqy-microhei is not installed: the CJK names check is skipped (apt-get install fonts-wqy-microhei)');

/** The rendered document read back as text (no infrastructure involved: unpdf in a child process). */
describe('invoice PDF, read back', () => {
  it('when an invoice spans several pages, then every page repeats the column headings and says which page it is', async () => {
    const lines = Array.from({ length: 60 }, (_, index) => ({ ...defaultLines[index % defaultLines.length]!, description: `Trip number ${index + 1}` }));
    const { invoice } = buildInvoiceIssuedEvent({ invoiceRef: 'BIL-2026-000777', lines, ...english });
    const { pages, text } = await pdfText(await renderInvoicePdf(invoice, seller));

    expect(pages).toBeGreaterThan(2);
    const headings = text.match(/Date Description Traveller Booking ref Cost centre Qty/g) ?? [];
    expect(headings).toHaveLength(pages);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Invoice BIL-2026-000777 – page ${page} / ${pages}`);
    for (const line of lines) expect(text).toContain(line.description);
    expect(text).toContain('SAS with a share capital of €10,000 – RCS Paris 123 456 789');
    expect(text).toContain('Agence de voyages immatriculée IM075000000');
  });

  it('when a French contract is invoiced, then the whole PDF is in French, figures and dates included, with the mandatory mentions', async () => {
    const { invoice } = buildInvoiceIssuedEvent({ invoiceRef: 'BIL-2026-000778', collectionDate: '2027-01-04' });
    const { text } = await pdfText(await renderInvoicePdf(invoice, seller));
    expect(text).toContain('Facture N° BIL-2026-000778');
    expect(text).toContain("Date d'émission : 1 novembre 2026");
    expect(text).toContain('Prélèvement le : 4 janvier 2027');
    expect(text).toContain('Période : octobre 2026 (01/10/2026 – 31/10/2026)');
    expect(text).toContain('Désignation Voyageur Réf. réservation Centre de coût Qté');
    expect(text).toContain('Total TTC 1 559,57 €');
    expect(text).toContain('Le montant de 1 559,57 € sera prélevé le 4 janvier 2027 sur le compte FR76 **** 0189 au titre du mandat SEPA');
    // The seller's identifiers, then the buyer's.
    expect(text).toContain('N° TVA intracommunautaire : FR00123456789');
    expect(text).toContain('SIRET : 12345678900012');
    expect(text).toContain('SAS au capital de 10 000 € – RCS Paris 123 456 789');
    expect(text).toContain('SIREN : 784671695');
    expect(text).toContain('N° TVA intracommunautaire : FR53784671695');
    // The terms the law requires.
    expect(text).toContain('Nature des opérations : prestations de services.');
    expect(text).toContain("Option pour le paiement de la TVA d'après les débits.");
    expect(text).toContain('Conditions de paiement : échéance le 10 novembre 2026, par prélèvement SEPA le 4 janvier 2027.');
    expect(text).toContain("Pas d'escompte pour paiement anticipé.");
    expect(text).toContain("pénalités au taux de trois fois le taux d'intérêt légal");
    expect(text).toContain('indemnité forfaitaire pour frais de recouvrement de 40 €');
    expect(text).not.toMatch(/Invoice|Due date|will be debited/);
  });

  it('when an English contract is invoiced, then the PDF is in English with the same mentions', async () => {
    const { invoice } = buildInvoiceIssuedEvent({ invoiceRef: 'BIL-2026-000779', ...english });
    const { text } = await pdfText(await renderInvoicePdf(invoice, seller));
    expect(text).toContain('Invoice No. BIL-2026-000779');
    expect(text).toContain('Issue date: 1 November 2026');
    expect(text).toContain('Total incl. VAT €1,559.57');
    expect(text).toContain('The amount of €1,559.57 will be debited on 16 November 2026 from account FR76 **** 0189 under SEPA mandate');
    expect(text).toContain('Nature of operations: supply of services.');
    expect(text).toContain('No discount for early payment.');
    expect(text).toContain('a fixed indemnity for recovery costs of €40');
    expect(text).not.toMatch(/Facture|prélevé/);
  });

  it('when a debit is due but no mandate is on file, then the invoice asks to be paid by its due date', async () => {
    const { invoice } = buildInvoiceIssuedEvent({ mandate: null, ...english });
    const { text } = await pdfText(await renderInvoicePdf(invoice, seller));
    expect(text).toContain('Please pay €1,559.57 by 10 November 2026: no SEPA direct-debit mandate is on file for this contract.');
    expect(text).not.toContain('SEPA creditor identifier');
  });

  it('when an invoice is for zero, then nothing will be debited', async () => {
    const { invoice } = buildInvoiceIssuedEvent({ lines: [{ description: 'Trip', unitPriceWithoutTaxMinor: 1_000 }, { description: 'Refund', unitPriceWithoutTaxMinor: -1_000 }], ...english });
    expect(invoice).toMatchObject({ invoiceType: 'CREDIT_NOTE', totalWithTaxMinor: 0, debitRequired: false });
    const { text } = await pdfText(await renderInvoicePdf({ ...invoice, invoiceType: 'INVOICE' }, seller));
    expect(text).toContain('Total incl. VAT €0.00');
    expect(text).toContain('Nothing will be debited.');
  });

  it('when names are written outside Western European scripts, then the PDF shows them as written', async () => {
    const names = ['Antonín Dvořák', 'Søren Ørestad', 'Ελευθέριος Βενιζέλος', 'Фёдор Достоевский', 'Łódź – Kraków'];
    const lines = names.map((traveller, index) => ({ ...defaultLines[0]!, traveller, description: `Trajet ${index + 1} – ${traveller}` }));
    const { invoice } = buildInvoiceIssuedEvent({ lines });
    const { text } = await pdfText(await renderInvoicePdf(invoice, { ...seller, name: 'Voyages Ñandú & Cie' }));
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('Voyages Ñandú & Cie');
  });

  (withCjkFont ? it : it.skip)('when the customer and travellers have Chinese, Japanese or Korean names, then the PDF shows them as written, Latin around them included', async () => {
    const travellers = ['王小明', '山田 太郎', 'やまだ はなこ', 'キム・ミン', '김민준', 'Zhāng Wěi 张伟'];
    const lines = travellers.map((traveller, index) => ({ ...defaultLines[0]!, traveller, description: `Trajet ${index + 1} 上海 – 東京` }));
    const built = buildInvoiceIssuedEvent({ lines });
    const invoice = { ...built.invoice, customer: { ...built.invoice.customer, subscriberRef: '北京旅行社 株式会社' } };
    const { text } = await pdfText(await renderInvoicePdf(invoice, seller));
    expect(text).toContain('北京旅行社 株式会社');
    for (const traveller of travellers) expect(text).toContain(traveller);
    for (let index = 1; index <= lines.length; index += 1) expect(text).toContain(`Trajet ${index} 上海 – 東京`);
  });
});
