import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import { toMinorUnits } from '@boissipay/money';
import { expectError } from '@boissipay/runtime/testing';
import { buildInvoiceIssuedEvent, startInvoicePublisher, type InvoiceIssuedEvent, type InvoicePublisher } from './support/invoice-events';
import { startPaymentResultCollector, type PaymentResultCollector } from './support/payment-results';
import { startPaymentService, type PaymentServiceUnderTest } from './support/payment-service-under-test';

const XSD = path.resolve(__dirname, '../../specs/iso20022/pain.008.001.08.xsd');

/** xmllint's verdict on a document against the official ISO 20022 schema: '' when valid, its errors otherwise. */
function schemaErrorsOf(xml: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'PmtInf' || name === 'DrctDbtTxInf' });
type Transaction = { PmtId: { EndToEndId: string }; InstdAmt: { '#text': string; '@Ccy': string }; DrctDbtTx: { MndtRltdInf: { MndtId: string; DtOfSgntr: string } }; Dbtr: { Nm: string }; RmtInf: { Ustrd: string }; DbtrAgt: unknown };
type PaymentInformation = { NbOfTxs: string; CtrlSum: string; ReqdColltnDt: string; PmtTpInf: { SeqTp: string }; DrctDbtTxInf: Transaction[] };
type Initiation = { GrpHdr: { MsgId: string; NbOfTxs: string; CtrlSum: string }; PmtInf: PaymentInformation[] };
const initiationOf = (xml: string): Initiation => (parser.parse(xml) as { Document: { CstmrDrctDbtInitn: Initiation } }).Document.CstmrDrctDbtInitn;
const minor = (decimal: string) => toMinorUnits(decimal, 'EUR');

/**
 * The file provider (PAYMENT_PROVIDER=pain008) over real HTTP and PostgreSQL: debits due on a
 * collection date join that date's batch, served as a pain.008.001.08 file that the official
 * schema accepts; the bank's status report (pain.002) brings the returns back.
 */
