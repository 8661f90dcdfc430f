import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toDecimalText, toMinorUnits } from '@boissipay/money';
import { signAccessToken } from '@boissipay/runtime';
import { mustangErrorsOf, validateWithMustang } from '../../../infra/mustang';
import { attachmentOf, emailsTo } from '../../../invoice-mailer/test/support/mail-catcher';
import { pdfAttachments } from '../../../invoice-mailer/test/support/pdf-attachments';
import type { MonthOutcome } from '../../../scripts/demo/month-scenario';
import { eventually, type PlatformClient } from '../../../scripts/demo/platform-client';
import { pdfText } from '../../../invoice-mailer/test/support/pdf-text';

interface InvoiceJson {
  invoiceRef: string;
  invoiceType: string;
  contractRef: string;
  issueDate: string;
  dueDate: string;
  currencyCode: string;
  totalWithoutTax: number;
  totalTax: number;
  totalWithTax: number;
  amountDue: number;
  vatBreakdown: Array<{ vatRate: number; base: number; tax: number; vatCategoryCode: string }>;
  customer: { siren: string | null; vatNumber: string | null };
  billingAddress: { line1: string };
  mandate: { mandateRef: string; iban: string } | null;
  lines: unknown[];
}

/** The texts of every element of that name (namespace prefix ram:), in document order. */
const texts = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<ram:${name}(?: [^>]*)?>([^<]*)</ram:${name}>`, 'g'))].map((match) => match[1] ?? '');
const block = (xml: string, name: string) => new RegExp(`<ram:${name}>[\\s\\S]*?</ram:${name}>`).exec(xml)?.[0] ?? '';
const blocks = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<ram:${name}>[\\s\\S]*?</ram:${name}>`, 'g'))].map((match) => match[0]);
const minor = (value: string | number, currency: string) => toMinorUnits(value, currency);

