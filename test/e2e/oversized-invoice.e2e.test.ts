import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { billingInvoiceIssuedV1Event } from '@boissipay/contracts';
import { createKafka, createLogger } from '@boissipay/runtime';
import { metricValue, parseMetrics, waitFor } from '@boissipay/runtime/testing';
import { ConfigResourceTypes, type Consumer } from 'kafkajs';
import { buildOrderWithLines, invoicesOf, submitAccepted, type LineSpec } from '../../billing-service/test/support/billing-runs';
import { startBillingUnderTest, waitForContractVersion, type BillingUnderTest } from '../../billing-service/test/support/billing-under-test';
import { buildContractEvent, startContractEventPublisher, type ContractEventPublisher } from '../../billing-service/test/support/contract-events';
import { testEnvironment, uniqueName } from '../../billing-service/test/support/test-environment';
import { emailsTo } from '../../invoice-mailer/test/support/mail-catcher';
import { startMailer, type MailerUnderTest } from '../../invoice-mailer/test/support/mailer-under-test';
import { simulatedIbans } from '../../payment-service/src/infra/simulated-sepa-provider';
import { collectionDayClock, startPaymentService, type PaymentServiceUnderTest } from '../../payment-service/test/support/payment-service-under-test';

jest.setTimeout(240_000);

const PERIOD = '2026-02';
/** The spec's most lines in one order item: an order of that many lines stays under the API's default 256 kB body. */
const LINES_PER_PURCHASE = 200;
/** ≈ 3 MB of Avro invoice lines (≈ 630 bytes each, every text near the spec's longest). */
const PURCHASES_PER_BIG_CONTRACT = 25;
const SUBMISSIONS_IN_FLIGHT = 4;

const TRAVELLERS = ['Jane Martin', 'Karim Benali', 'Sophie Lefèvre', 'Lucas Moreau', 'Chloé Garnier', 'Thomas Dubois', 'Inès Roux', 'Hugo Fournier'];
const ROUTES = [
  'Paris Gare de Lyon (FRPLY) → Lyon Part-Dieu (FRLPD)',
  'Paris Montparnasse (FRPMO) → Bordeaux Saint-Jean (FRBOJ)',
  'Lille Europe (FRLLE) → Marseille Saint-Charles (FRMSC)',
  'Nantes (FRNTE) → Strasbourg (FRSXB)',
];
const pad = (text: string, length: number) => text.padEnd(length, ' ·').slice(0, length);

/** What a works council's travel agency sends: long, varied, but ordinary text. */
function ordinaryLine(purchase: number, line: number): LineSpec & { travel: Travel } {
  const index = purchase * LINES_PER_PURCHASE + line;
  const traveller = TRAVELLERS[index % TRAVELLERS.length] ?? 'Jane Martin';
  const label = `Rail ticket TGV INOUI ${6600 + (index % 97)} ${ROUTES[index % ROUTES.length]}, departure 2026-02-${String(1 + (index % 28)).padStart(2, '0')} ${String(6 + (index % 14)).padStart(2, '0')}:${String((index * 7) % 60).padStart(2, '0')}, 2nd class, coach ${1 + (index % 18)} seat ${1 + (index % 92)}, flexible fare, works council sports section trip`;
  return {
    unitPriceMinor: 100 + (index % 50),
    vatRate: 10,
    label: pad(label, 200),
    travel: {
      travellerName: pad(`${traveller} (employee ${String(4000 + (index % 300)).padStart(6, '0')}), Works Council sports section, Lyon site, team ${1 + (index % 12)}, travelling for the regional tournament`, 200),
      bookingRef: pad(`PNR${(index * 7919).toString(36).toUpperCase()}-TRAVEL-AGENCY-WORKS-COUNCIL-2026-FEBRUARY-BOOKING`, 64),
      costCentre: pad(`CE-SPORTS-${1 + (index % 12)}-LYON-SITE-REGIONAL-TOURNAMENT-2026-COST-CENTRE-SPORTS`, 64),
    },
  };
}