describe('pain.008 collection files', () => {
  let now = new Date('2027-01-04T05:00:00.000Z');
  let under: PaymentServiceUnderTest;
  let invoices: InvoicePublisher;
  let results: PaymentResultCollector;
  let operator: string;
  const suffix = Date.now();
  const customer = { a: `CUST-A-${suffix}`, b: `CUST-B-${suffix}` };
  const mandateRef = `RUM-P8-${suffix}`;
  const events: Record<'firstOfMandate' | 'other' | 'secondOfMandate', InvoiceIssuedEvent> = {
    firstOfMandate: buildInvoiceIssuedEvent({ amountWithTaxMinor: 245_240, invoice: { collectionDate: '2027-01-04', customer: { customerRef: customer.a }, mandate: { mandateRef, signedAt: '2026-03-02' } } }),
    other: buildInvoiceIssuedEvent({ amountWithTaxMinor: 1, invoice: { collectionDate: '2027-01-04', customer: { customerRef: customer.b }, mandate: { bic: null }, billingAddress: { line1: 'Comité d’entreprise <Sud> & Co' } } }),
    secondOfMandate: buildInvoiceIssuedEvent({ amountWithTaxMinor: 10_010, invoice: { collectionDate: '2027-02-01', customer: { customerRef: customer.a }, mandate: { mandateRef, signedAt: '2026-03-02' } } }),
  };
  const paymentRefs: Record<string, string> = {};

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const file = (date: string, token = under.reader) => under.api.get(`/v1/collections/${date}/pain008`).set(auth(token)).buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => done(null, text));
  });
  const importReport = (xml: string, token = operator) => under.api.post('/v1/collections/returns').set(auth(token)).set('Content-Type', 'application/xml').send(xml);

  beforeAll(async () => {
    [under, invoices, results] = await Promise.all([
      startPaymentService({ PAYMENT_PROVIDER: 'pain008', PAYMENT_DEBIT_POLL_INTERVAL_MS: '50', PAYMENT_CREDITOR_NAME: 'Boissipay SAS', PAYMENT_CREDITOR_ID: 'FR12ZZZ123456' }, { clock: () => now }),
      startInvoicePublisher(),
      startPaymentResultCollector(),
    ]);
    operator = await under.token(['payments:operate'], 'operator-jane');
    await invoices.publish(events.firstOfMandate, events.other, events.secondOfMandate);
    for (const name of ['firstOfMandate', 'other'] as const) {
      paymentRefs[name] = (await under.paymentOf(events[name].invoice.invoiceRef, (payment) => payment.status === 'SUCCEEDED')).paymentRef;
    }
    now = new Date('2027-02-01T05:00:00.000Z');
    paymentRefs.secondOfMandate = (await under.paymentOf(events.secondOfMandate.invoice.invoiceRef, (payment) => payment.status === 'SUCCEEDED')).paymentRef;
  });
  afterAll(async () => {
    await Promise.all([results?.stop(), invoices?.stop()]);
    await under?.stop();
  });

  it('when debits were collected on a date, then its file validates against the ISO 20022 schema with the creditor, mandates, debtors and remittance', async () => {
    const response = await file('2027-01-04');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(schemaErrorsOf(response.body as string)).toBe('');

    const initiation = initiationOf(response.body as string);
    const transactions = initiation.PmtInf.flatMap((info) => info.DrctDbtTxInf);
    expect(transactions.map((transaction) => transaction.PmtId.EndToEndId).sort()).toEqual([paymentRefs.firstOfMandate, paymentRefs.other].sort());
    const first = transactions.find((transaction) => transaction.PmtId.EndToEndId === paymentRefs.firstOfMandate);
    expect(first).toMatchObject({
      InstdAmt: { '#text': '2452.40', '@Ccy': 'EUR' },
      DrctDbtTx: { MndtRltdInf: { MndtId: mandateRef, DtOfSgntr: '2026-03-02' } },
      Dbtr: { Nm: 'ACME SA' },
      RmtInf: { Ustrd: events.firstOfMandate.invoice.invoiceRef },
    });
    const other = transactions.find((transaction) => transaction.PmtId.EndToEndId === paymentRefs.other);
    expect(other).toMatchObject({ InstdAmt: { '#text': '0.01' }, Dbtr: { Nm: 'Comité d’entreprise <Sud> & Co' }, DbtrAgt: { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } } });
    expect((response.body as string)).toContain('<Id>FR12ZZZ123456</Id>');
  });

  it('when a mandate is collected on two dates, then FRST in the first file and RCUR in the second, both valid', async () => {
    const sequenceOf = async (date: string, paymentRef: string) => {
      const xml = (await file(date)).body as string;
      expect(schemaErrorsOf(xml)).toBe('');
      return initiationOf(xml).PmtInf.find((info) => info.DrctDbtTxInf.some((transaction) => transaction.PmtId.EndToEndId === paymentRef))?.PmtTpInf.SeqTp;
    };
    expect(await sequenceOf('2027-01-04', paymentRefs.firstOfMandate as string)).toBe('FRST');
    expect(await sequenceOf('2027-02-01', paymentRefs.secondOfMandate as string)).toBe('RCUR');
  });

  it('when a file is read, then each count and control sum equals its transactions, summed in integer cents', async () => {
    for (const date of ['2027-01-04', '2027-02-01']) {
      const initiation = initiationOf((await file(date)).body as string);
      const blocks = initiation.PmtInf.map((info) => ({ info, amounts: info.DrctDbtTxInf.map((transaction) => minor(transaction.InstdAmt['#text'])) }));
      for (const { info, amounts } of blocks) {
        expect(Number(info.NbOfTxs)).toBe(amounts.length);
        expect(minor(info.CtrlSum)).toBe(amounts.reduce((sum, amount) => sum + amount, 0));
      }
      const all = blocks.flatMap((block) => block.amounts);
      expect(Number(initiation.GrpHdr.NbOfTxs)).toBe(all.length);
      expect(minor(initiation.GrpHdr.CtrlSum)).toBe(all.reduce((sum, amount) => sum + amount, 0));
    }
    expect(minor(initiationOf((await file('2027-01-04')).body as string).GrpHdr.CtrlSum)).toBe(245_241);
  });

  it('when the batches are listed, then one per date, newest first, with counts and control sums', async () => {
    const response = await under.api.get('/v1/collections').set(auth(under.reader));
    expect(response.status).toBe(200);
    expect(response.body.collections).toEqual([
      { collectionDate: '2027-02-01', numberOfTransactions: 1, controlSum: { amount: 100.1, currency: 'EUR' }, firstCollections: 0, recurringCollections: 1 },
      { collectionDate: '2027-01-04', numberOfTransactions: 2, controlSum: { amount: 2452.41, currency: 'EUR' }, firstCollections: 2, recurringCollections: 0 },
    ]);
  });

  it('when a customer-scoped token reads the batches, then only its customers’ transactions; a date without any is 404', async () => {
    const asB = await under.token(['payments:read'], 'customer-portal', { customers: [customer.b] });
    const listed = await under.api.get('/v1/collections').set(auth(asB));
    expect(listed.body.collections).toEqual([expect.objectContaining({ collectionDate: '2027-01-04', numberOfTransactions: 1, controlSum: { amount: 0.01, currency: 'EUR' } })]);
    const xml = (await file('2027-01-04', asB)).body as string;
    expect(schemaErrorsOf(xml)).toBe('');
    expect(initiationOf(xml).PmtInf.flatMap((info) => info.DrctDbtTxInf.map((transaction) => transaction.PmtId.EndToEndId))).toEqual([paymentRefs.other]);
    expectError(await under.api.get('/v1/collections/2027-02-01/pain008').set(auth(asB)), 404, 'COLLECTION_NOT_FOUND');
    expectError(await under.api.get('/v1/collections/2030-01-01/pain008').set(auth(under.reader)), 404, 'COLLECTION_NOT_FOUND');
    expectError(await under.api.get('/v1/collections/not-a-date/pain008').set(auth(under.reader)), 400, 'VALIDATION_FAILED');
    expect((await under.api.get('/v1/collections')).status).toBe(401);
  });

  it('when the bank reports a return in a pain.002, then the payment is RETURNED once, published once; the same report again changes nothing', async () => {
    const report = statusReport([
      { endToEndId: paymentRefs.firstOfMandate as string, status: 'RJCT', reason: 'AM04' },
      { endToEndId: paymentRefs.other as string, status: 'ACCP' },
      { endToEndId: 'PAY-FFFFFFFFFFFFFFFF', status: 'RJCT', reason: 'MD01' },
    ]);
    const first = await importReport(report);
    expect(first.status).toBe(200);
    expect(first.body.returns).toEqual([
      { endToEndId: paymentRefs.firstOfMandate, status: 'RJCT', reasonCode: 'AM04', paymentRef: paymentRefs.firstOfMandate, outcome: 'RETURNED' },
      { endToEndId: paymentRefs.other, status: 'ACCP', outcome: 'IGNORED' },
      { endToEndId: 'PAY-FFFFFFFFFFFFFFFF', status: 'RJCT', reasonCode: 'MD01', outcome: 'UNKNOWN' },
    ]);
    const payment = (await under.api.get(`/v1/payments/${paymentRefs.firstOfMandate}`).set(auth(under.reader))).body;
    expect(payment).toMatchObject({ status: 'RETURNED', reasonCode: 'INSUFFICIENT_FUNDS', returnReasonCode: 'AM04' });

    const again = await importReport(report);
    expect(again.body.returns[0]).toMatchObject({ outcome: 'ALREADY_RETURNED' });
    const barrier = buildInvoiceIssuedEvent({ contractRef: events.firstOfMandate.contractRef, invoice: { collectionDate: '2027-01-04' } });
    await invoices.publish(barrier);
    await results.firstResultOf(barrier.invoice.invoiceRef);
    expect((await results.resultsOf(events.firstOfMandate.invoice.invoiceRef)).map((result) => [result.status, result.returnReasonCode])).toEqual([
      ['SUCCEEDED', null],
      ['RETURNED', 'AM04'],
    ]);
  });

  it('when a returned debit is re-presented, then it joins the batch of the day it is sent, as RCUR, under the round’s end-to-end id', async () => {
    now = new Date('2027-02-03T09:00:00.000Z');
    const retry = await under.api.post(`/v1/payments/${paymentRefs.firstOfMandate}/retry`).set(auth(operator)).send({ reason: 'Customer topped up the account' });
    expect(retry.status).toBe(202);
    await under.paymentOf(events.firstOfMandate.invoice.invoiceRef, (payment) => payment.status === 'SUCCEEDED');
    const xml = (await file('2027-02-03')).body as string;
    expect(schemaErrorsOf(xml)).toBe('');
    const [info] = initiationOf(xml).PmtInf;
    expect(info?.PmtTpInf.SeqTp).toBe('RCUR');
    expect(info?.DrctDbtTxInf.map((transaction) => transaction.PmtId.EndToEndId)).toEqual([`${paymentRefs.firstOfMandate}-R1`]);
  });

  it('when the report is not a pain.002, or a rejection has no reason code, then 400 and nothing is applied', async () => {
    expectError(await importReport('<Document><Unclosed></Document>'), 400, 'VALIDATION_FAILED');
    expectError(await importReport('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"><CstmrDrctDbtInitn/></Document>'), 400, 'VALIDATION_FAILED');
    const withoutReason = statusReport([
      { endToEndId: paymentRefs.other as string, status: 'RJCT', reason: 'MS02' },
      { endToEndId: paymentRefs.secondOfMandate as string, status: 'RJCT' },
    ]);
    expectError(await importReport(withoutReason), 400, 'VALIDATION_FAILED');
    expect((await under.api.get(`/v1/payments/${paymentRefs.other}`).set(auth(under.reader))).body.status).toBe('SUCCEEDED');
    expect((await importReport(withoutReason, under.reader)).status).toBe(403);
  });
});

