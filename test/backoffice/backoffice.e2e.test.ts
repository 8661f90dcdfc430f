import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { collectionStartOf } from '../../payment-service/src/domain/collection-schedule';
import { playMonth, type MonthOutcome } from '../../scripts/demo/month-scenario';
import { eventually, platformClient, type PlatformClient } from '../../scripts/demo/platform-client';
import { localEndpoints } from '../../infra/endpoints';
import { serviceNames } from '../../scripts/platform';
import { createIdempotentProducer, createKafka, createLogger } from '@boissipay/runtime';
import { freePort } from '@boissipay/runtime/testing';
import { E2E_SECRET, Platform } from '../e2e/support/platform';
import { BackofficeProcess } from './support/backoffice-process';
import { chromiumAvailable, CHROMIUM, launchBrowser, logIn, screenshot, seriousAccessibilityViolations } from './support/browser';
import { readStreamUntil } from './support/live-stream';

jest.setTimeout(600_000);

if (!chromiumAvailable) console.warn(`SKIPPED: the back-office browser tests need Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it).`);
const describeWithBrowser = chromiumAvailable ? describe : describe.skip;

const tag = randomBytes(3).toString('hex');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

/** A purchase of one line at 20 % VAT, amounts in euros as the API takes them. */
const purchase = (contractRef: string, orderRef: string, withoutTax: number) => ({
  type: 'PURCHASE',
  contractRef,
  operationAt: today,
  order: {
    orderRef,
    currencyCode: 'EUR',
    orderType: 'PS',
    orderItems: [{ productItems: [{ productLabel: 'Paris-Lyon', quantity: 1, unitPrice: withoutTax, vatRate: 20, amountWithoutTax: withoutTax, amountTax: withoutTax * 0.2, amountWithTax: withoutTax * 1.2 }] }],
    totalWithoutTax: withoutTax,
    totalTax: withoutTax * 0.2,
    totalWithTax: withoutTax * 1.2,
  },
});

