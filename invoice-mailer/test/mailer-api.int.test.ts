import { randomUUID } from 'node:crypto';
import { waitFor } from '@boissipay/runtime/testing';
import { expectError } from '@boissipay/runtime/testing';
import { buildInvoiceIssuedEvent, uniqueSuffix } from './support/invoice-factory';
import { startInvoicePublisher, type InvoicePublisher } from './support/invoice-events';
import { HOOK_TIMEOUT_MS, WAIT_TIMEOUT_MS, startMailer, type MailerUnderTest } from './support/mailer-under-test';

describe('mailer API', () => {
  let mailer: MailerUnderTest;
  let publisher: InvoicePublisher;
  const contractRef = `CTR-2026-${uniqueSuffix().toUpperCase()}`;
  const invoiceRefs: string[] = [];
  const auth = () => ({ Authorization: `Bearer ${mailer.reader}` });
  const sentCount = async () =>
    (await mailer.api.get('/v1/deliveries').query({ contractRef, status: 'SENT' }).set(auth())).body.metadata?.totalItems as number | undefined;

  beforeAll(async () => {
    [mailer, publisher] = await Promise.all([startMailer(), startInvoicePublisher()]);
    for (const period of ['2026-08', '2026-09', '2026-10']) {
      const event = buildInvoiceIssuedEvent({ contractRef, period });
      invoiceRefs.push(event.invoice.invoiceRef);
      await publisher.publish(event);
    }
    await waitFor(async () => (await sentCount()) === 3, { timeoutMs: WAIT_TIMEOUT_MS, description: "the contract's three invoices SENT" });
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await publisher?.stop();
    await mailer?.stop();
  }, HOOK_TIMEOUT_MS);

  describe('GET /v1/deliveries', () => {
    it('when filtered by contractRef, then its deliveries come back a page at a time, the latest received first', async () => {
      const page1 = await mailer.api.get('/v1/deliveries').query({ contractRef, pageSize: 2 }).set(auth());
      const page2 = await mailer.api.get('/v1/deliveries').query({ contractRef, pageSize: 2, page: 2 }).set(auth());

      expect(page1.status).toBe(200);
      expect(page1.body.metadata).toEqual({ query: `/v1/deliveries?contractRef=${contractRef}&pageSize=2`, page: 1, pageSize: 2, countItems: 2, totalItems: 3, totalPages: 2 });
      const refs = [...page1.body.deliveries, ...page2.body.deliveries].map((delivery: { invoiceRef: string }) => delivery.invoiceRef);
      expect(refs).toEqual([...invoiceRefs].reverse());
      expect(page2.body.deliveries.map((delivery: { period: string }) => delivery.period)).toEqual(['2026-08']);
    });

    it('when filtered by status or invoiceRef, then only the matching deliveries come back', async () => {
      const failed = await mailer.api.get('/v1/deliveries').query({ contractRef, status: 'FAILED' }).set(auth());
      expect(failed.body).toMatchObject({ deliveries: [], metadata: { totalItems: 0, totalPages: 0 } });
      const one = await mailer.api.get('/v1/deliveries').query({ invoiceRef: invoiceRefs[1] }).set(auth());
      expect(one.body.deliveries).toEqual([expect.objectContaining({ invoiceRef: invoiceRefs[1], contractRef, status: 'SENT', period: '2026-09' })]);
    });

    it('when a filter or the page size is out of range, or a parameter is unknown, then 400', async () => {
      expectError(await mailer.api.get('/v1/deliveries').query({ status: 'LOST' }).set(auth()), 400, 'VALIDATION_FAILED');
      expectError(await mailer.api.get('/v1/deliveries').query({ pageSize: 1000 }).set(auth()), 400, 'VALIDATION_FAILED');
      expectError(await mailer.api.get('/v1/deliveries').query({ invoiceRef: 'not a ref!' }).set(auth()), 400, 'VALIDATION_FAILED');
      expectError(await mailer.api.get('/v1/deliveries').query({ colour: 'red' }).set(auth()), 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /v1/deliveries/{deliveryId} and /v1/invoices/{invoiceRef}/pdf', () => {
    it('when the delivery or invoice is unknown, then 404 with its own code; when the id is malformed, then 400', async () => {
      expectError(await mailer.api.get(`/v1/deliveries/${randomUUID()}`).set(auth()), 404, 'DELIVERY_NOT_FOUND');
      expectError(await mailer.api.get('/v1/deliveries/not-a-uuid').set(auth()), 400, 'VALIDATION_FAILED');
      expectError(await mailer.api.get('/v1/invoices/BIL-1999-000001/pdf').set(auth()), 404, 'INVOICE_NOT_FOUND');
      expectError(await mailer.api.get('/v1/invoices/bad%20ref/pdf').set(auth()), 400, 'VALIDATION_FAILED');
    });

    it('when the invoice is known, then its PDF is served', async () => {
      const response = await mailer.api.get(`/v1/invoices/${invoiceRefs[0]}/pdf`).set(auth());
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(Number(response.headers['content-length'])).toBeGreaterThan(1_000);
    });
  });

  describe('security', () => {
    const paths = () => ['/v1/deliveries', `/v1/deliveries/${randomUUID()}`, `/v1/invoices/${invoiceRefs[0]}/pdf`];

    it('when no token or a bad token is sent, then 401 on every operation', async () => {
      for (const path of paths()) {
        const anonymous = await mailer.api.get(path);
        expectError(anonymous, 401, 'UNAUTHORIZED');
        expect(anonymous.headers['www-authenticate']).toBe('Bearer');
        expectError(await mailer.api.get(path).set('Authorization', 'Bearer not.a.token'), 401, 'UNAUTHORIZED');
      }
    });

    it('when the token lacks invoices:read, then 403 on every operation', async () => {
      const payments = await mailer.token(['payments:read', 'contracts:read']);
      for (const path of paths()) expectError(await mailer.api.get(path).set('Authorization', `Bearer ${payments}`), 403, 'FORBIDDEN');
    });
  });
});
