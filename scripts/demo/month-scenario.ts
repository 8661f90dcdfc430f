import { randomBytes } from 'node:crypto';
import { eventually, type PlatformClient } from './platform-client';

/**
 * A realistic month for three corporate customers, played through the public REST APIs only:
 * contracts created and activated, purchases and refunds decided on the spot (some refused,
 * for the reasons the product enforces), the month billed, then each invoice followed until
 * it is e-mailed and its debit scheduled for its collection date; and, when the caller can move
 * the payment service's clock to that date (`onCollectionDate`), until it is debited (or not).
 * Used by `npm run demo` and by the end-to-end test.
 */

/** Accounts of the simulated SEPA provider (payment-service/src/infra/simulated-sepa-provider.ts): any ending but …0001-…0004 pays. */
export const TEST_IBANS = {
  pays: 'FR7630006000011234567890189',
  paysToo: 'FR7630004000010001234567830',
  insufficientFunds: 'FR7630004000010010000850001',
} as const;

/** Who a customer is: its legal identifiers and its bank account, each its own. */
interface CustomerIdentity {
  name: string;
  /** Mandate reference suffix (the RUM is unique per creditor). */
  code: string;
  /** SIREN, nine digits with a Luhn check digit. */
  siren: string;
  iban: string;
  bic: string;
  /** Language of its invoices and e-mails; absent: the contract's default, French. */
  language?: 'fr' | 'en';
}

/** French intra-community VAT number of a SIREN: FR, a two-digit key (12 + 3 × (SIREN mod 97)) mod 97, the SIREN. */
export function frenchVatNumberOf(siren: string): string {
  return `FR${String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')}${siren}`;
}

export interface OperationOutcome {
  customer: string;
  what: string;
  type: 'PURCHASE' | 'REFUND';
  amount: string;
  status: 'ACCEPTED' | 'REJECTED';
  code?: string;
  reason?: string;
}

export interface CustomerOutcome {
  name: string;
  contractRef: string;
  billingEmail: string;
  iban: string;
  siren: string;
  mandateRef: string;
  /** The language the contract service gave the contract (fr unless asked otherwise). */
  language: 'fr' | 'en';
}

export interface InvoiceOutcome {
  customer: string;
  contractRef: string;
  invoiceRef: string;
  invoiceType: string;
  totalWithTax: string;
  /** The date the debit is collected on (null: nothing to debit). */
  collectionDate: string | null;
  /** The payment as it stood once the invoice was e-mailed, before its collection date. */
  paymentBeforeCollection: string;
  payment: string;
  delivery: string;
  recipient: string;
  outstandingAfter: string;
}

export interface MonthOutcome {
  period: string;
  customers: CustomerOutcome[];
  operations: OperationOutcome[];
  run: { runId: string; status: string; durationMs: number };
  invoices: InvoiceOutcome[];
}

type Body = Record<string, unknown>;

