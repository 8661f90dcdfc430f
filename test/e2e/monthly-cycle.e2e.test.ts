import { frenchVatNumberOf, playMonth, type MonthOutcome } from '../../scripts/demo/month-scenario';
import { eventually, platformClient, type PlatformClient } from '../../scripts/demo/platform-client';
import { attachmentOf, emailsTo } from '../../invoice-mailer/test/support/mail-catcher';
import { pdfText } from '../../invoice-mailer/test/support/pdf-text';
import { metricValue, parseMetrics } from '@boissipay/runtime/testing';
import { referencedMetricNames } from '../deployment/monitoring-files';
import { collectionStartOf } from '../../payment-service/src/domain/collection-schedule';
import { expectValidEInvoices } from './support/e-invoices';
import { E2E_SECRET, Platform } from './support/platform';

// The e-invoice validation adds one run of the Mustang validator (a JVM, about a minute on a busy machine).
jest.setTimeout(480_000);

/** The payment service's default collection time. */
const COLLECTION_SCHEDULE = { time: '06:00', timeZone: 'Europe/Paris' };
/** Dates and amounts as each language writes them (fr-FR, en-GB), built here from the ISO date and the API's decimal text. */
const LOCALE = { fr: 'fr-FR', en: 'en-GB' } as const;
const longDate = (isoDate: string, language: 'fr' | 'en') => new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
const euros = (decimal: string, language: 'fr' | 'en') =>
  plain(new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency: 'EUR' }).format(decimal as unknown as number));
/** What a French and an English invoice say, so each customer's PDF and e-mail can be read in its language. */
const TEXTS = {
  fr: {
    siren: 'SIREN :',
    vatNumber: 'N° TVA intracommunautaire :',
    debited: (amount: string, date: string) => `Le montant de ${amount} sera prélevé le ${date}`,
    debitOn: 'Prélèvement le :',
    subject: 'Boissipay SAS : facture',
    mentions: ['Nature des opérations : prestations de services.', "Pas d'escompte pour paiement anticipé.", 'indemnité forfaitaire pour frais de recouvrement de 40 €', 'RCS Paris'],
    foreign: /Invoice|will be debited/,
  },
  en: {
    siren: 'SIREN:',
    vatNumber: 'VAT number:',
    debited: (amount: string, date: string) => `The amount of ${amount} will be debited on ${date}`,
    debitOn: 'Direct debit on:',
    subject: 'Boissipay SAS: invoice',
    mentions: ['Nature of operations: supply of services.', 'No discount for early payment.', 'a fixed indemnity for recovery costs of €40', 'RCS Paris'],
    foreign: /Facture|prélevé/,
  },
} as const;
const plain = (text: string) => text.replace(/\s+/g, ' ');
const parisDateOf = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(instant));

/**
 * The month is billed today; its debits are collected weeks later, on their collection date.
 * The payment service is restarted with its clock set to 06:00 in Paris that day, as if the
 * platform had run until then.
 */
const untilCollectionDate = (platform: Platform) => async (collectionDate: string) => {
  await platform.restartService('payment-service', { CLOCK_START: collectionStartOf(collectionDate, COLLECTION_SCHEDULE).toISOString() });
};

