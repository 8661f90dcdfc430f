import type { billingCreditNoteIssuedV1Event } from '@boissipay/contracts';
import { eInvoiceOfCreditNote, eInvoiceOfIssuedInvoice, eInvoiceXml, percentText, type InvoiceSource, type SellerSettings } from './index';

const seller: SellerSettings = { name: 'Boissipay SAS', addressLines: ['10 rue de la Paix', '75002 Paris', 'France'], vatNumber: 'FR00123456789', sepaCreditorId: 'FR00ZZZ000000' };

function invoiceOf(overrides: Partial<InvoiceSource> = {}): InvoiceSource {
  return {
    invoiceId: '7d1f0c1e-4b9b-4d7e-9b8e-0f4c2b1a9e11',
    invoiceRef: 'BIL-2026-000042',
    invoiceType: 'INVOICE',
    contractRef: 'CTR-2026-0001',
    contractId: '1a2b3c4d-0000-4000-8000-000000000001',
    period: '2026-02',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    currency: 'EUR',
    totalWithoutTaxMinor: 15_010,
    totalTaxMinor: 1_501,
    totalWithTaxMinor: 16_511,
    vatBreakdown: [{ rateBasisPoints: 1_000, baseMinor: 15_010, taxMinor: 1_501, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null }],
    lines: [
      { lineNumber: 1, operationId: 'op-1', operationType: 'PURCHASE', orderRef: 'ORD-1', operationDate: '2026-02-03', description: 'Train Paris – Lyon', quantity: 2, unitPriceWithoutTaxMinor: 10_005, amountWithoutTaxMinor: 20_010, vatRateBasisPoints: 1_000, taxMinor: 2_001, amountWithTaxMinor: 22_011, traveller: 'Jean DUPONT', bookingRef: 'PNR-1', costCentre: 'CC-SALES', vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
      { lineNumber: 2, operationId: 'op-2', operationType: 'REFUND', orderRef: 'ORD-1', operationDate: '2026-02-05', description: 'Train Paris – Lyon', quantity: 1, unitPriceWithoutTaxMinor: -5_000, amountWithoutTaxMinor: -5_000, vatRateBasisPoints: 1_000, taxMinor: -500, amountWithTaxMinor: -5_500, traveller: null, bookingRef: null, costCentre: null, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null },
    ],
    customer: { subscriberRef: 'ACME', customerRef: 'CUST-1', siren: '552100554', vatNumber: 'FR40552100554' },
    billingContact: { firstName: 'Anne', lastName: 'Martin', email: 'compta@acme.example', phone: null },
    billingAddress: { line1: 'CSE Acme Industries', line2: '', line3: 'Bâtiment B', line4: '12 avenue de Lyon', line5: '', line6: '69003 LYON', country: 'FR' },
    mandate: { mandateRef: 'RUM-0001', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: null, signedAt: null },
    debitRequired: true,
    collectionDate: '2026-03-31',
    language: 'fr',
    prepaidAmountMinor: 0,
    amountDueMinor: null,
    ...overrides,
  };
}

const element = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<ram:${name}(?: [^>]*)?>([^<]*)</ram:${name}>`, 'g'))].map((match) => match[1]);

describe('EN 16931 data of an issued invoice', () => {
  it('when an invoice has a purchase and a refund, then prices stay positive, the refund takes back with a negative quantity, and the totals are the invoice\'s', () => {
    const document = eInvoiceOfIssuedInvoice(invoiceOf(), seller);
    expect(document.typeCode).toBe('380');
    expect(document.lines.map((line) => [line.quantity, line.unitPriceMinor, line.netAmountMinor, line.vat.categoryCode])).toEqual([
      [2, 10_005, 20_010, 'S'],
      [-1, 5_000, -5_000, 'S'],
    ]);
    expect(document.totals).toEqual({ lineNetMinor: 15_010, withoutVatMinor: 15_010, vatMinor: 1_501, withVatMinor: 16_511, prepaidMinor: 0, dueMinor: 16_511 });
    expect(document.period).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(document.payment).toEqual({ kind: 'direct-debit', mandateRef: 'RUM-0001', creditorId: 'FR00ZZZ000000', debitedIban: 'FR7630006000011234567890189' });
    expect(document.buyer).toMatchObject({ name: 'CSE Acme Industries', siren: '552100554', address: { line1: '12 avenue de Lyon', line2: 'Bâtiment B', postCode: '69003', city: 'LYON', countryCode: 'FR' } });
    expect(document.seller.address).toMatchObject({ line1: '10 rue de la Paix', postCode: '75002', city: 'Paris', countryCode: 'FR' });
  });

  it('when the CII is written, then its amounts are the minor units with two decimals and it names the EN 16931 guideline', async () => {
    const xml = await eInvoiceXml(eInvoiceOfIssuedInvoice(invoiceOf(), seller), 'CII');
    expect(element(xml, 'ID').slice(0, 2)).toEqual(['S1', 'urn:cen.eu:en16931:2017']);
    expect(element(xml, 'GrandTotalAmount')).toEqual(['165.11']);
    expect(element(xml, 'TaxBasisTotalAmount')).toEqual(['150.10']);
    expect(element(xml, 'ChargeAmount')).toEqual(['100.05', '50.00']);
    expect(element(xml, 'BilledQuantity')).toEqual(['2', '-1']);
    expect(element(xml, 'RateApplicablePercent')).toEqual(['10.00', '10.00', '10.00']);
    expect(element(xml, 'DirectDebitMandateID')).toEqual(['RUM-0001']);
    expect(element(xml, 'CreditorReferenceID')).toEqual(['FR00ZZZ000000']);
    expect(xml).toContain('<ram:ApplicableHeaderTradeDelivery/>');
  });

  it('when billing issued a document with a negative total, then it is a credit note (381) whose credited amounts are positive', async () => {
    const credit = invoiceOf({
      invoiceType: 'CREDIT_NOTE',
      totalWithoutTaxMinor: -5_000,
      totalTaxMinor: -500,
      totalWithTaxMinor: -5_500,
      vatBreakdown: [{ rateBasisPoints: 1_000, baseMinor: -5_000, taxMinor: -500, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null }],
      debitRequired: false,
    });
    credit.lines = credit.lines.slice(1);
    const document = eInvoiceOfIssuedInvoice(credit, seller);
    expect([document.typeCode, document.totals.withVatMinor, document.totals.dueMinor, document.lines[0]?.quantity, document.payment.kind, document.dueDate]).toEqual(['381', 5_500, 5_500, 1, 'none', null]);
    const xml = await eInvoiceXml(document, 'CII');
    expect(element(xml, 'TypeCode')[0]).toBe('381');
    expect(element(xml, 'GrandTotalAmount')).toEqual(['55.00']);
  });

  it('when a line is exempt with a reason, or earlier credit notes are deducted, then the XML says so (category, VATEX code and text; paid and due amounts)', async () => {
    const invoice = invoiceOf({ amountDueMinor: 10_000, precedingInvoiceRef: 'BIL-2026-000001', precedingInvoiceIssueDate: '2026-02-01' });
    invoice.lines = invoice.lines.map((line) => ({ ...line, vatCategoryCode: 'E', vatRateBasisPoints: 0, vatExemptionReasonCode: 'VATEX-EU-J', vatExemptionReason: 'Régime particulier – agences de voyages' }));
    invoice.vatBreakdown = [{ rateBasisPoints: 0, baseMinor: 15_010, taxMinor: 0, vatCategoryCode: 'E', vatExemptionReasonCode: 'VATEX-EU-J', vatExemptionReason: 'Régime particulier – agences de voyages' }];
    const xml = await eInvoiceXml(eInvoiceOfIssuedInvoice({ ...invoice, totalTaxMinor: 0, totalWithTaxMinor: 15_010 }, seller), 'CII');
    expect(element(xml, 'CategoryCode')).toEqual(['E', 'E', 'E']);
    expect(element(xml, 'ExemptionReasonCode')).toEqual(['VATEX-EU-J']);
    expect(element(xml, 'ExemptionReason')).toEqual(['Régime particulier – agences de voyages']);
    expect(element(xml, 'TotalPrepaidAmount')).toEqual(['50.10']);
    expect(element(xml, 'DuePayableAmount')).toEqual(['100.00']);
    expect(element(xml, 'IssuerAssignedID')).toContain('BIL-2026-000001');
  });

  it('when a category is not one of EN 16931\'s, then the mapping refuses it rather than write a wrong e-invoice', () => {
    const invoice = invoiceOf();
    invoice.lines = invoice.lines.map((line) => ({ ...line, vatCategoryCode: 'X' }));
    expect(() => eInvoiceOfIssuedInvoice(invoice, seller)).toThrow('VAT category X');
  });
});

describe('EN 16931 data of a credit note', () => {
  it('when an operator credits part of an invoice, then the 381 names the invoice it corrects (BT-25, BT-26) and carries the reason', async () => {
    const creditNote: billingCreditNoteIssuedV1Event.CreditNote = {
      creditNoteId: 'cn-1',
      creditNoteRef: 'AV-2026-000001',
      invoiceId: '7d1f0c1e-4b9b-4d7e-9b8e-0f4c2b1a9e11',
      invoiceRef: 'BIL-2026-000042',
      invoiceIssueDate: '2026-03-01',
      issueDate: '2026-03-10',
      language: 'fr',
      currency: 'EUR',
      totalWithoutTaxMinor: 9_091,
      totalTaxMinor: 909,
      totalWithTaxMinor: 10_000,
      vatBreakdown: [{ rateBasisPoints: 1_000, baseMinor: 9_091, taxMinor: 909, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null }],
      lines: [{ lineNumber: 1, description: 'Credit at 10 %', vatRateBasisPoints: 1_000, amountWithoutTaxMinor: 9_091, taxMinor: 909, amountWithTaxMinor: 10_000, vatCategoryCode: 'S', vatExemptionReasonCode: null, vatExemptionReason: null }],
      reason: 'Hotel night billed twice.',
      issuedBy: 'jane.operator',
    };
    const xml = await eInvoiceXml(eInvoiceOfCreditNote(creditNote, invoiceOf(), seller), 'CII');
    expect(element(xml, 'TypeCode')[0]).toBe('381');
    expect(element(xml, 'IssuerAssignedID')).toContain('BIL-2026-000042');
    expect(xml).toContain('20260301'); // the corrected invoice's date
    expect(element(xml, 'Content')).toEqual(['Hotel night billed twice.']);
    expect(element(xml, 'GrandTotalAmount')).toEqual(['100.00']);
  });
});

describe('percentText', () => {
  it('when a rate is in basis points, then its percent is written with integers only', () => {
    expect([percentText(2_000), percentText(550), percentText(210), percentText(0), percentText(5)]).toEqual(['20.00', '5.50', '2.10', '0.00', '0.05']);
  });
});
