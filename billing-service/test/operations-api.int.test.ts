import { randomUUID } from 'node:crypto';
import { startBillingUnderTest, outstandingMinorOf, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { buildContractEvent, startContractEventPublisher, type ContractEventPublisher } from './support/contract-events';
import { buildPurchaseRequest, buildRefundRequest, type OperationRequest } from './support/operation-requests';

describe('operations API: idempotency, bad input, queries', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  async function knownContract(limitMinor = 100_000): Promise<string> {
    const event = buildContractEvent({ type: 'ACTIVATED', contract: { outstandingLimit: { amountMinor: limitMinor, currency: 'EUR' } } });
    await publisher.publish(event);
    await waitForContractVersion(billing, event.contractRef, event.version);
    return event.contractRef;
  }

  async function submit(body: unknown, headers: Record<string, string> = {}) {
    return billing.api
      .post('/v1/operations')
      .set(await billing.auth())
      .set(headers)
      .send(body as object);
  }

  async function storedCount(contractRef: string): Promise<number> {
    const result = await billing.service.context.pool.query('select count(*)::int as count from operations where contract_ref = $1', [contractRef]);
    return result.rows[0].count;
  }

  describe('idempotency', () => {
    it('when the same request is sent twice with one Idempotency-Key, then the first answer comes back and one operation is stored', async () => {
      const contractRef = await knownContract();
      const body = buildPurchaseRequest(contractRef, 5_000);
      const key = randomUUID();
      const first = await submit(body, { 'Idempotency-Key': key });
      const replay = await submit(body, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(await storedCount(contractRef)).toBe(1);
      expect(await outstandingMinorOf(billing, contractRef)).toBe(5_000);
    });

    it('when the same order is sent twice without a key, then (contractRef, orderRef, type) identifies it and the first answer comes back', async () => {
      const contractRef = await knownContract();
      const body = buildPurchaseRequest(contractRef, 5_000);
      const first = await submit(body);
      const replay = await submit(body);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      expect(await storedCount(contractRef)).toBe(1);
    });

    it('when a rejected request is sent again, then the same 422 comes back and nothing new is stored', async () => {
      const contractRef = await knownContract(1_000);
      const body = buildPurchaseRequest(contractRef, 5_000);
      const first = await submit(body);
      const replay = await submit(body);
      expect(first.status).toBe(422);
      expect(replay.status).toBe(422);
      expect(replay.body).toEqual(first.body);
      expect(await storedCount(contractRef)).toBe(1);
    });

    it('when one Idempotency-Key comes with another body, then 409 IDEMPOTENCY_KEY_REUSED and nothing is stored', async () => {
      const contractRef = await knownContract();
      const key = randomUUID();
      expect((await submit(buildPurchaseRequest(contractRef, 5_000), { 'Idempotency-Key': key })).status).toBe(201);
      const reused = await submit(buildPurchaseRequest(contractRef, 6_000), { 'Idempotency-Key': key });
      expect(reused.status).toBe(409);
      expect(reused.body.errors[0].errorCode).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await storedCount(contractRef)).toBe(1);
    });

    it('when two clients send one Idempotency-Key with different bodies, then each gets its own answer, and each replay its own first answer', async () => {
      const contractRef = await knownContract();
      const key = randomUUID();
      const otherClient = await billing.auth(undefined, 'another-sales-system');
      const fromA = buildPurchaseRequest(contractRef, 5_000);
      const fromB = buildPurchaseRequest(contractRef, 6_000);
      const first = await submit(fromA, { 'Idempotency-Key': key });
      const other = await submit(fromB, { ...otherClient, 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(other.status).toBe(201);
      expect(other.body.operationId).not.toBe(first.body.operationId);
      expect(other.headers['idempotent-replayed']).toBeUndefined();

      const replayA = await submit(fromA, { 'Idempotency-Key': key });
      const replayB = await submit(fromB, { ...otherClient, 'Idempotency-Key': key });
      expect(replayA.body).toEqual(first.body);
      expect(replayB.body).toEqual(other.body);
      expect([replayA.headers['idempotent-replayed'], replayB.headers['idempotent-replayed']]).toEqual(['true', 'true']);
      expect(await storedCount(contractRef)).toBe(2);
      expect(await outstandingMinorOf(billing, contractRef)).toBe(11_000);
    });

    it('when an orderRef already purchased comes with another body, then 409 ORDER_REF_REUSED', async () => {
      const contractRef = await knownContract();
      const body = buildPurchaseRequest(contractRef, 5_000);
      expect((await submit(body)).status).toBe(201);
      const changed = await submit({ ...body, operationAt: '2026-01-02' });
      expect(changed.status).toBe(409);
      expect(changed.body.errors[0].errorCode).toBe('ORDER_REF_REUSED');
      expect(await storedCount(contractRef)).toBe(1);
    });

    it('when ten identical requests race, then one operation is stored and all ten get its answer', async () => {
      const contractRef = await knownContract();
      const body = buildPurchaseRequest(contractRef, 5_000);
      const key = randomUUID();
      const responses = await Promise.all(Array.from({ length: 10 }, () => submit(body, { 'Idempotency-Key': key })));
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
      expect(new Set(responses.map((response) => response.body.operationId)).size).toBe(1);
      expect(await storedCount(contractRef)).toBe(1);
      expect(await outstandingMinorOf(billing, contractRef)).toBe(5_000);
    });

    it('when identical requests race on a contract billing does not know (no row to lock), then the unique index keeps one', async () => {
      const body = buildPurchaseRequest(`CTR-unknown-${randomUUID()}`, 5_000);
      const responses = await Promise.all(Array.from({ length: 10 }, () => submit(body)));
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([422]));
      expect(new Set(responses.map((response) => response.body.operationId)).size).toBe(1);
      expect(await storedCount(body.contractRef)).toBe(1);
    });

    it('when a refund carries the purchase orderRef as its own, then it refunds that purchase (types differ, both stored)', async () => {
      const contractRef = await knownContract();
      const purchase = buildPurchaseRequest(contractRef, 5_000);
      expect((await submit(purchase)).status).toBe(201);
      const refund = buildRefundRequest(contractRef, purchase.order.orderRef, 5_000);
      const { refundedOrderRef: _omitted, ...orderWithoutReference } = refund.order;
      const response = await submit({ ...refund, order: { ...orderWithoutReference, orderRef: purchase.order.orderRef } });
      expect(response.status).toBe(201);
      expect(await outstandingMinorOf(billing, contractRef)).toBe(0);
    });
  });

  describe('bad input: 4xx in the ErrorResponse shape, nothing written', () => {
    let contractRef: string;
    beforeAll(async () => {
      contractRef = await knownContract();
    });

    async function expectRefused(response: Awaited<ReturnType<typeof submit>>, status: number, errorCode: string) {
      expect(response.status).toBe(status);
      expect(response.body).toEqual({ errors: expect.any(Array), correlationId: expect.any(String) });
      expect(response.body.errors[0]).toMatchObject({ errorCode, status });
      expect(await storedCount(contractRef)).toBe(0);
      expect(await outstandingMinorOf(billing, contractRef)).toBe(0);
    }

    const withProduct = (body: OperationRequest, change: Record<string, unknown>): OperationRequest => {
      const [item] = body.order.orderItems;
      const [product] = item?.productItems ?? [];
      return { ...body, order: { ...body.order, orderItems: [{ ...item, productItems: [{ ...product, ...change } as never] }] } };
    };

    it('when the body is not JSON, then 400 MALFORMED_JSON', async () => {
      const response = await billing.api.post('/v1/operations').set(await billing.auth()).set('Content-Type', 'application/json').send('{"type": "PURCHASE",');
      await expectRefused(response, 400, 'MALFORMED_JSON');
    });

    it('when the currency code is not three capitals, then 400 VALIDATION_FAILED', async () => {
      const body = buildPurchaseRequest(contractRef);
      await expectRefused(await submit({ ...body, order: { ...body.order, currencyCode: 'EURO' } }), 400, 'VALIDATION_FAILED');
    });

    it('when the currency code is not an ISO 4217 currency, then 400 UNKNOWN_CURRENCY', async () => {
      const body = buildPurchaseRequest(contractRef);
      await expectRefused(await submit({ ...body, order: { ...body.order, currencyCode: 'XYZ' } }), 400, 'UNKNOWN_CURRENCY');
    });

    it('when a quantity is negative, then 400 VALIDATION_FAILED naming it', async () => {
      const response = await submit(withProduct(buildPurchaseRequest(contractRef), { quantity: -1 }));
      await expectRefused(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors[0].path).toBe('/body/order/orderItems/0/productItems/0/quantity');
    });

    it('when a line is not quantity × unit price, then 400 TOTALS_MISMATCH', async () => {
      await expectRefused(await submit(withProduct(buildPurchaseRequest(contractRef, 10_000), { quantity: 2 })), 400, 'TOTALS_MISMATCH');
    });

    it('when the order totals are not the sums of the lines, then 400 TOTALS_MISMATCH', async () => {
      const body = buildPurchaseRequest(contractRef, 10_000); // lines: 90.91 + 9.09 tax = 100.00
      await expectRefused(await submit({ ...body, order: { ...body.order, totalTax: 9.1 } }), 400, 'TOTALS_MISMATCH');
    });

    it('when a line\'s tax is not its base × VAT rate within a cent, then 400 TOTALS_MISMATCH naming the line', async () => {
      const body = buildPurchaseRequest(contractRef, 10_000); // 90.91 + 9.09 tax at 10 %
      const response = await submit(withProduct(body, { vatRate: 20 }));
      await expectRefused(response, 400, 'TOTALS_MISMATCH');
      expect(response.body.errors[0].message).toMatch(/^\/body\/order\/orderItems\/0\/productItems\/0\/amountTax: /);
    });

    it('when a VAT rate has more than two decimals of percent, then 400 INVALID_VAT_RATE', async () => {
      await expectRefused(await submit(withProduct(buildPurchaseRequest(contractRef), { vatRate: 5.555 })), 400, 'INVALID_VAT_RATE');
    });

    it('when a line\'s VAT category does not fit its rate, tax or exemption reason, then 400 VAT_CATEGORY_INVALID naming the line, and nothing is stored nor published', async () => {
      const untaxed = (total: number, change: Record<string, unknown>) => {
        const body = buildPurchaseRequest(contractRef);
        const amount = total / 100;
        return withProduct(
          { ...body, order: { ...body.order, totalWithoutTax: amount, totalTax: 0, totalWithTax: amount } },
          { unitPrice: amount, vatRate: 0, amountWithoutTax: amount, amountTax: 0, amountWithTax: amount, ...change },
        );
      };
      const refused = [
        { body: withProduct(buildPurchaseRequest(contractRef), { vatCategory: 'TRAVEL_AGENT_MARGIN' }), field: 'vatCategory', says: 'a line of vatCategory TRAVEL_AGENT_MARGIN has vatRate 0 and amountTax 0' },
        { body: withProduct(buildPurchaseRequest(contractRef), { vatCategory: 'EXEMPT', vatExemptionReason: 'Exonération' }), field: 'vatCategory', says: 'a line of vatCategory EXEMPT has vatRate 0' },
        { body: withProduct(buildPurchaseRequest(contractRef), { vatCategory: 'ZERO_RATED' }), field: 'vatCategory', says: 'a line of vatCategory ZERO_RATED' },
        { body: untaxed(45_000, { vatCategory: 'EXEMPT' }), field: 'vatExemptionReason', says: 'an EXEMPT line needs its vatExemptionReason' },
        { body: untaxed(45_000, { vatCategory: 'EXEMPT', vatExemptionReasonCode: 'VATEX-EU-132' }), field: 'vatExemptionReason', says: 'needs its vatExemptionReason' },
        { body: untaxed(45_000, { vatCategory: 'STANDARD' }), field: 'vatRate', says: 'a STANDARD line has a VAT rate above 0' },
        { body: untaxed(45_000, { vatCategory: 'TRAVEL_AGENT_MARGIN', vatExemptionReason: 'Margin' }), field: 'vatExemptionReason', says: 'only with vatCategory EXEMPT' },
        { body: withProduct(buildPurchaseRequest(contractRef), { vatExemptionReasonCode: 'VATEX-EU-132' }), field: 'vatExemptionReason', says: 'only with vatCategory EXEMPT, not STANDARD' },
      ];
      for (const { body, field, says } of refused) {
        const response = await submit(body);
        await expectRefused(response, 400, 'VAT_CATEGORY_INVALID');
        expect(response.body.errors[0].message).toContain(`/body/order/orderItems/0/productItems/0/${field}: `);
        expect(response.body.errors[0].message).toContain(says);
      }
      await expectRefused(await submit(withProduct(buildPurchaseRequest(contractRef), { vatCategory: 'REDUCED' })), 400, 'VALIDATION_FAILED');
      await expectRefused(await submit(untaxed(45_000, { vatCategory: 'EXEMPT', vatExemptionReason: 'x', vatExemptionReasonCode: 'EU-132' })), 400, 'VALIDATION_FAILED');
      const published = await billing.service.context.pool.query('select count(*)::int as count from outbox where message_key = $1', [contractRef]);
      expect(published.rows[0].count).toBe(0);
    });

    it('when lines carry their VAT categories, then each is stored with its EN 16931 code and reason, and a line without one is standard', async () => {
      const target = await knownContract();
      const body = buildPurchaseRequest(target, 10_000);
      const [item] = body.order.orderItems;
      const [taxed] = item?.productItems ?? [];
      const flight = { ...taxed, productLabel: 'Flight Paris – New York', unitPrice: 450, vatRate: 0, amountWithoutTax: 450, amountTax: 0, amountWithTax: 450, vatCategory: 'EXEMPT', vatExemptionReason: 'Exonération de TVA, article 262 II 8° du CGI' };
      const pkg = { ...taxed, productLabel: 'Package Rome', unitPrice: 300, vatRate: 0, amountWithoutTax: 300, amountTax: 0, amountWithTax: 300, vatCategory: 'TRAVEL_AGENT_MARGIN' };
      const order = { ...body.order, orderItems: [{ ...item, productItems: [taxed, flight, pkg] as never }], totalWithoutTax: body.order.totalWithoutTax + 750, totalWithTax: body.order.totalWithTax + 750 };
      const response = await submit({ ...body, order });
      expect(response.status).toBe(201);
      expect(response.body.order.orderItems[0].productItems[1]).toMatchObject({ vatCategory: 'EXEMPT' });
      const lines = await billing.service.context.pool.query(
        'select line_no, vat_category_code, vat_exemption_reason_code, vat_exemption_reason from operation_lines where operation_id = $1 order by line_no',
        [response.body.operationId],
      );
      expect(lines.rows).toEqual([
        { line_no: 1, vat_category_code: 'S', vat_exemption_reason_code: null, vat_exemption_reason: null },
        { line_no: 2, vat_category_code: 'E', vat_exemption_reason_code: null, vat_exemption_reason: 'Exonération de TVA, article 262 II 8° du CGI' },
        { line_no: 3, vat_category_code: 'E', vat_exemption_reason_code: 'VATEX-EU-D', vat_exemption_reason: 'Régime particulier – Agences de voyages' },
      ]);
    });

    it('when an amount has more decimals than the currency, then 400 INVALID_AMOUNT', async () => {
      await expectRefused(await submit(withProduct(buildPurchaseRequest(contractRef), { unitPrice: 90.001 })), 400, 'INVALID_AMOUNT');
    });

    it('when the order is for nothing, then 400 AMOUNT_NOT_POSITIVE', async () => {
      const body = buildPurchaseRequest(contractRef, 0);
      await expectRefused(await submit(body), 400, 'AMOUNT_NOT_POSITIVE');
    });

    it('when a purchase names a purchase to refund, then 400 VALIDATION_FAILED', async () => {
      const body = buildPurchaseRequest(contractRef);
      await expectRefused(await submit({ ...body, order: { ...body.order, refundedOrderRef: 'ORD-1' } }), 400, 'VALIDATION_FAILED');
    });

    it('when a field the spec does not know is sent, then 400 VALIDATION_FAILED', async () => {
      await expectRefused(await submit({ ...buildPurchaseRequest(contractRef), amount: 12 }), 400, 'VALIDATION_FAILED');
    });

    it('when the body is 10 MB, then 413 PAYLOAD_TOO_LARGE', async () => {
      const body = buildPurchaseRequest(contractRef);
      const response = await submit({ ...body, customerRef: 'x'.repeat(10 * 1024 * 1024) });
      await expectRefused(response, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('when no token is sent, then 401', async () => {
      const response = await billing.api.post('/v1/operations').send(buildPurchaseRequest(contractRef));
      await expectRefused(response, 401, 'UNAUTHORIZED');
    });
  });

  describe('queries', () => {
    it('when operations are listed by contract and status, then the page and its metadata describe them, newest first', async () => {
      const contractRef = await knownContract(12_000);
      const submitted = [];
      for (const totalMinor of [5_000, 5_000, 5_000]) submitted.push(await submit(buildPurchaseRequest(contractRef, totalMinor)));
      expect(submitted.map((response) => response.status)).toEqual([201, 201, 422]);
      const auth = await billing.auth(['operations:read']);

      const all = await billing.api.get(`/v1/operations?contractRef=${contractRef}&pageSize=2`).set(auth);
      expect(all.status).toBe(200);
      expect(all.body.metadata).toEqual({ query: `/v1/operations?contractRef=${contractRef}&pageSize=2`, page: 1, pageSize: 2, countItems: 2, totalItems: 3, totalPages: 2 });
      expect(all.body.operations.map((operation: { operationId: string }) => operation.operationId)).toEqual([
        submitted[2]?.body.operationId,
        submitted[1]?.body.operationId,
      ]);

      const rejected = await billing.api.get(`/v1/operations?contractRef=${contractRef}&status=REJECTED`).set(auth);
      expect(rejected.body.operations).toEqual([submitted[2]?.body.operation]);

      const second = await billing.api.get(`/v1/operations?contractRef=${contractRef}&pageSize=2&page=2`).set(auth);
      expect(second.body.operations).toHaveLength(1);
      expect(second.body.metadata).toMatchObject({ page: 2, countItems: 1, totalItems: 3 });

      const outside = await billing.api.get(`/v1/operations?contractRef=${contractRef}&from=2000-01-01&to=2000-12-31`).set(auth);
      expect(outside.body.metadata.totalItems).toBe(0);

      const invoiced = await billing.api.get(`/v1/operations?contractRef=${contractRef}&invoiceRef=INV-2026-000001`).set(auth);
      expect(invoiced.body.operations).toEqual([]);
    });

    it('when one operation is fetched, then it is what the submission answered; an unknown id is 404', async () => {
      const contractRef = await knownContract();
      const created = await submit(buildPurchaseRequest(contractRef, 1_234));
      const auth = await billing.auth(['operations:read']);
      const fetched = await billing.api.get(`/v1/operations/${created.body.operationId}`).set(auth);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(created.body);
      expect(fetched.body.order.orderItems[0].productItems[0].travel).toEqual({ travellerName: 'Jane Martin', bookingRef: 'PNR7XK2Q', costCentre: 'CE-SPORTS' });
      const lines = await billing.service.context.pool.query(
        'select traveller_name, booking_ref, cost_centre, vat_rate_basis_points, amount_with_tax_minor from operation_lines where operation_id = $1',
        [created.body.operationId],
      );
      expect(lines.rows).toEqual([{ traveller_name: 'Jane Martin', booking_ref: 'PNR7XK2Q', cost_centre: 'CE-SPORTS', vat_rate_basis_points: 1000, amount_with_tax_minor: '1234' }]);
      expect(fetched.body.order.orderItems[0].productItems[0].vatRate).toBe(10);

      const missing = await billing.api.get(`/v1/operations/${randomUUID()}`).set(auth);
      expect(missing.status).toBe(404);
      expect(missing.body.errors[0].errorCode).toBe('OPERATION_NOT_FOUND');
    });

    it('when the balance of a contract billing never heard of is asked, then 404 CONTRACT_UNKNOWN', async () => {
      const response = await billing.api.get('/v1/contracts/CTR-never-published/balance').set(await billing.auth(['operations:read']));
      expect(response.status).toBe(404);
      expect(response.body.errors[0].errorCode).toBe('CONTRACT_UNKNOWN');
    });
  });
});
