import { expectError } from '@boissipay/runtime/testing';
import { startBillingUnderTest, type BillingUnderTest } from './support/billing-under-test';
import { invoicesOf, knownContract, purchaseOn, refundOn, runPeriod, submitAccepted } from './support/billing-runs';
import { startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';

const texts = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<(?:ram|cbc):${name}(?: [^>]*)?>([^<]*)</(?:ram|cbc):${name}>`, 'g'))].map((match) => match[1]);

/**
 * The e-invoice routes over real HTTP and a real database: the invoice as CII and UBL, an
 * operator's credit note as CII naming its invoice, in the scope of the caller as the JSON is.
 * (Their validity against the Factur-X XSD and the EN 16931 schematron is proved by the e2e
 * month, which runs the Mustang validator on every document it produces.)
 */
describe('GET /v1/invoices/{invoiceRef}/cii, /ubl and /credit-notes/{creditNoteRef}/cii', () => {
  let billing: BillingUnderTest;
  let contracts: ContractEventPublisher;
  let invoiceRef: string;

  beforeAll(async () => {
    [billing, contracts] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
    const contractRef = await knownContract(billing, contracts);
    await submitAccepted(billing, purchaseOn(contractRef, '2026-01-10', [{ unitPriceMinor: 10_000, vatRate: 20 }]));
    await submitAccepted(billing, purchaseOn(contractRef, '2026-01-11', [{ unitPriceMinor: 5_000, vatRate: 10 }]));
    await runPeriod(billing, '2026-01');
    invoiceRef = (await invoicesOf(billing, contractRef)).find((invoice) => invoice.period === '2026-01')?.invoice_ref ?? '';
  });
  afterAll(async () => {
    await contracts?.stop();
    await billing?.stop();
  });

  const read = async (path: string, headers?: Record<string, string>) => billing.api.get(path).set(headers ?? (await billing.auth(['invoices:read'])));

  it('when an invoice is asked for as CII and as UBL, then both are XML with its number, totals and VAT per rate', async () => {
    const [cii, ubl] = await Promise.all([read(`/v1/invoices/${invoiceRef}/cii`), read(`/v1/invoices/${invoiceRef}/ubl`)]);
    expect([cii.status, cii.headers['content-type'], ubl.status, ubl.headers['content-type']]).toEqual([200, 'application/xml; charset=utf-8', 200, 'application/xml; charset=utf-8']);
    expect([texts(cii.text, 'TypeCode')[0], texts(cii.text, 'GrandTotalAmount'), texts(cii.text, 'BasisAmount'), texts(cii.text, 'CalculatedAmount')]).toEqual(['380', ['175.00'], ['50.00', '100.00'], ['5.00', '20.00']]);
    expect(cii.text).toContain(`<ram:ID>${invoiceRef}</ram:ID>`);
    expect([texts(ubl.text, 'InvoiceTypeCode'), texts(ubl.text, 'PayableAmount'), texts(ubl.text, 'ID')[0]]).toEqual([['380'], ['175.00'], invoiceRef]);
  });

  it('when an operator credited the invoice, then its credit note is a 381 that names the invoice', async () => {
    const issued = await billing.api
      .post(`/v1/invoices/${invoiceRef}/credit-notes`)
      .set(await billing.auth(['invoices:credit'], 'operator-jane'))
      .send({ reason: 'Hotel night billed twice.', amount: 55 });
    expect(issued.status).toBe(201);
    const cii = await read(`/v1/invoices/${invoiceRef}/credit-notes/${issued.body.creditNoteRef}/cii`);
    expect(cii.status).toBe(200);
    expect([texts(cii.text, 'TypeCode')[0], texts(cii.text, 'IssuerAssignedID'), texts(cii.text, 'GrandTotalAmount'), texts(cii.text, 'Content')]).toEqual([
      '381',
      expect.arrayContaining([invoiceRef]),
      ['55.00'],
      ['Hotel night billed twice.'],
    ]);
    const ubl = await read(`/v1/invoices/${invoiceRef}/credit-notes/${issued.body.creditNoteRef}/ubl`);
    expect(ubl.status).toBe(200);
    expect(ubl.text).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect([texts(ubl.text, 'CreditNoteTypeCode'), texts(ubl.text.match(/<cac:BillingReference>[\s\S]*?<\/cac:BillingReference>/)?.[0] ?? '', 'ID'), texts(ubl.text, 'PayableAmount')]).toEqual([['381'], [invoiceRef], ['55.00']]);
    expectError(await read(`/v1/invoices/${invoiceRef}/credit-notes/AV-1999-000001/cii`), 404, 'CREDIT_NOTE_NOT_FOUND');
    expectError(await read(`/v1/invoices/${invoiceRef}/credit-notes/AV-1999-000001/ubl`), 404, 'CREDIT_NOTE_NOT_FOUND');
  });

  it('when a month refunds a purchase billed the month before, then the run credits it with a credit note whose CII is a 381 naming that invoice', async () => {
    const contractRef = await knownContract(billing, contracts);
    const bought = await submitAccepted(billing, purchaseOn(contractRef, '2026-02-10', [{ unitPriceMinor: 8_000, vatRate: 10 }]));
    await runPeriod(billing, '2026-02');
    const february = (await invoicesOf(billing, contractRef)).find((invoice) => invoice.period === '2026-02')?.invoice_ref ?? '';
    await submitAccepted(billing, refundOn(contractRef, '2026-03-05', bought.orderRef, [{ unitPriceMinor: 8_000, vatRate: 10 }]));
    await runPeriod(billing, '2026-03');
    const creditNotes = await read(`/v1/invoices/${february}/credit-notes`, await billing.auth(['invoices:read']));
    expect([creditNotes.status, creditNotes.body.creditNotes?.length]).toEqual([200, 1]);
    const creditNoteRef: string = creditNotes.body.creditNotes[0].creditNoteRef;
    const cii = await read(`/v1/invoices/${february}/credit-notes/${creditNoteRef}/cii`);
    expect([cii.status, texts(cii.text, 'TypeCode')[0], texts(cii.text, 'IssuerAssignedID'), texts(cii.text, 'GrandTotalAmount')]).toEqual([200, '381', expect.arrayContaining([february]), ['88.00']]);
  });

  it('when a billed month comes to zero (a purchase refunded the same month), then its CII is a 381 and its UBL is refused', async () => {
    const contractRef = await knownContract(billing, contracts);
    const bought = await submitAccepted(billing, purchaseOn(contractRef, '2026-04-10', [{ unitPriceMinor: 8_000, vatRate: 10 }]));
    await submitAccepted(billing, refundOn(contractRef, '2026-04-12', bought.orderRef, [{ unitPriceMinor: 8_000, vatRate: 10 }]));
    await runPeriod(billing, '2026-04');
    const credit = (await invoicesOf(billing, contractRef)).find((invoice) => invoice.period === '2026-04');
    expect(credit?.invoice_type).toBe('CREDIT_NOTE');
    const cii = await read(`/v1/invoices/${credit?.invoice_ref}/cii`);
    expect([cii.status, texts(cii.text, 'TypeCode')[0], texts(cii.text, 'GrandTotalAmount')]).toEqual([200, '381', ['0.00']]);
    expectError(await read(`/v1/invoices/${credit?.invoice_ref}/ubl`), 409, 'E_INVOICE_SYNTAX_UNAVAILABLE');
  });

  it('when the caller may not read the invoice, then 401 without a token, 403 without the scope, 404 outside its customers or for no such invoice', async () => {
    expect((await billing.api.get(`/v1/invoices/${invoiceRef}/cii`)).status).toBe(401);
    expect((await read(`/v1/invoices/${invoiceRef}/cii`, await billing.auth(['operations:read']))).status).toBe(403);
    const otherCustomer = await billing.token(['invoices:read'], 'customer-portal', { customers: ['CUST-SOMEONE-ELSE'] });
    expectError(await read(`/v1/invoices/${invoiceRef}/ubl`, { Authorization: `Bearer ${otherCustomer}` }), 404, 'INVOICE_NOT_FOUND');
    expectError(await read('/v1/invoices/BIL-1999-000001/cii'), 404, 'INVOICE_NOT_FOUND');
  });
});
