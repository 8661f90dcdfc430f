import { billingAddressLinesOf, invoiceLanguageOf, maskIban, settlementOf, type Invoice } from './invoice';

const invoice = (overrides: Partial<Invoice>): Invoice =>
  ({
    invoiceType: 'INVOICE',
    totalWithTaxMinor: 12_000,
    dueDate: '2026-11-10',
    collectionDate: '2026-11-16',
    debitRequired: true,
    mandate: { mandateRef: 'RUM-1', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: null },
    billingAddress: { line1: 'ACME SA', line2: '', line3: '', line4: '1 rue de la Paix', line5: '', line6: '75002 PARIS', country: 'FR' },
    ...overrides,
  }) as Invoice;

describe('invoice', () => {
  it('when an invoice is to be debited, then the settlement names the amount, collection date, mandate and a masked IBAN', () => {
    expect(settlementOf(invoice({}))).toEqual({ kind: 'direct-debit', amountMinor: 12_000, collectionDate: '2026-11-16', mandateRef: 'RUM-1', maskedIban: 'FR76 **** 0189' });
  });

  it('when an invoice was issued before collection dates existed, then the debit is announced for its due date', () => {
    expect(settlementOf(invoice({ collectionDate: null }))).toMatchObject({ kind: 'direct-debit', collectionDate: '2026-11-10' });
  });

  it('when it is a credit note or nothing is to be debited, then nothing will be debited', () => {
    expect(settlementOf(invoice({ invoiceType: 'CREDIT_NOTE', totalWithTaxMinor: -500, debitRequired: false }))).toEqual({ kind: 'nothing-debited', creditMinor: 500 });
    expect(settlementOf(invoice({ totalWithTaxMinor: 0, debitRequired: false }))).toEqual({ kind: 'nothing-debited', creditMinor: 0 });
  });

  it('when a debit is required but no mandate is on file, then the invoice is to be paid by its due date', () => {
    expect(settlementOf(invoice({ mandate: null }))).toEqual({ kind: 'pay-by-due-date', amountMinor: 12_000, dueDate: '2026-11-10' });
  });

  it('when titles, IBANs and addresses are shown, then they read as on paper', () => {
    expect(maskIban('DE89')).toBe('DE89');
    expect(billingAddressLinesOf(invoice({}))).toEqual(['ACME SA', '1 rue de la Paix', '75002 PARIS']);
    expect(billingAddressLinesOf(invoice({ billingAddress: { line1: 'X', line2: '', line3: '', line4: '', line5: '', line6: '1000 BRUXELLES', country: 'BE' } }))).toEqual([
      'X',
      '1000 BRUXELLES',
      'BE',
    ]);
  });

  it('when an invoice carries no known language (one recorded before languages existed), then it is French', () => {
    expect(invoiceLanguageOf({ language: 'en' })).toBe('en');
    expect(invoiceLanguageOf({ language: 'fr' })).toBe('fr');
    expect(invoiceLanguageOf({ language: undefined as unknown as string })).toBe('fr');
    expect(invoiceLanguageOf({ language: 'de' })).toBe('fr');
  });
});