/** What must hold after any month, whatever crashed on the way. */
async function expectMonthClosedCorrectly(outcome: MonthOutcome, client: PlatformClient): Promise<void> {
  const byCode = outcome.operations.filter((operation) => operation.status === 'REJECTED').map((operation) => [operation.what, operation.code]);
  expect(byCode).toEqual([
    ['Cruise (over the limit)', 'OUTSTANDING_LIMIT_EXCEEDED'],
    ['Train while suspended', 'CONTRACT_NOT_ACTIVE'],
    ['Purchase on no contract', 'CONTRACT_UNKNOWN'],
  ]);
  expect(outcome.run.status).toBe('COMPLETED');

  // One invoice per customer, numbered, debited by mandate, mailed to the billing contact.
  expect(outcome.invoices.map((invoice) => [invoice.customer, invoice.invoiceType, invoice.totalWithTax, invoice.payment, invoice.delivery, invoice.outstandingAfter])).toEqual([
    ['CSE Acme Industries', 'INVOICE', '2421.40 EUR', 'SUCCEEDED → invoice PAID', 'SENT', '0.00 EUR'],
    ['Globex Works Council', 'INVOICE', '1813.90 EUR', 'FAILED (INSUFFICIENT_FUNDS) → invoice UNPAID', 'SENT', '1813.90 EUR'],
    ['Initech Travel Club', 'INVOICE', '722.00 EUR', 'SUCCEEDED → invoice PAID', 'SENT', '0.00 EUR'],
  ]);
  for (const invoice of outcome.invoices) expect(invoice.invoiceRef).toMatch(/^BIL-\d{4}-\d{6}$/);
  // The VAT breakdown per category and rate: hotel and train at 10 %, fees at 20 %, the exempt flight (bought and refunded), the ski package under the margin scheme.
  const acme = await client.get<{ vatBreakdown: Array<{ vatCategoryCode: string; vatRate: number; base: number; tax: number; vatExemptionReasonCode: string | null }> }>(
    'billing-service',
    `/v1/invoices/${outcome.invoices[0]?.invoiceRef}`,
  );
  expect(acme.body.vatBreakdown.map((entry) => [entry.vatCategoryCode, entry.vatRate, entry.base, entry.tax, entry.vatExemptionReasonCode])).toEqual([
    ['S', 10, 494, 49.4, null],
    ['S', 20, 25, 5, null],
    ['E', 0, 0, 0, null],
    ['E', 0, 1848, 0, 'VATEX-EU-D'],
  ]);
  expect(new Set(outcome.customers.map((customer) => customer.mandateRef)).size).toBe(3);
  expect(new Set(outcome.customers.map((customer) => customer.siren)).size).toBe(3);
  // French unless the contract says otherwise: Globex asked for English.
  expect(outcome.customers.map((customer) => customer.language)).toEqual(['fr', 'en', 'fr']);
  // Nothing was debited before the collection date, though the e-mails were out.
  expect(outcome.invoices.map((invoice) => invoice.paymentBeforeCollection)).toEqual(['PENDING, 0 attempt(s)', 'PENDING, 0 attempt(s)', 'PENDING, 0 attempt(s)']);

  for (const [index, customer] of outcome.customers.entries()) {
    const invoice = outcome.invoices[index];
    // The invoice e-mail; the customer notices to the same address (Globex's) are checked below.
    const mails = (await emailsTo(customer.billingEmail)).filter((mail) => mail.headers['x-boissipay-notice-kind'] === undefined);
    expect(mails).toHaveLength(1); // never twice, whatever was redelivered or restarted
    const pdf = await attachmentOf(mails[0] as never, `${invoice?.invoiceRef}.pdf`);
    expect(pdf.contentType).toBe('application/pdf');
    const { text } = await pdfText(pdf.content);
    const texts = TEXTS[customer.language];
    expect(text).toContain(invoice?.invoiceRef);
    expect(text).toContain(customer.name);
    // Each customer's own identifiers, in its language.
    expect(text).toContain(`${texts.siren} ${customer.siren}`);
    expect(text).toContain(`${texts.vatNumber} ${frenchVatNumberOf(customer.siren)}`);
    // The mandatory mentions, and nothing of the other language.
    for (const mention of texts.mentions) expect(plain(text)).toContain(mention);
    expect(text).not.toMatch(texts.foreign);
    expect(mails[0]?.subject.startsWith(texts.subject)).toBe(true);
    // Packages under the travel agents' margin scheme carry its mention and show no VAT (docs/adr/0026).
    if (customer.name !== 'Globex Works Council') expect(plain(text)).toContain('Régime particulier – Agences de voyages');

    const payments = await client.get<{ payments: Array<{ paymentRef: string; collectionDate: string }> }>('payment-service', `/v1/payments?invoiceRef=${invoice?.invoiceRef}`);
    expect(payments.body.payments).toHaveLength(1); // never debited twice
    // The date the PDF and the e-mail (the SEPA pre-notification) announce is the date the debit was made on.
    const [payment] = payments.body.payments;
    expect(payment?.collectionDate).toBe(invoice?.collectionDate);
    const debitDate = longDate(String(payment?.collectionDate), customer.language);
    const announced = texts.debited(euros(String(invoice?.totalWithTax).split(' ')[0] ?? '', customer.language), debitDate);
    expect(plain(text)).toContain(announced);
    expect(plain(text)).toContain(`${texts.debitOn} ${debitDate}`);
    expect(plain(mails[0]?.html ?? '')).toContain(announced);
    const detail = await client.get<{ attempts: Array<{ attemptedAt: string }> }>('payment-service', `/v1/payments/${payment?.paymentRef}`);
    const [firstAttempt] = detail.body.attempts;
    expect(parisDateOf(String(firstAttempt?.attemptedAt))).toBe(payment?.collectionDate);
    expect(Date.parse(String(firstAttempt?.attemptedAt))).toBeGreaterThanOrEqual(collectionStartOf(String(payment?.collectionDate), COLLECTION_SCHEDULE).getTime());
  }

  // Dunning: the customer whose debit failed is suspended by contract-service, and billing refuses its purchases from then on.
  const statusesOf = async () =>
    Promise.all(
      outcome.customers.map(async (customer) => {
        const [contract, balance] = await Promise.all([
          client.get('contract-service', `/v1/contracts/${customer.contractRef}`),
          client.get('billing-service', `/v1/contracts/${customer.contractRef}/balance`),
        ]);
        return [customer.name, contract.body.status, balance.body.contractStatus];
      }),
    );
  const expected = [
    ['CSE Acme Industries', 'ACTIVE', 'ACTIVE'],
    ['Globex Works Council', 'SUSPENDED', 'SUSPENDED'],
    ['Initech Travel Club', 'ACTIVE', 'ACTIVE'],
  ];
  const statuses = await eventually(async () => {
    const current = await statusesOf();
    return JSON.stringify(current) === JSON.stringify(expected) ? current : undefined;
  }, 'Globex suspended for its failed debit').catch(() => statusesOf()); // on timeout, the assertion shows what differs
  expect(statuses).toEqual(expected);
  const globex = outcome.invoices.find((invoice) => invoice.customer === 'Globex Works Council');
  const suspended = await client.get('contract-service', `/v1/contracts/${globex?.contractRef}`);
  expect(suspended.body.statusReason).toBe(`Direct debit of invoice ${globex?.invoiceRef} failed: INSUFFICIENT_FUNDS (SEPA AM04: insufficient funds on the debtor account)`);

  // Globex is told, once each and in its language: the refused debit, then the suspension.
  const globexEmail = outcome.customers.find((customer) => customer.name === 'Globex Works Council')?.billingEmail ?? '';
  const noticesOf = async (email: string) =>
    (await emailsTo(email)).filter((mail) => mail.headers['x-boissipay-notice-kind'] !== undefined).map((mail) => [mail.headers['x-boissipay-notice-kind'], mail.subject]).sort();
  const notices = await eventually(async () => ((await noticesOf(globexEmail)).length >= 2 ? noticesOf(globexEmail) : undefined), 'Globex told of its refused debit and its suspension').catch(() =>
    noticesOf(globexEmail),
  );
  expect(notices).toEqual([
    ['CONTRACT_SUSPENDED', `Boissipay SAS: your contract ${globex?.contractRef} is suspended`],
    ['DEBIT_FAILED', `Boissipay SAS: the direct debit of invoice ${globex?.invoiceRef} did not go through`],
  ]);
  // Initech, suspended by an operator and reactivated: told both, in French.
  const initech = outcome.customers.find((customer) => customer.name === 'Initech Travel Club');
  const initechNotices = await eventually(async () => ((await noticesOf(initech?.billingEmail ?? '')).length >= 2 ? noticesOf(initech?.billingEmail ?? '') : undefined), 'Initech told of its suspension and reactivation').catch(() =>
    noticesOf(initech?.billingEmail ?? ''),
  );
  expect(initechNotices).toEqual([
    ['CONTRACT_REACTIVATED', `Boissipay SAS : votre contrat ${initech?.contractRef} est réactivé`],
    ['CONTRACT_SUSPENDED', `Boissipay SAS : votre contrat ${initech?.contractRef} est suspendu`],
  ]);
}