/** Within the spec's rules, but random: GZIP cannot bring it under Kafka's limit. */
function randomLine(): LineSpec & { travel: Travel } {
  const random = (length: number) => randomBytes(length).toString('base64').slice(0, length);
  return { unitPriceMinor: 100, vatRate: 10, label: random(200), travel: { travellerName: random(200), bookingRef: random(64), costCentre: random(64) } };
}

interface Travel {
  travellerName: string;
  bookingRef: string;
  costCentre: string;
}

/**
 * Billing, payment and the mailer in one process on shared topics. Two contracts of ≈ 3 MB of
 * invoice lines each (one of ordinary text, one of random text) are billed before a contract
 * of one small purchase, in the same run: the ordinary one goes through compressed, the random
 * one is quarantined, and the small one is debited and e-mailed either way.
 *
 * Honest both ways: on the old relay (uncompressed sends, a refusal retried for ever) the
 * ordinary invoice blocks every row behind it; with compression but no quarantine the random
 * one does. Either way the wait for the small contract's SUCCEEDED payment times out (both
 * checked by editing publish-pending-batch.ts back).
 */
describe('an invoice larger than Kafka takes does not hold back the next contract’s', () => {
  const topicPrefix = `${uniqueName('bigbill')}.`;
  const issuedTopic = `${topicPrefix}${billingInvoiceIssuedV1Event.topic}`;
  let billing: BillingUnderTest;
  let payment: PaymentServiceUnderTest;
  let mailer: MailerUnderTest;
  let publisher: ContractEventPublisher;
  let sizes: Consumer | undefined;
  /** Bytes of the Avro value of each invoice event published, by contract. */
  const publishedBytes = new Map<string, Buffer>();

  beforeAll(async () => {
    const shared = { KAFKA_TOPIC_PREFIX: topicPrefix };
    [billing, payment, mailer, publisher] = await Promise.all([
      startBillingUnderTest(shared),
      startPaymentService(shared, { clock: collectionDayClock }),
      startMailer(shared),
      startContractEventPublisher(topicPrefix),
    ]);
    const logger = createLogger({ service: 'oversized-invoice-test', level: testEnvironment.logLevel });
    sizes = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'oversized-invoice-test', logger }).consumer({ groupId: uniqueName('oversized-invoice-sizes') });
    await sizes.connect();
    await sizes.subscribe({ topics: [issuedTopic], fromBeginning: true });
    await sizes.run({
      eachMessage: async ({ message }) => {
        if (message.key && message.value) publishedBytes.set(message.key.toString(), message.value);
      },
    });
  }, 180_000);
  afterAll(async () => {
    await sizes?.disconnect();
    await publisher?.stop();
    await Promise.all([mailer?.stop(), payment?.stop(), billing?.stop()]);
  }, 120_000);

  /** An active contract with a succeeding mandate and its own mailbox; refs sort in billing order. */
  async function contract(ref: string): Promise<{ contractRef: string; email: string }> {
    const email = `${ref.toLowerCase()}@oversized.example`;
    const event = buildContractEvent({
      contractRef: ref,
      type: 'ACTIVATED',
      contract: {
        createdAt: '2025-01-01',
        signedAt: '2025-01-01',
        activatedAt: '2025-01-01',
        expireAt: `${new Date().getUTCFullYear() + 2}-12-31`,
        outstandingLimit: { amountMinor: 100_000_000, currency: 'EUR' },
        billingContact: { firstName: 'Jane', lastName: 'Martin', email, phone: null },
        mandate: { mandateRef: `RUM-${ref}`, iban: simulatedIbans.succeeds, bic: null, signedAt: '2025-01-01', status: 'ACTIVE', revokedAt: null },
      },
    });
    await publisher.publish(event);
    await waitForContractVersion(billing, ref, event.version);
    return { contractRef: ref, email };
  }

  async function purchase(contractRef: string, day: number, lines: Array<LineSpec & { travel: Travel }>): Promise<void> {
    const order = buildOrderWithLines(lines);
    const [item] = order.orderItems;
    if (item) item.productItems = item.productItems.map((product, index) => ({ ...product, travel: lines[index]?.travel }));
    await submitAccepted(billing, { type: 'PURCHASE', contractRef, operationAt: `${PERIOD}-${String(day).padStart(2, '0')}`, order });
  }

  /** Submits `count` purchases of LINES_PER_PURCHASE lines, a few at a time. */
  async function bigMonth(contractRef: string, lineOf: (purchase: number, line: number) => LineSpec & { travel: Travel }): Promise<void> {
    let next = 0;
    const submitter = async () => {
      for (let index = next++; index < PURCHASES_PER_BIG_CONTRACT; index = next++) {
        await purchase(contractRef, 1 + (index % 28), Array.from({ length: LINES_PER_PURCHASE }, (_, line) => lineOf(index, line)));
      }
    };
    await Promise.all(Array.from({ length: SUBMISSIONS_IN_FLIGHT }, submitter));
  }

  async function invoiceRefOf(contractRef: string): Promise<string> {
    const [invoice] = await invoicesOf(billing, contractRef);
    if (!invoice) throw new Error(`no invoice for ${contractRef}`);
    return invoice.invoice_ref;
  }

  async function expectDebitedAndMailed(contractRef: string, email: string): Promise<void> {
    const invoiceRef = await invoiceRefOf(contractRef);
    const paid = await payment.paymentOf(invoiceRef, (candidate) => candidate.status === 'SUCCEEDED');
    expect(paid).toMatchObject({ status: 'SUCCEEDED' });
    const delivery = await waitFor(
      async () => {
        const response = await mailer.api.get('/v1/deliveries').query({ invoiceRef }).set('Authorization', `Bearer ${mailer.reader}`);
        const [found] = (response.body.deliveries ?? []) as Array<{ status: string }>;
        return found?.status === 'SENT' && found;
      },
      { timeoutMs: 60_000, description: `the delivery of ${invoiceRef} SENT` },
    );
    expect(delivery).toMatchObject({ status: 'SENT' });
    const mails = await waitFor(async () => {
      const caught = await emailsTo(email);
      return caught.length > 0 && caught;
    }, { timeoutMs: 30_000, description: `an e-mail to ${email}` });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(invoiceRef);
  }

  async function topicLimit(): Promise<number> {
    const admin = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'oversized-invoice-admin', logger: billing.service.context.logger }).admin();
    await admin.connect();
    try {
      const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: issuedTopic, configNames: ['max.message.bytes'] }] });
      return Number(described.resources[0]?.configEntries.find((entry) => entry.configName === 'max.message.bytes')?.configValue);
    } finally {
      await admin.disconnect();
    }
  }

  it('when a month of ≈ 3 MB of invoice lines is billed before a small one, then the small invoice is debited and e-mailed, and the big ones are published compressed or quarantined, never lost', async () => {
    const startedAt = Date.now();
    const suffix = `-${randomBytes(4).toString('hex').toUpperCase()}`;
    // Billing runs contracts in contractRef order: the big ones' outbox rows come first.
    const ordinary = await contract(`CTR-1-ORDINARY${suffix}`);
    const random = await contract(`CTR-2-RANDOM${suffix}`);
    const small = await contract(`CTR-3-SMALL${suffix}`);
    await bigMonth(ordinary.contractRef, ordinaryLine);
    await bigMonth(random.contractRef, () => randomLine());
    await purchase(small.contractRef, 20, [{ unitPriceMinor: 12_000, vatRate: 20, travel: { travellerName: 'Jane Martin', bookingRef: 'PNR7XK2Q', costCentre: 'CE-SPORTS' } }]);
    const submittedAt = Date.now();

    const started = await billing.api.post('/v1/billing-runs').set(await billing.auth(['billing:run'])).send({ period: PERIOD });
    expect(started.status).toBe(202);
    await waitFor(async () => (await invoicesOf(billing, small.contractRef)).length === 1, { timeoutMs: 60_000, description: 'the small invoice issued' });
    const outbox = await billing.service.context.pool.query<{ message_key: string; payload_bytes: number; published_at: Date | null; quarantined_at: Date | null; quarantine_reason: string | null }>(
      `select message_key, octet_length(payload::text) as payload_bytes, published_at, quarantined_at, quarantine_reason from outbox where topic = $1 order by id`,
      [billingInvoiceIssuedV1Event.topic],
    );
    expect(outbox.rows.map((row) => row.message_key)).toEqual([ordinary.contractRef, random.contractRef, small.contractRef]);

    // The contract behind the big ones: debited and e-mailed. This is what times out on a blocked relay.
    await expectDebitedAndMailed(small.contractRef, small.email);

    // Ordinary lines: published compressed, so consumed too.
    await expectDebitedAndMailed(ordinary.contractRef, ordinary.email);
    const ordinaryValue = await waitFor(async () => publishedBytes.get(ordinary.contractRef), { timeoutMs: 30_000, description: 'the ordinary invoice event read back' });
    const limit = await topicLimit();
    expect(ordinaryValue.length).toBeGreaterThan(limit); // it really is over the limit uncompressed…
    expect(gzipSync(ordinaryValue).length).toBeLessThan(limit); // …and under it once compressed

    // Random lines: refused even compressed, quarantined, kept and reported.
    const quarantined = await waitFor(
      async () => {
        const row = await billing.service.context.pool.query<{ quarantined_at: Date | null; quarantine_reason: string | null; published_at: Date | null; lines: number }>(
          `select quarantined_at, quarantine_reason, published_at, jsonb_array_length(payload->'invoice'->'lines') as lines from outbox where topic = $1 and message_key = $2`,
          [billingInvoiceIssuedV1Event.topic, random.contractRef],
        );
        return row.rows[0]?.quarantined_at ? row.rows[0] : undefined;
      },
      { timeoutMs: 30_000, description: 'the random invoice quarantined' },
    );
    expect(quarantined).toMatchObject({ published_at: null, quarantine_reason: expect.stringContaining('MESSAGE_TOO_LARGE'), lines: PURCHASES_PER_BIG_CONTRACT * LINES_PER_PURCHASE });
    const metrics = parseMetrics((await billing.api.get('/metrics')).text);
    expect(metricValue(metrics, 'boissipay_outbox_quarantined_events', {})).toBe(1);
    expect(publishedBytes.has(random.contractRef)).toBe(false);
    expect(await payment.api.get('/v1/payments').query({ contractRef: random.contractRef }).set('Authorization', `Bearer ${payment.reader}`)).toMatchObject({ status: 200, body: { payments: [] } });

    const sizeOf = (key: string) => outbox.rows.find((row) => row.message_key === key)?.payload_bytes;
    // Printed for the record: what went through and what did not, against the topic's limit.
    console.warn(
      [
        `max.message.bytes of ${billingInvoiceIssuedV1Event.topic}: ${limit}`,
        `ordinary invoice: ${PURCHASES_PER_BIG_CONTRACT * LINES_PER_PURCHASE} lines, outbox JSON ${sizeOf(ordinary.contractRef)} B, Avro ${ordinaryValue.length} B, gzip ${gzipSync(ordinaryValue).length} B: published`,
        `random invoice: outbox JSON ${sizeOf(random.contractRef)} B, quarantined: ${quarantined.quarantine_reason}`,
        `submitting: ${Math.round((submittedAt - startedAt) / 1000)} s, run to all checked: ${Math.round((Date.now() - submittedAt) / 1000)} s`,
      ].join('\n'),
    );
  });
});
