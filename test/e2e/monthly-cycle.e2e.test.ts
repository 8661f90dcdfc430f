import { playMonth, type MonthOutcome } from '../../scripts/demo/month-scenario';
import { eventually, platformClient, type PlatformClient } from '../../scripts/demo/platform-client';
import { attachmentOf, emailsTo } from '../../invoice-mailer/test/support/mail-catcher';
import { pdfText } from '../../invoice-mailer/test/support/pdf-text';
import { E2E_SECRET, Platform } from './support/platform';

jest.setTimeout(300_000);

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
    ['CSE Acme Industries', 'INVOICE', '2452.40 EUR', 'SUCCEEDED → invoice PAID', 'SENT', '0.00 EUR'],
    ['Globex Works Council', 'INVOICE', '1911.90 EUR', 'FAILED (INSUFFICIENT_FUNDS) → invoice UNPAID', 'SENT', '1911.90 EUR'],
    ['Initech Travel Club', 'INVOICE', '722.00 EUR', 'SUCCEEDED → invoice PAID', 'SENT', '0.00 EUR'],
  ]);
  for (const invoice of outcome.invoices) expect(invoice.invoiceRef).toMatch(/^BIL-\d{4}-\d{6}$/);

  for (const [index, customer] of outcome.customers.entries()) {
    const invoice = outcome.invoices[index];
    const mails = await emailsTo(customer.billingEmail);
    expect(mails).toHaveLength(1); // never twice, whatever was redelivered or restarted
    const pdf = await attachmentOf(mails[0] as never, `${invoice?.invoiceRef}.pdf`);
    expect(pdf.contentType).toBe('application/pdf');
    const { text } = await pdfText(pdf.content);
    expect(text).toContain(invoice?.invoiceRef);
    expect(text).toContain(customer.name);

    const payments = await client.get<{ payments: Array<{ status: string; attempts?: unknown[] }> }>('payment-service', `/v1/payments?invoiceRef=${invoice?.invoiceRef}`);
    expect(payments.body.payments).toHaveLength(1); // never debited twice
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
}

describe('the whole month, the four services as separate processes', () => {
  it('when a month is played and billed, then every invoice is issued, e-mailed with its PDF, debited or refused, and settled in billing', async () => {
    const platform = new Platform();
    try {
      await platform.start();
      const client = platformClient((service) => platform.url(service), E2E_SECRET);
      await expectMonthClosedCorrectly(await playMonth(client), client);
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
      });
      await expectMonthClosedCorrectly(outcome, client);
    } finally {
      await platform.stop();
    }
  });
});