/** What each service's /metrics shows once the month is closed: every step of it moved a metric. */
async function expectMetricsOfTheMonth(platform: Platform): Promise<void> {
  const scrape = async (service: Parameters<Platform['url']>[0]) => parseMetrics(await (await fetch(`${platform.url(service)}/metrics`)).text());
  const [contract, billing, payment, mailer] = await Promise.all([scrape('contract-service'), scrape('billing-service'), scrape('payment-service'), scrape('invoice-mailer')]);
  const operationsPosted = metricValue(billing, 'boissipay_http_request_duration_seconds_count', { method: 'POST', route: '/v1/operations', status: '201' });
  const accepted = metricValue(billing, 'boissipay_operations_decided_total', { type: 'PURCHASE', status: 'ACCEPTED', rejection_code: 'none' });
  expect({ operationsPosted: (operationsPosted ?? 0) > 0, accepted: (accepted ?? 0) > 0 }).toEqual({ operationsPosted: true, accepted: true });
  expect(metricValue(billing, 'boissipay_operations_decided_total', { type: 'PURCHASE', status: 'REJECTED', rejection_code: 'OUTSTANDING_LIMIT_EXCEEDED' })).toBe(1);
  expect(metricValue(billing, 'boissipay_billing_runs', { status: 'COMPLETED' })).toBeGreaterThanOrEqual(1);
  expect(metricValue(billing, 'boissipay_invoiced_amount_minor', { currency: 'EUR' })).toBe(242_140 + 181_390 + 72_200);
  expect(metricValue(billing, 'boissipay_events_consumed_total', { topic: 'contract.lifecycle.v1', outcome: 'applied' })).toBeGreaterThan(0);
  expect(metricValue(payment, 'boissipay_payments', { status: 'SUCCEEDED' })).toBe(2);
  expect(metricValue(payment, 'boissipay_payments', { status: 'FAILED', reason: 'INSUFFICIENT_FUNDS' })).toBe(1);
  expect(metricValue(mailer, 'boissipay_deliveries', { status: 'SENT' })).toBe(3);
  expect(metricValue(mailer, 'boissipay_notices', { kind: 'DEBIT_FAILED', status: 'SENT' })).toBe(1);
  // Globex by dunning; Initech by an operator, then reactivated.
  expect(metricValue(mailer, 'boissipay_notices', { kind: 'CONTRACT_SUSPENDED', status: 'SENT' })).toBe(2);
  expect(metricValue(mailer, 'boissipay_notices', { kind: 'CONTRACT_REACTIVATED', status: 'SENT' })).toBe(1);
  expect(metricValue(contract, 'boissipay_contracts', { status: 'SUSPENDED' })).toBe(1);
  expect(metricValue(mailer, 'boissipay_event_hop_seconds_count', { topic: 'billing.invoice-issued.v1' })).toBe(3);
  expect(metricValue(payment, 'boissipay_consumer_lag_messages', { topic: 'billing.invoice-issued.v1', partition: '0' })).toBe(0);
  // The dashboard and the alert rules read only metrics the services really serve.
  const served = new Set([contract, billing, payment, mailer].flat().map((sample) => sample.name));
  expect(referencedMetricNames().filter((name) => !served.has(name))).toEqual([]);
}