/** What the CII says, in the API's terms: totals, VAT per rate, parties and references (amounts in minor units). */
function ciiFacts(xml: string, currency: string) {
  const settlement = block(xml, 'ApplicableHeaderTradeSettlement');
  const summation = block(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const buyer = block(xml, 'BuyerTradeParty');
  const exchanged = xml.split('<rsm:ExchangedDocument>')[1]?.split('</rsm:ExchangedDocument>')[0] ?? '';
  return {
    invoiceRef: texts(exchanged, 'ID')[0],
    typeCode: texts(exchanged, 'TypeCode')[0],
    buyerReference: texts(xml, 'BuyerReference')[0],
    contractReference: texts(block(xml, 'ContractReferencedDocument'), 'IssuerAssignedID')[0],
    seller: texts(block(xml, 'SellerTradeParty'), 'Name')[0],
    buyer: texts(buyer, 'Name')[0],
    buyerSiren: texts(block(buyer, 'SpecifiedLegalOrganization'), 'ID')[0],
    buyerVatNumber: texts(block(buyer, 'SpecifiedTaxRegistration'), 'ID')[0],
    mandateRef: texts(settlement, 'DirectDebitMandateID')[0] ?? null,
    totals: {
      withoutTax: minor(texts(summation, 'TaxBasisTotalAmount')[0] ?? 'NaN', currency),
      tax: minor(texts(summation, 'TaxTotalAmount')[0] ?? 'NaN', currency),
      withTax: minor(texts(summation, 'GrandTotalAmount')[0] ?? 'NaN', currency),
      due: minor(texts(summation, 'DuePayableAmount')[0] ?? 'NaN', currency),
    },
    vatBreakdown: blocks(settlement, 'ApplicableTradeTax').map((tax) => ({
      category: texts(tax, 'CategoryCode')[0],
      rate: texts(tax, 'RateApplicablePercent')[0],
      base: minor(texts(tax, 'BasisAmount')[0] ?? 'NaN', currency),
      tax: minor(texts(tax, 'CalculatedAmount')[0] ?? 'NaN', currency),
    })),
    lines: blocks(xml, 'IncludedSupplyChainTradeLineItem').length,
  };
}

/**
 * The API's VAT breakdown as the XML must carry it: one entry per rate of the standard category,
 * but one entry per untaxed category (EN 16931 BR-E-01, BR-Z-01, BR-O-01), whatever the reasons
 * the API keeps apart.
 */
function xmlBreakdownOf(breakdown: InvoiceJson['vatBreakdown'], currency: string) {
  const entries: Array<{ category: string; rate: string; base: number; tax: number }> = [];
  for (const entry of breakdown) {
    const base = minor(entry.base, currency);
    const tax = minor(entry.tax, currency);
    const same = entry.vatCategoryCode === 'S' ? undefined : entries.find(({ category }) => category === entry.vatCategoryCode);
    if (same) Object.assign(same, { base: same.base + base, tax: same.tax + tax });
    else entries.push({ category: entry.vatCategoryCode, rate: rateText(entry.vatRate), base, tax });
  }
  return entries;
}

/** The percent text of the XML (two decimals) for the API's rate: 5.5 → "5.50", through minor-unit arithmetic. */
const rateText = (rate: number) => {
  const hundredths = toMinorUnits(rate, 'EUR');
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
};

/** BR-CO-15: the grand total is the total without VAT plus the VAT; one cent more breaks it. */
function brokenGrandTotal(cii: string, currency: string): string {
  const grandTotal = texts(cii, 'GrandTotalAmount')[0] ?? '';
  const broken = cii.replace(`<ram:GrandTotalAmount>${grandTotal}</ram:GrandTotalAmount>`, `<ram:GrandTotalAmount>${toDecimalText(minor(grandTotal, currency) + 1, currency)}</ram:GrandTotalAmount>`);
  expect(broken).not.toBe(cii);
  return broken;
}

/** The same break in UBL: the total with VAT (BT-112, TaxInclusiveAmount) one cent off. */
function brokenUblGrandTotal(ubl: string, currency: string): string {
  const pattern = /<cbc:TaxInclusiveAmount currencyID="([A-Z]{3})">([^<]*)<\/cbc:TaxInclusiveAmount>/;
  const broken = ubl.replace(pattern, (_whole, code: string, amount: string) => `<cbc:TaxInclusiveAmount currencyID="${code}">${toDecimalText(minor(amount, currency) + 1, currency)}</cbc:TaxInclusiveAmount>`);
  expect(broken).not.toBe(ubl);
  return broken;
}

/**
 * Every invoice and credit note of the month as an e-invoice: the PDF e-mailed (Factur-X:
 * PDF/A-3 with its factur-x.xml) and billing's CII of the same document, byte for byte the XML
 * the PDF carries; an invoice's totals, VAT breakdown, parties and references are the invoice
 * API's, a credit note's (type 381) name the invoice it corrects; and billing's UBL of each
 * invoice and credit note. Then all of them are checked by the Mustang validator in one run (PDF/A-3; Factur-X
 * XSD or UBL 2.1 XSD; EN 16931 schematron for CII or UBL), together with an invoice (CII and
 * UBL) and a credit note broken on purpose (a grand total that is not the sum of the base and
 * the VAT), which must fail.
 */
export async function expectValidEInvoices(outcome: MonthOutcome, client: PlatformClient, billingUrl: string, secret: string): Promise<void> {
  const token = await signAccessToken({ secret }, { subject: 'e2e-e-invoices', scopes: ['invoices:read'], ttlSeconds: 600 });
  const xmlOf = async (invoiceRef: string, syntax: 'cii' | 'ubl' | `credit-notes/${string}/${'cii' | 'ubl'}`) => {
    const response = await fetch(`${billingUrl}/v1/invoices/${invoiceRef}/${syntax}`, { headers: { authorization: `Bearer ${token}` } });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/xml; charset=utf-8']);
    return response.text();
  };
  const dir = await mkdtemp(path.join(tmpdir(), 'e-invoices-'));
  const files: string[] = [];
  const brokenFiles: string[] = [];

  for (const [index, customer] of outcome.customers.entries()) {
    const invoiceRef = String(outcome.invoices[index]?.invoiceRef);
    // The invoice e-mail, not a customer notice sent to the same address.
    const [mail] = (await emailsTo(customer.billingEmail)).filter(
      (candidate) => candidate.headers['x-boissipay-notice-kind'] === undefined && candidate.headers['x-boissipay-credit-note-ref'] === undefined,
    );
    const pdf = (await attachmentOf(mail as never, `${invoiceRef}.pdf`)).content;
    const cii = await xmlOf(invoiceRef, 'cii');
    const embedded = (await pdfAttachments(pdf)).get('factur-x.xml');
    expect(embedded?.toString('utf8')).toBe(cii); // the mailer and billing write the same e-invoice

    const json = (await client.get<InvoiceJson>('billing-service', `/v1/invoices/${invoiceRef}`)).body;
    const currency = json.currencyCode;
    expect(ciiFacts(cii, currency)).toEqual({
      invoiceRef,
      typeCode: json.invoiceType === 'INVOICE' ? '380' : '381',
      buyerReference: json.contractRef,
      contractReference: json.contractRef,
      seller: 'Boissipay SAS',
      buyer: json.billingAddress.line1,
      buyerSiren: json.customer.siren,
      buyerVatNumber: json.customer.vatNumber,
      mandateRef: json.mandate?.mandateRef ?? null,
      totals: { withoutTax: minor(json.totalWithoutTax, currency), tax: minor(json.totalTax, currency), withTax: minor(json.totalWithTax, currency), due: minor(json.amountDue, currency) },
      vatBreakdown: xmlBreakdownOf(json.vatBreakdown, currency),
      lines: json.lines.length,
    });
    const ubl = await xmlOf(invoiceRef, 'ubl');
    expect(ubl.includes(`<cbc:ID>${invoiceRef}</cbc:ID>`)).toBe(true);

    const pdfFile = path.join(dir, `${invoiceRef}.pdf`);
    const ciiFile = path.join(dir, `${invoiceRef}.cii.xml`);
    const ublFile = path.join(dir, `${invoiceRef}.ubl.xml`);
    await Promise.all([writeFile(pdfFile, pdf), writeFile(ciiFile, cii), writeFile(ublFile, ubl)]);
    files.push(pdfFile, ciiFile, ublFile);
    if (index === 0) {
      const brokenFile = path.join(dir, `${invoiceRef}.broken.cii.xml`);
      const brokenUbl = path.join(dir, `${invoiceRef}.broken.ubl.xml`);
      await Promise.all([writeFile(brokenFile, brokenGrandTotal(cii, currency)), writeFile(brokenUbl, brokenUblGrandTotal(ubl, currency))]);
      files.push(brokenFile, brokenUbl);
      brokenFiles.push(brokenFile, brokenUbl);
    }
  }

  // The credit notes (type 381), each naming the invoice it corrects, each e-mailed as a Factur-X PDF to that invoice's billing contact.
  for (const [index, invoice] of outcome.invoices.entries()) {
    const customer = outcome.customers[index];
    const { creditNotes } = (await client.get<{ creditNotes: Array<{ creditNoteRef: string; totalWithoutTax: number; totalTax: number; totalWithTax: number }> }>('billing-service', `/v1/invoices/${invoice.invoiceRef}/credit-notes`)).body;
    for (const creditNote of creditNotes) {
      const cii = await xmlOf(invoice.invoiceRef, `credit-notes/${creditNote.creditNoteRef}/cii`);
      const facts = ciiFacts(cii, 'EUR');
      expect([facts.invoiceRef, facts.typeCode, texts(block(cii, 'InvoiceReferencedDocument'), 'IssuerAssignedID'), facts.totals]).toEqual([
        creditNote.creditNoteRef,
        '381',
        [invoice.invoiceRef],
        { withoutTax: minor(creditNote.totalWithoutTax, 'EUR'), tax: minor(creditNote.totalTax, 'EUR'), withTax: minor(creditNote.totalWithTax, 'EUR'), due: minor(creditNote.totalWithTax, 'EUR') },
      ]);
      const mail = await eventually(
        async () => (await emailsTo(String(customer?.billingEmail))).find((candidate) => candidate.headers['x-boissipay-credit-note-ref'] === creditNote.creditNoteRef),
        `the e-mail of ${creditNote.creditNoteRef}`,
      );
      const pdf = (await attachmentOf(mail as never, `${creditNote.creditNoteRef}.pdf`)).content;
      expect((await pdfAttachments(pdf)).get('factur-x.xml')?.toString('utf8')).toBe(cii); // the mailer and billing write the same credit note
      const { text } = await pdfText(pdf);
      const french = customer?.language === 'fr';
      expect(text).toContain(french ? `Avoir N° ${creditNote.creditNoteRef}` : `Credit note No. ${creditNote.creditNoteRef}`);
      expect(text).toContain(french ? `Facture rectifiée : ${invoice.invoiceRef}` : `Corrected invoice: ${invoice.invoiceRef}`);

      const ubl = await xmlOf(invoice.invoiceRef, `credit-notes/${creditNote.creditNoteRef}/ubl`);
      expect([ubl.includes('<CreditNote xmlns='), ubl.includes(`<cbc:ID>${creditNote.creditNoteRef}</cbc:ID>`), ubl.includes(`<cbc:ID>${invoice.invoiceRef}</cbc:ID>`)]).toEqual([true, true, true]);

      const file = path.join(dir, `${creditNote.creditNoteRef}.cii.xml`);
      const ublFile = path.join(dir, `${creditNote.creditNoteRef}.ubl.xml`);
      const pdfFile = path.join(dir, `${creditNote.creditNoteRef}.pdf`);
      await Promise.all([writeFile(file, cii), writeFile(ublFile, ubl), writeFile(pdfFile, pdf)]);
      files.push(pdfFile, file, ublFile);
      if (!brokenFiles.some((file) => path.basename(file).startsWith('AV-'))) {
        const brokenFile = path.join(dir, `${creditNote.creditNoteRef}.broken.cii.xml`);
        await writeFile(brokenFile, brokenGrandTotal(cii, 'EUR'));
        files.push(brokenFile);
        brokenFiles.push(brokenFile);
      }
    }
  }
  // The operator's credit note of Acme's invoice, as its PDF, its CII and its UBL (the month refunds nothing of an earlier month).
  expect(files.filter((file) => path.basename(file).startsWith('AV-') && !file.includes('.broken.')).map((file) => path.extname(file))).toEqual(['.pdf', '.xml', '.xml']);
  expect(brokenFiles).toHaveLength(3);

  const verdicts = await validateWithMustang(files);
  const named = verdicts.map((verdict) => [path.basename(verdict.file), verdict.valid, mustangErrorsOf(verdict.report)]);
  expect(named.filter(([file]) => !String(file).includes('.broken.'))).toEqual(
    files.filter((file) => !brokenFiles.includes(file)).map((file) => [path.basename(file), true, []]),
  );
  for (const brokenFile of brokenFiles) {
    const broken = verdicts.find((verdict) => verdict.file === brokenFile);
    expect([path.basename(brokenFile), broken?.valid]).toEqual([path.basename(brokenFile), false]);
    expect(mustangErrorsOf(broken?.report ?? '').join('\n')).toContain('BR-CO-15');
  }
}