describeWithBrowser('the back office in a browser, on a running platform', () => {
  const { keycloak } = localEndpoints;
  const platform = new Platform({ AUTH_JWKS_URL: keycloak.jwksUrl, AUTH_ISSUER: keycloak.issuer });
  const backoffice = new BackofficeProcess(platform);
  let browser: BrowserContext;
  let page: Page;
  let api: PlatformClient;
  let contractRef = '';
  let month: MonthOutcome;

  async function visit(path: string, name: string): Promise<void> {
    await page.goto(`${backoffice.url}${path}`);
    await screenshot(page, name);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  async function submitPurchase(orderRef: string, withoutTax: number): Promise<number> {
    return (await api.post('billing-service', '/v1/operations', purchase(contractRef, orderRef, withoutTax))).status;
  }

  beforeAll(async () => {
    // One service after the other rather than Platform.start()'s four at once: on a loaded
    // two-core machine, four processes compiling TypeScript together miss their 90 s deadline.
    for (const service of serviceNames) platform.ports.set(service, await freePort());
    for (const service of serviceNames) await platform.startService(service);
    await backoffice.start();
    api = platformClient((service) => platform.url(service), E2E_SECRET);
    browser = await launchBrowser();
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await backoffice.dispose();
    await platform.stop();
  });

  it('when an operator logs in through Keycloak, then the overview greets them by name', async () => {
    await logIn(page, backoffice.url, 'operator');
    await expect(page.locator('h1').textContent()).resolves.toBe('Overview');
    await expect(page.locator('form.logout span').textContent()).resolves.toContain('operator');
    await visit('/', 'overview');
  });

  it('when the operator switches to French, then the pages speak French until switched back', async () => {
    await page.click('a.lang');
    await expect(page.locator('h1').textContent()).resolves.toBe("Vue d'ensemble");
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await page.click('a.lang');
    await expect(page.locator('h1').textContent()).resolves.toBe('Overview');
  });

  it('when the operator creates a contract and activates it, then its page shows it ACTIVE', async () => {
    await visit('/contracts', 'contracts');
    await page.fill('#new-subscriberRef', `CSE Browser ${tag}`);
    await page.fill('#new-customerRef', `CUST-BO-${tag}`);
    await page.fill('#new-mail', `billing-${tag}@browser.example`);
    await page.fill('#new-limit', '1000');
    await page.fill('#new-activatedAt', today);
    await page.fill('#new-expireAt', nextYear);
    await page.click('form.grid button[type=submit]');
    await page.waitForURL(/\/contracts\/[^/?]+\?done=1/);
    contractRef = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await expect(page.locator('#contract-status').textContent()).resolves.toBe('CREATED');

    await page.click('form.action[action$="/activate"] button');
    await page.waitForURL(/done=1/);
    await expect(page.locator('#contract-status').textContent()).resolves.toBe('ACTIVE');
    await screenshot(page, 'contract');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('when purchases are sent through the API, then the overview shows them live: accepted, and over the limit rejected with its reason', async () => {
    await page.goto(`${backoffice.url}/`);
    await eventually(async () => {
      const { body } = await api.get('billing-service', `/v1/contracts/${contractRef}/balance`);
      return body.contractStatus === 'ACTIVE' ? true : undefined;
    }, 'billing to learn the contract is active');

    expect(await submitPurchase(`ORD-OK-${tag}`, 100)).toBe(201);
    await page.locator(`li.decision.accepted[data-order="ORD-OK-${tag}"]`).waitFor();

    expect(await submitPurchase(`ORD-OVER-${tag}`, 5000)).toBe(422);
    const rejected = page.locator(`li.decision.rejected[data-order="ORD-OVER-${tag}"]`);
    await rejected.waitFor();
    await expect(rejected.textContent()).resolves.toContain('OUTSTANDING_LIMIT_EXCEEDED');
    await screenshot(page, 'overview-live');
    // Billing ranks every contract by outstanding / limit: 120 of 1 000 EUR used.
    await page.goto(`${backoffice.url}/`);
    const gauge = page.locator('ul.gauges li', { has: page.locator(`a[href="/contracts/${contractRef}"]`) });
    await expect(gauge.locator('meter').getAttribute('value')).resolves.toBe('120');

    await visit(`/operations?contractRef=${contractRef}&status=REJECTED`, 'operations');
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('tbody').textContent()).resolves.toContain('OUTSTANDING_LIMIT_EXCEEDED');
  });

  it('when the back office restarts, then a stream resumed with Last-Event-ID gets the decision made while it was down, and the open page too', async () => {
    const cookie = (await browser.cookies(backoffice.url)).map(({ name, value }) => `${name}=${value}`).join('; ');
    const before = await readStreamUntil(backoffice.url, cookie, (event) => event.data.html?.includes(`ORD-OVER-${tag}`) === true);
    const lastEventId = before[before.length - 1]?.id;
    expect(lastEventId).toBeDefined();
    // An overview open in the browser across the restart, its stream already past the last decision.
    await page.goto(`${backoffice.url}/`);
    await page.locator(`li.decision.rejected[data-order="ORD-OVER-${tag}"]`).waitFor();

    await backoffice.stop();
    expect(await submitPurchase(`ORD-DOWN-${tag}`, 50)).toBe(201);
    await backoffice.start();

    const resumed = await readStreamUntil(backoffice.url, cookie, (event) => event.data.html?.includes(`ORD-DOWN-${tag}`) === true, lastEventId);
    // Nothing before it is sent again, nothing of it is missed.
    expect(resumed.filter((event) => event.event === 'live').map((event) => event.data.html?.includes(`ORD-DOWN-${tag}`))).toEqual([true]);
    // The page's EventSource reconnected by itself, with the same session (sessions are in PostgreSQL).
    await page.locator(`li.decision.accepted[data-order="ORD-DOWN-${tag}"]`).waitFor();
  });

  it('when a month has been billed, then a dry run previews it and a billing run is watched to its end', async () => {
    const untilCollectionDate = async (collectionDate: string) =>
      platform.restartService('payment-service', { CLOCK_START: collectionStartOf(collectionDate, { time: '06:00', timeZone: 'Europe/Paris' }).toISOString() });
    month = await playMonth(api, { onCollectionDate: untilCollectionDate });

    await visit(`/billing-runs?preview=${month.period}`, 'billing-run-preview');
    await page.locator('#preview').waitFor();
    await page.click('form[action="/billing-runs"][method="post"] button');
    await page.waitForURL(/\/billing-runs\/[0-9a-f-]{36}/);
    await page.locator('#run-status', { hasText: 'COMPLETED' }).waitFor();
    await screenshot(page, 'billing-run');
  });

  it("when the operator opens an invoice, then its PDF is shown inline from the mailer", async () => {
    const invoiceRef = month.invoices[0]?.invoiceRef ?? '';
    await visit(`/invoices/${invoiceRef}`, 'invoice');
    await expect(page.locator('#invoice-pdf').getAttribute('src')).resolves.toBe(`/invoices/${invoiceRef}/pdf`);
    const pdf = await page.request.get(`${backoffice.url}/invoices/${invoiceRef}/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain('inline');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('when the operator retries a failed debit, then the payment service records the retry', async () => {
    await visit('/payments?status=FAILED', 'payments-failed');
    const failed = month.invoices.find((invoice) => invoice.payment.startsWith('FAILED'));
    const { body } = await api.get<{ payments: Array<{ paymentRef: string }> }>('payment-service', `/v1/payments?invoiceRef=${failed?.invoiceRef}`);
    const paymentRef = body.payments[0]?.paymentRef ?? '';
    const form = page.locator(`form.action[action="/payments/${paymentRef}/retry"]`);
    await form.locator('input[name=reason]').fill('Customer topped up the account');
    await form.locator('button').click();
    await page.waitForURL(/done=1/);
    const after = await api.get<{ actions?: Array<{ kind: string; requestedBy: string }> }>('payment-service', `/v1/payments/${paymentRef}`);
    expect(after.body.actions?.map((action) => [action.kind, action.requestedBy])).toEqual([['RETRY', expect.any(String)]]);
  });

  it('when the operator resends an e-mail, then the mailer sends a RESEND delivery of the invoice', async () => {
    const invoiceRef = month.invoices[0]?.invoiceRef ?? '';
    await visit('/deliveries', 'deliveries');
    const form = page.locator(`form.action[action="/invoices/${invoiceRef}/resend"]`).first();
    await form.locator('input[name=reason]').fill('Customer lost the e-mail');
    await form.locator('button').click();
    await page.waitForURL(/done=1/);
    const { body } = await api.get<{ deliveries: Array<{ kind: string }> }>('invoice-mailer', `/v1/deliveries?invoiceRef=${invoiceRef}`);
    expect(body.deliveries.map((delivery) => delivery.kind).sort()).toEqual(['ORIGINAL', 'RESEND']);
  });

  it('when the retried debit has failed again and the customer paid by transfer, then the operator records the manual payment', async () => {
    const failed = month.invoices.find((invoice) => invoice.payment.startsWith('FAILED'));
    const paymentRef = await eventually(async () => {
      const { body } = await api.get<{ payments: Array<{ paymentRef: string; status: string }> }>('payment-service', `/v1/payments?invoiceRef=${failed?.invoiceRef}`);
      return body.payments[0]?.status === 'FAILED' ? body.payments[0].paymentRef : undefined;
    }, 'the retried debit to fail again');
    await visit('/payments?status=FAILED', 'payments-manual');
    const form = page.locator(`form.action[action="/payments/${paymentRef}/manual-payment"]`);
    await form.locator('input[name=bankReference]').fill(`VIR-${tag}`);
    await form.locator('input[name=reason]').fill('Customer paid by bank transfer');
    await form.locator('button').click();
    await page.waitForURL(/done=1/);
    const { body } = await api.get<{ status: string; method?: string }>('payment-service', `/v1/payments/${paymentRef}`);
    expect([body.status, body.method]).toEqual(['SUCCEEDED', 'BANK_TRANSFER']);
  });

  it("when the operator opens the topics, then the platform's topics are listed with their consumer groups' lag", async () => {
    const lifecycle = page.locator(`tr[data-topic="${platform.run}.contract.lifecycle.v1"]`);
    await eventually(async () => {
      await page.goto(`${backoffice.url}/topics`);
      const billing = lifecycle.locator(`li[data-group^="${platform.run}.billing-service"]`);
      return (await billing.count()) === 1 && (await billing.getAttribute('data-lag')) === '0' ? true : undefined;
    }, "billing's lag on the contract lifecycle to be 0");
    await visit('/topics', 'topics');
    expect(Number(await lifecycle.locator('td.messages').textContent())).toBeGreaterThan(0);
    await expect(page.locator(`tr[data-topic="${platform.run}.billing.operation-decided.v1"]`).count()).resolves.toBe(1);
  });

  it("when the operator opens the decisions topic, then the purchase's decision is shown Avro-decoded, pages of older messages following offsets", async () => {
    const topic = `${platform.run}.billing.operation-decided.v1`;
    await visit(`/topics/${topic}?size=5`, 'topic-decisions');
    // The month's decisions came later: the purchase is on an older page, each page five messages older.
    const row = page.locator('tr', { has: page.locator('pre.value', { hasText: `ORD-OK-${tag}` }) });
    const offsetsSeen: number[] = [];
    for (let pages = 0; (await row.count()) === 0; pages += 1) {
      expect(pages).toBeLessThan(20);
      offsetsSeen.push(...(await page.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => Number(tr.id.split('-').pop())))));
      await page.goto(`${backoffice.url}${await page.locator('nav.pager a[rel=next]').getAttribute('href')}`);
    }
    // Newest first, five a page, none shown twice (one partition here).
    expect(offsetsSeen.length).toBeGreaterThanOrEqual(5);
    expect(offsetsSeen).toEqual([...offsetsSeen].sort((a, b) => b - a));
    expect(new Set(offsetsSeen).size).toBe(offsetsSeen.length);
    const decoded = JSON.parse((await row.locator('pre.value').textContent()) ?? '');
    expect(decoded).toEqual(expect.objectContaining({ contractRef, orderRef: `ORD-OK-${tag}`, status: 'ACCEPTED' }));
    expect(await row.getAttribute('id')).toMatch(/^message-\d+-\d+$/);
    await screenshot(page, 'topic-decision');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('when the operator redrives a dead letter from its page, then its consumer group reads it again', async () => {
    const topic = `${platform.run}.mailer.invoice-delivery.v1`;
    const kafka = createKafka({ brokers: localEndpoints.kafkaBrokers, clientId: `backoffice-e2e-${tag}`, logger: createLogger({ service: 'backoffice-e2e', level: 'silent' }) });
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    // Not Avro: billing's consumer sets it aside in the topic's DLQ.
    await producer.send({ topic, acks: -1, messages: [{ key: `POISON-${tag}`, value: Buffer.from('{"not":"avro"}'), headers: { 'x-correlation-id': `corr-${tag}` } }] });
    await producer.disconnect();

    const letters = page.locator(`tr[data-key="POISON-${tag}"]`);
    await eventually(async () => {
      await page.goto(`${backoffice.url}/topics/${topic}/dead-letters`);
      return (await letters.count()) > 0 ? true : undefined;
    }, 'the poison message in the dead letters');
    await screenshot(page, 'dead-letters');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await expect(letters.first().locator('.failure').textContent()).resolves.toContain('undecodable');
    const [, partition, offset] = /^message-(\d+)-(\d+)$/.exec((await letters.first().getAttribute('id')) ?? '') ?? [];
    const form = letters.first().locator('form.action');
    await form.locator('input[name=reason]').fill('Consumer fixed, try again');
    await form.locator('button').click();
    await page.waitForURL(/done=1/);

    const redriven = page.locator(`tr#message-${partition}-${offset} .redriven`);
    await expect(redriven.textContent()).resolves.toContain('operator');
    await expect(redriven.textContent()).resolves.toContain('Consumer fixed, try again');
    // Still not Avro, it comes back to the DLQ once billing has read it again, naming where it came from.
    const again = page.locator(`tr[data-key="POISON-${tag}"]`, { hasText: `x-redriven-from` });
    await eventually(async () => {
      await page.goto(`${backoffice.url}/topics/${topic}/dead-letters`);
      return (await again.count()) > 0 ? true : undefined;
    }, 'billing to read the redriven message again');
    await expect(again.first().textContent()).resolves.toContain(`${topic}.dlq:${partition}:${offset}`);
    await expect(again.first().textContent()).resolves.toContain(`${platform.run}.billing-service`);
    await screenshot(page, 'dead-letters-redriven');
  });

  it('when the operator logs out, then the session is over and the next page asks for a login', async () => {
    await page.goto(`${backoffice.url}/`);
    await page.click('form.logout button');
    await page.waitForURL(`${backoffice.url}/auth/logged-out`);
    await page.goto(`${backoffice.url}/payments`);
    await page.locator('#username').waitFor();
    expect(page.url().startsWith(backoffice.url)).toBe(false);
    const cookie = (await browser.cookies(backoffice.url)).map(({ name, value }) => `${name}=${value}`).join('; ');
    const stream = await fetch(`${backoffice.url}/live`, { headers: { cookie, accept: 'text/event-stream' } });
    expect(stream.status).toBe(401);
  });

  it('when an admin issues a credit note from an invoice page, then billing issues it and the page lists it with its PDF', async () => {
    await browser.clearCookies();
    await logIn(page, backoffice.url, 'admin');
    const invoiceRef = month.invoices[0]?.invoiceRef ?? '';
    await visit(`/invoices/${invoiceRef}`, 'invoice-admin');
    const form = page.locator(`form.action[action="/invoices/${invoiceRef}/credit-notes"]`);
    await form.locator('input[name=reason]').fill('Goodwill gesture');
    await form.locator('button').click();
    await page.waitForURL(/done=1/);
    const { body } = await api.get<{ creditNotes: Array<{ reason: string; issuedBy: string }> }>('billing-service', `/v1/invoices/${invoiceRef}/credit-notes`);
    expect(body.creditNotes.filter((note) => note.reason === 'Goodwill gesture')).toHaveLength(1);

    const listed = page.locator('#credit-notes li', { hasText: 'Goodwill gesture' });
    await expect(listed.count()).resolves.toBe(1);
    const pdfLink = listed.locator('a');
    const creditNoteRef = (await pdfLink.textContent())?.split(' ').pop() ?? '';
    expect(creditNoteRef).toMatch(/^AV-\d{4}-\d{6}$/);
    // The PDF is the mailer's: there once it has received the credit note from Kafka.
    const pdf = await eventually(async () => {
      const answer = await page.request.get(`${backoffice.url}${await pdfLink.getAttribute('href')}`);
      return answer.status() === 200 ? answer : undefined;
    }, `the PDF of ${creditNoteRef}`);
    expect([pdf.headers()['content-type'], (await pdf.body()).subarray(0, 5).toString()]).toEqual(['application/pdf', '%PDF-']);
  });

  it('when a viewer logs in, then no page offers an operator action', async () => {
    await browser.clearCookies();
    await logIn(page, backoffice.url, 'viewer');
    for (const path of ['/', '/contracts', `/contracts/${contractRef}`, '/billing-runs', '/payments', '/deliveries', `/invoices/${month.invoices[0]?.invoiceRef}`, '/topics', `/topics/${platform.run}.mailer.invoice-delivery.v1/dead-letters`]) {
      await page.goto(`${backoffice.url}${path}`);
      expect(await page.locator('form.action, form[method=post]:not(.logout), form.grid').count()).toBe(0);
    }
    await visit('/payments', 'viewer-payments');
  });

  it('when a viewer posts a redrive anyway, then the back office itself refuses it: no service stands behind that action', async () => {
    const deadLetters = `/topics/${platform.run}.mailer.invoice-delivery.v1/dead-letters`;
    await page.goto(`${backoffice.url}${deadLetters}`);
    await expect(page.locator(`tr[data-key="POISON-${tag}"]`).count()).resolves.toBeGreaterThan(0);
    const csrf = (await page.locator('body').getAttribute('data-csrf')) ?? '';
    const refused = await page.request.post(`${backoffice.url}${deadLetters}/redrive?id=0%3A0`, { form: { _csrf: csrf, reason: 'viewer tries' }, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
  });
});