/**
 * The operators' part, across the four processes: Globex's refused invoice is paid by bank
 * transfer (payment-service) and billing marks it PAID with the outstanding lowered once;
 * Acme gets a partial credit note (billing) that lowers its outstanding and is never debited.
 */
async function expectOperatorActionsSettleInBilling(outcome: MonthOutcome, client: PlatformClient): Promise<void> {
  const globex = outcome.invoices.find((invoice) => invoice.customer === 'Globex Works Council');
  const acme = outcome.invoices.find((invoice) => invoice.customer === 'CSE Acme Industries');
  const outstandingOf = async (contractRef: string | undefined) => (await client.get<{ outstanding: number }>('billing-service', `/v1/contracts/${contractRef}/balance`)).body.outstanding;
  const [payment] = (await client.get<{ payments: Array<{ paymentRef: string }> }>('payment-service', `/v1/payments?invoiceRef=${globex?.invoiceRef}`)).body.payments;
  const transfer = { reason: 'Paid by bank transfer after the refused debit.', bankReference: 'VIR-E2E-0001', receivedOn: new Date().toISOString().slice(0, 10) };

  const paid = await client.post('payment-service', `/v1/payments/${payment?.paymentRef}/manual-payment`, transfer);
  expect(paid).toMatchObject({ status: 200, body: { status: 'SUCCEEDED', method: 'BANK_TRANSFER' } });
  await eventually(async () => ((await client.get('billing-service', `/v1/invoices/${globex?.invoiceRef}`)).body.status === 'PAID' ? true : undefined), 'Globex invoice PAID');
  expect(await outstandingOf(globex?.contractRef)).toBe(0);
  expect((await client.post('payment-service', `/v1/payments/${payment?.paymentRef}/manual-payment`, transfer)).status).toBe(409);

  const creditNote = await client.post('billing-service', `/v1/invoices/${acme?.invoiceRef}/credit-notes`, { reason: 'Hotel night billed twice.', amount: 100 });
  expect(creditNote).toMatchObject({ status: 201, body: { creditNoteRef: expect.stringMatching(/^AV-\d{4}-\d{6}$/), totalWithTax: 100 } });
  expect(await outstandingOf(acme?.contractRef)).toBe(-100);
  expect((await client.get<{ payments: unknown[] }>('payment-service', `/v1/payments?contractRef=${acme?.contractRef}`)).body.payments).toHaveLength(1);
}