/** The month before `today`'s month, as YYYY-MM (the month a billing run may bill). */
export function previousMonthOf(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export function todayInParis(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function contractRequest(customer: CustomerIdentity, email: string, limit: number, period: string, tag: string): Body {
  const { name, code, siren, iban, bic, language } = customer;
  const start = `${period}-01`;
  const [year] = period.split('-');
  return {
    productRef: 'DEFERRED_BILLING',
    contractType: 'DEFERRED_BILLING',
    createdAt: start,
    signedAt: start,
    activatedAt: start,
    expireAt: `${Number(year) + 1}-12-31`,
    status: 'CREATED',
    distributor: { distributorRef: 'Boissipay Travel', contactPerson: { lastName: 'MARTIN', mail: 'sales@travel.example' } },
    subscriber: {
      subscriberRef: `${name} ${tag}`,
      subscriberType: 'PROFESSIONNAL',
      party: { customerId: `PRO-${tag}-${code}`, customerRef: `CUST-${tag}-${code}` },
      eInvoicing: { siren, vatNumber: frenchVatNumberOf(siren), country: 'FRANCE' },
      contactPerson: { gender: 'MME', firstName: 'Claire', lastName: 'DUBOIS', mail: email },
      contactAddress: { line1: name, line4: '10 avenue de la République', line6: '69002 LYON' },
      billingAddress: { line1: name, line2: 'Comptabilité fournisseurs', line4: '10 avenue de la République', line6: '69002 LYON', countryCode: 'FR' },
    },
    payment: { mandate: { mandateRef: `RUM-${tag}-${code}`, iban, bic, signedAt: start, status: 'ACTIVE' } },
    billing: { outstandingLimit: { amount: limit, currency: 'EUR' }, contact: { firstName: 'Claire', lastName: 'DUBOIS', mail: email } },
    ...(language ? { language } : {}),
  };
}

/**
 * One line at the French VAT rate of its product: 10 % for passenger transport and hotel
 * accommodation, 20 % for packages and the agency's fees; amounts in cents, adding up exactly.
 */
function order(orderRef: string, label: string, withoutTaxCents: number, vatRate: 10 | 20, traveller: string, extra: Body = {}): Body {
  const taxCents = Math.round((withoutTaxCents * vatRate) / 100); // integers only: cents × whole percent
  const euros = (cents: number) => Number((cents / 100).toFixed(2));
  const withTaxCents = withoutTaxCents + taxCents;
  return {
    orderRef,
    currencyCode: 'EUR',
    orderType: 'PS',
    orderItems: [
      {
        productItems: [
          {
            productLabel: label,
            quantity: 1,
            unitPrice: euros(withoutTaxCents),
            vatRate,
            amountWithoutTax: euros(withoutTaxCents),
            amountTax: euros(taxCents),
            amountWithTax: euros(withTaxCents),
            travel: { travellerName: traveller, bookingRef: orderRef.slice(-6).toUpperCase(), costCentre: 'CSE' },
          },
        ],
      },
    ],
    totalWithoutTax: euros(withoutTaxCents),
    totalTax: euros(taxCents),
    totalWithTax: euros(withTaxCents),
    ...extra,
  };
}

export interface PlayOptions {
  today?: string;
  /** Runs right after the billing run was accepted (the end-to-end test crashes services here). */
  afterBillingRunStarted?: () => Promise<void>;
  /**
   * Brings the payment service to the collection date, once every invoice is e-mailed and its
   * debit scheduled (the end-to-end test restarts it with CLOCK_START). Without it the month
   * ends there: the debits wait for their date, weeks ahead.
   */
  onCollectionDate?: (collectionDate: string) => Promise<void>;
}

export async function playMonth(client: PlatformClient, options: PlayOptions = {}): Promise<MonthOutcome> {
  const period = previousMonthOf(options.today ?? todayInParis());
  const tag = randomBytes(3).toString('hex');
  const day = (n: number) => `${period}-${String(n).padStart(2, '0')}`;
  const operations: OperationOutcome[] = [];
  const customers: CustomerOutcome[] = [];

  async function billingStatusOf(contractRef: string, status: string): Promise<void> {
    await eventually(async () => {
      const { status: http, body } = await client.get('billing-service', `/v1/contracts/${contractRef}/balance`);
      return http === 200 && body.contractStatus === status ? true : undefined;
    }, `billing to see ${contractRef} ${status}`);
  }

  async function subscribe(identity: CustomerIdentity, limit: number): Promise<CustomerOutcome> {
    const { name, iban } = identity;
    const billingEmail = `billing.${name.toLowerCase().replace(/\W+/g, '-')}.${tag}@customers.example`;
    const created = await client.post('contract-service', '/v1/contracts', contractRequest(identity, billingEmail, limit, period, tag));
    if (created.status !== 201) throw new Error(`creating ${name}: ${created.status} ${JSON.stringify(created.body)}`);
    const contractRef = String(created.body.contractRef);
    const activated = await client.post('contract-service', `/v1/contracts/${contractRef}/activate`);
    if (activated.status !== 200) throw new Error(`activating ${name}: ${activated.status} ${JSON.stringify(activated.body)}`);
    await billingStatusOf(contractRef, 'ACTIVE');
    const customer = {
      name,
      contractRef,
      billingEmail,
      iban,
      siren: identity.siren,
      mandateRef: String((created.body.payment as { mandate: Body }).mandate.mandateRef),
      language: created.body.language === 'en' ? ('en' as const) : ('fr' as const),
    };
    customers.push(customer);
    return customer;
  }

  async function operate(customer: CustomerOutcome | { name: string; contractRef: string }, type: 'PURCHASE' | 'REFUND', date: string, what: string, body: Body) {
    const response = await client.post('billing-service', '/v1/operations', { type, contractRef: customer.contractRef, operationAt: date, order: body });
    const error = (response.body.errors as Array<{ errorCode: string; message: string }> | undefined)?.[0];
    const total = (body.totalWithTax as number).toFixed(2);
    operations.push({
      customer: customer.name,
      what,
      type,
      amount: `${type === 'REFUND' ? '-' : ''}${total} EUR`,
      status: response.status === 201 ? 'ACCEPTED' : 'REJECTED',
      ...(response.status === 201 ? {} : { code: error?.errorCode ?? String(response.status), reason: error?.message }),
    });
  }

  const acme = await subscribe({ name: 'CSE Acme Industries', code: 'ACME', siren: '732829320', iban: TEST_IBANS.pays, bic: 'AGRIFRPP', language: 'fr' }, 5000);
  // Globex's accounts team reads English: its invoices and e-mails are in English, the others' in French (the default).
  const globex = await subscribe({ name: 'Globex Works Council', code: 'GLOBEX', siren: '443061841', iban: TEST_IBANS.insufficientFunds, bic: 'BNPAFRPP', language: 'en' }, 3000);
  const initech = await subscribe({ name: 'Initech Travel Club', code: 'INITECH', siren: '380129866', iban: TEST_IBANS.paysToo, bic: 'BNPAFRPP' }, 1000);

  const ref = (n: number) => `ORD-${tag}-${n}`;
  await operate(acme, 'PURCHASE', day(3), 'TGV Paris – Lyon, 2 travellers', order(ref(1), 'TGV Paris – Lyon', 18_400, 10, 'Jane Martin'));
  await operate(acme, 'PURCHASE', day(4), 'Hotel Lyon, 2 nights', order(ref(2), 'Hotel Bellecour, 2 nights', 31_000, 10, 'Jane Martin'));
  await operate(acme, 'PURCHASE', day(11), 'Flight Paris – Nice', order(ref(3), 'Flight ORY-NCE', 12_350, 10, 'Paul Girard'));
  await operate(acme, 'PURCHASE', day(18), 'Ski week, group of 6', order(ref(4), 'Ski week Les Arcs', 154_000, 20, 'Group CSE'));
  await operate(acme, 'REFUND', day(21), 'Flight Paris – Nice cancelled', order(ref(5), 'Refund flight ORY-NCE', 12_350, 10, 'Paul Girard', { refundedOrderRef: ref(3) }));
  await operate(acme, 'PURCHASE', day(27), 'Booking fees', order(ref(6), 'Agency fees', 2_500, 20, 'Jane Martin'));

  await operate(globex, 'PURCHASE', day(6), 'TGV Lille – Marseille', order(ref(7), 'TGV Lille – Marseille', 21_900, 10, 'Marc Petit'));
  await operate(globex, 'PURCHASE', day(13), 'Seminar hotel', order(ref(8), 'Hotel seminar package, rooms', 98_000, 10, 'Works council'));
  await operate(globex, 'PURCHASE', day(25), 'Coach trip', order(ref(9), 'Coach Lille – Bruges', 45_000, 10, 'Works council'));

  await operate(initech, 'PURCHASE', day(2), 'City break Rome', order(ref(10), 'City break Rome', 40_000, 20, 'Sofia Rossi'));
  await operate(initech, 'PURCHASE', day(9), 'Eurostar Paris – London', order(ref(11), 'Eurostar', 30_000, 10, 'Tom Baker'));
  await operate(initech, 'PURCHASE', day(16), 'Cruise (over the limit)', order(ref(12), 'Mediterranean cruise', 90_000, 20, 'Sofia Rossi'));
  const suspended = await client.post('contract-service', `/v1/contracts/${initech.contractRef}/suspend`, { reason: 'Unpaid previous invoice' });
  if (suspended.status !== 200) throw new Error(`suspending: ${suspended.status} ${JSON.stringify(suspended.body)}`);
  await billingStatusOf(initech.contractRef, 'SUSPENDED');
  await operate(initech, 'PURCHASE', day(17), 'Train while suspended', order(ref(13), 'TER Lyon – Grenoble', 2_000, 10, 'Tom Baker'));
  await operate(initech, 'REFUND', day(18), 'Eurostar partly refunded', order(ref(14), 'Refund Eurostar', 10_000, 10, 'Tom Baker', { refundedOrderRef: ref(11) }));
  const reactivated = await client.post('contract-service', `/v1/contracts/${initech.contractRef}/reactivate`);
  if (reactivated.status !== 200) throw new Error(`reactivating: ${reactivated.status} ${JSON.stringify(reactivated.body)}`);
  await billingStatusOf(initech.contractRef, 'ACTIVE');
  await operate(initech, 'PURCHASE', day(22), 'Train after reactivation', order(ref(15), 'TER Lyon – Grenoble', 2_000, 10, 'Tom Baker'));
  await operate({ name: 'Unknown customer', contractRef: `CTR-0000-${tag}` }, 'PURCHASE', day(23), 'Purchase on no contract', order(ref(16), 'Taxi', 3_000, 10, 'Nobody'));

  const started = await client.post('billing-service', '/v1/billing-runs', { period });
  if (started.status !== 202) throw new Error(`billing run: ${started.status} ${JSON.stringify(started.body)}`);
  const runId = String(started.body.runId);
  await options.afterBillingRunStarted?.();
  const run = await eventually(async () => {
    const { body } = await client.get('billing-service', `/v1/billing-runs/${runId}`);
    return body.status === 'RUNNING' ? undefined : body;
  }, `billing run ${runId}`);

  type Followed = { customer: CustomerOutcome; invoice: Body; scheduled?: Body; delivery: Body };
  const followed: Followed[] = [];
  for (const customer of customers) {
    const list = await client.get<{ invoices: Body[] }>('billing-service', `/v1/invoices?contractRef=${customer.contractRef}&period=${period}`);
    for (const invoice of list.body.invoices) {
      const invoiceRef = String(invoice.invoiceRef);
      const scheduled = invoice.debitRequired
        ? await eventually(async () => {
            const { body } = await client.get<{ payments: Body[] }>('payment-service', `/v1/payments?invoiceRef=${invoiceRef}`);
            return body.payments[0];
          }, `the payment of ${invoiceRef}`)
        : undefined;
      const delivery = await eventually(async () => {
        const { body } = await client.get<{ deliveries: Body[] }>('invoice-mailer', `/v1/deliveries?invoiceRef=${invoiceRef}`);
        const found = body.deliveries[0];
        return found && found.status !== 'PENDING' ? found : undefined;
      }, `the e-mail of ${invoiceRef}`);
      followed.push({ customer, invoice, scheduled, delivery });
    }
  }

  // Every e-mail is out: the payments as they stand now, before their collection date.
  for (const entry of followed) {
    if (!entry.scheduled) continue;
    const { body } = await client.get<{ payments: Body[] }>('payment-service', `/v1/payments?invoiceRef=${String(entry.invoice.invoiceRef)}`);
    entry.scheduled = body.payments[0] ?? entry.scheduled;
  }
  const collectionDates = followed.flatMap(({ scheduled }) => (scheduled ? [String(scheduled.collectionDate)] : [])).sort();
  const lastCollectionDate = collectionDates[collectionDates.length - 1];
  if (options.onCollectionDate && lastCollectionDate) await options.onCollectionDate(lastCollectionDate);

  const invoices: InvoiceOutcome[] = [];
  for (const { customer, invoice, scheduled, delivery } of followed) {
    const invoiceRef = String(invoice.invoiceRef);
    const payment =
      scheduled && options.onCollectionDate
        ? await eventually(async () => {
            const { body } = await client.get<{ payments: Body[] }>('payment-service', `/v1/payments?invoiceRef=${invoiceRef}`);
            const found = body.payments[0];
            return found && (found.status === 'SUCCEEDED' || found.status === 'FAILED') ? found : undefined;
          }, `the payment of ${invoiceRef}`)
        : scheduled;
    const settled = await eventually(async () => {
      const { body } = await client.get('billing-service', `/v1/invoices/${invoiceRef}`);
      const waitingForPayment = payment !== undefined && options.onCollectionDate !== undefined && body.status !== 'PAID' && body.status !== 'UNPAID';
      return waitingForPayment || !body.sentAt ? undefined : body;
    }, `billing to record the payment and the e-mail of ${invoiceRef}`);
    const balance = await client.get('billing-service', `/v1/contracts/${customer.contractRef}/balance`);
    invoices.push({
      customer: customer.name,
      contractRef: customer.contractRef,
      invoiceRef,
      invoiceType: String(invoice.invoiceType),
      totalWithTax: `${Number(invoice.totalWithTax).toFixed(2)} EUR`,
      collectionDate: scheduled ? String(scheduled.collectionDate) : null,
      paymentBeforeCollection: scheduled ? `${scheduled.status}, ${scheduled.attemptCount} attempt(s)` : 'nothing to debit',
      payment: !payment
        ? 'nothing to debit'
        : payment.status === 'PENDING'
          ? `scheduled for ${payment.collectionDate}`
          : `${payment.status}${payment.reasonCode ? ` (${payment.reasonCode})` : ''} → invoice ${settled.status}`,
      delivery: String(delivery.status),
      recipient: String(delivery.recipient),
      outstandingAfter: `${Number(balance.body.outstanding).toFixed(2)} EUR`,
    });
  }

  return { period, customers, operations, run: { runId, status: String(run.status), durationMs: Number(run.durationMs ?? 0) }, invoices };
}