/** A bank's pain.002.001.10 status report on the given transactions (a test fixture, as the bank would send it). */
function statusReport(statuses: Array<{ endToEndId: string; status: string; reason?: string }>): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' }).ele('urn:iso:std:iso:20022:tech:xsd:pain.002.001.10', 'Document');
  const report = document.ele('CstmrPmtStsRpt');
  const header = report.ele('GrpHdr');
  header.ele('MsgId').txt('BANK-STS-1');
  header.ele('CreDtTm').txt('2027-01-08T10:00:00Z');
  const original = report.ele('OrgnlGrpInfAndSts');
  original.ele('OrgnlMsgId').txt('SDD20270104');
  original.ele('OrgnlMsgNmId').txt('pain.008.001.08');
  const block = report.ele('OrgnlPmtInfAndSts');
  block.ele('OrgnlPmtInfId').txt('SDD20270104-FRST');
  statuses.forEach(({ endToEndId, status, reason }, index) => {
    const transaction = block.ele('TxInfAndSts');
    transaction.ele('StsId').txt(`STS-${index + 1}`);
    transaction.ele('OrgnlEndToEndId').txt(endToEndId);
    transaction.ele('TxSts').txt(status);
    if (reason) transaction.ele('StsRsnInf').ele('Rsn').ele('Cd').txt(reason);
  });
  return document.end({ prettyPrint: true });
}