describe('the whole month, the four services as separate processes', () => {
  it('when a month is played and billed, then every invoice is issued, e-mailed with its PDF, debited or refused, and settled in billing', async () => {
    const platform = new Platform();
    try {
      await platform.start();
      const client = platformClient((service) => platform.url(service), E2E_SECRET);
      const outcome = await playMonth(client, { onCollectionDate: untilCollectionDate(platform) });
      await expectMonthClosedCorrectly(outcome, client);
      await expectMetricsOfTheMonth(platform);
      await expectOperatorActionsSettleInBilling(outcome, client);
      await expectValidEInvoices(outcome, client, platform.url('billing-service'), E2E_SECRET);
    } finally {
      await platform.stop();
    }
  });

  it('when the payment service and the mailer are killed (SIGKILL) mid-flow and restarted, then the end state is the same', async () => {
    const platform = new Platform();
    try {
      await platform.start();
      const client = platformClient((service) => platform.url(service), E2E_SECRET);
      const outcome = await playMonth(client, {
        afterBillingRunStarted: async () => {
          await Promise.all([platform.kill('payment-service'), platform.kill('invoice-mailer')]);
          await Promise.all([platform.startService('payment-service'), platform.startService('invoice-mailer')]);
        },
        onCollectionDate: untilCollectionDate(platform),
      });
      await expectMonthClosedCorrectly(outcome, client);
    } finally {
      await platform.stop();
    }
  });
});
