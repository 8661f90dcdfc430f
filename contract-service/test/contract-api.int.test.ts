import { randomUUID } from 'node:crypto';
import { addDays } from '../src/domain/dates';
import { buildContractRequest, todayInParis, without, type ContractRequest } from './support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from './support/contract-service-under-test';
import { expectError } from '@boissipay/runtime/testing';

describe('contract API', () => {
  let under: ContractServiceUnderTest;
  const auth = () => ({ Authorization: `Bearer ${under.writer}` });
  const create = (body: unknown, headers: Record<string, string> = {}) => under.api.post('/v1/contracts').set(auth()).set(headers).send(body as object);
  const created = async (overrides: Parameters<typeof buildContractRequest>[0] = {}) => {
    const response = await create(buildContractRequest(overrides));
    expect(response.status).toBe(201);
    return response.body as { contractRef: string; contractId: string; version: number; status: string; language: string; payment: { mandate: { mandateRef: string; iban: string; status: string; signedAt?: string } } };
  };
  const act = (contractRef: string, action: string, body?: object, method: 'post' | 'put' = 'post') =>
    under.api[method](`/v1/contracts/${contractRef}${action}`).set(auth()).send(body);
  const counts = async () => {
    const { rows } = await under.service.context.pool.query<{ contracts: number; outbox: number; keys: number }>(
      'select (select count(*)::int from contracts) as contracts, (select count(*)::int from outbox) as outbox, (select count(*)::int from idempotency_keys) as keys',
    );
    return rows[0];
  };

  beforeAll(async () => {
    under = await startContractService();
  });
  afterAll(() => under?.stop());

  describe('POST /v1/contracts', () => {
    it('when the request is valid, then the contract is CREATED with a server id and reference, stored with its SUBSCRIBED event', async () => {
      const request = buildContractRequest({ status: 'ACTIVE', billing: { outstandingLimit: { amount: 1234.56, currency: 'EUR' } } });
      const response = await create(request);

      expect(response.status).toBe(201);
      const body = response.body;
      expect(body.contractId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.contractRef).toMatch(/^CTR-\d{4}-\d{6,}$/);
      expect(response.headers.location).toBe(`/v1/contracts/${body.contractRef}`);
      const { status: _ignored, payment, ...echoed } = request;
      expect(body).toEqual({
        ...echoed,
        contractId: body.contractId,
        contractRef: body.contractRef,
        version: 1,
        status: 'CREATED',
        payment: { mandate: payment.mandate },
        // Not in the request: French by default.
        language: 'fr',
      });
      const { rows } = await under.service.context.pool.query(
        "select payload->>'type' as type, (payload->>'version')::int as version, payload->'contract'->'outstandingLimit' as limit from outbox where message_key = $1",
        [body.contractRef],
      );
      expect(rows).toEqual([{ type: 'SUBSCRIBED', version: 1, limit: { amountMinor: 123456, currency: 'EUR' } }]);
    });

    it.each<[string, unknown, string]>([
      ['the IBAN fails its checksum', buildContractRequest({ payment: { mandate: { iban: 'DE89370400440532013001' } } }), 'INVALID_IBAN'],
      ['the French IBAN is 15 characters long', buildContractRequest({ payment: { mandate: { iban: 'FR6930006000011' } } }), 'INVALID_IBAN'],
      ['the French account number has a letter where digits go', buildContractRequest({ payment: { mandate: { iban: 'FR76300060000112345678901X9' } } }), 'INVALID_IBAN'],
      ['the French RIB key is wrong', buildContractRequest({ payment: { mandate: { iban: 'FR7630006000011234567890188' } } }), 'INVALID_IBAN'],
      ['the BIC has no country', buildContractRequest({ payment: { mandate: { bic: 'AGRIQQPP' } } }), 'INVALID_BIC'],
      ['the BIC is malformed', buildContractRequest({ payment: { mandate: { bic: 'AGRI-FR' } } }), 'VALIDATION_FAILED'],
      ['activatedAt is before createdAt', buildContractRequest({ createdAt: addDays(todayInParis(), 2), activatedAt: addDays(todayInParis(), 1) }), 'INVALID_DATES'],
      ['expireAt is before activatedAt', buildContractRequest({ activatedAt: addDays(todayInParis(), 10), expireAt: addDays(todayInParis(), 5) }), 'INVALID_DATES'],
      ['the contract is signed after its activation', buildContractRequest({ signedAt: addDays(todayInParis(), 3) }), 'INVALID_DATES'],
      ['expireAt is already past', buildContractRequest({ createdAt: '2025-01-01', signedAt: '2025-01-01', activatedAt: '2025-01-01', expireAt: '2025-12-31' }), 'INVALID_DATES'],
      ['a date does not exist', buildContractRequest({ expireAt: '2027-02-30' }), 'VALIDATION_FAILED'],
      ['the subscriber is missing', without(buildContractRequest(), ['subscriber']), 'VALIDATION_FAILED'],
      ['the distributor is missing', without(buildContractRequest(), ['distributor']), 'VALIDATION_FAILED'],
      ['the subscriber contact is missing', without(buildContractRequest(), ['subscriber', 'contactPerson']), 'VALIDATION_FAILED'],
      ['the payment is missing', without(buildContractRequest(), ['payment']), 'VALIDATION_FAILED'],
      ['the billing contact e-mail is not an e-mail', buildContractRequest({ billing: { contact: { mail: 'not-an-email' } } }), 'VALIDATION_FAILED'],
      ['the limit is zero', buildContractRequest({ billing: { outstandingLimit: { amount: 0 } } }), 'VALIDATION_FAILED'],
      ['the limit is negative', buildContractRequest({ billing: { outstandingLimit: { amount: -100 } } }), 'VALIDATION_FAILED'],
      ['the limit has more decimals than the currency', buildContractRequest({ billing: { outstandingLimit: { amount: 100.005 } } }), 'INVALID_AMOUNT'],
      ['the limit has decimals in a currency without any', buildContractRequest({ billing: { outstandingLimit: { amount: 100.5, currency: 'JPY' } } }), 'INVALID_AMOUNT'],
      ['the currency is not ISO 4217', buildContractRequest({ billing: { outstandingLimit: { currency: 'ABC' } } }), 'UNKNOWN_CURRENCY'],
      ['an ACTIVE mandate has no signature date', without(buildContractRequest(), ['payment', 'mandate', 'signedAt']), 'INVALID_MANDATE'],
      ['an unknown property is sent', { ...buildContractRequest(), discount: 10 }, 'VALIDATION_FAILED'],
    ])('when %s, then 400 ErrorResponse and nothing is stored nor published', async (_case, body, errorCode) => {
      const before = await counts();
      const response = await create(body, { 'Idempotency-Key': randomUUID() });
      expectError(response, 400, errorCode);
      expect(await counts()).toEqual(before);
    });

    it('when several business rules fail at once, then the first is the code and all are in the detail', async () => {
      const response = await create(
        buildContractRequest({ signedAt: addDays(todayInParis(), 3), payment: { mandate: { iban: 'DE89370400440532013001' } }, billing: { outstandingLimit: { amount: 1.001 } } }),
      );
      const [error] = expectError(response, 400, 'INVALID_DATES').errors;
      expect(error?.detail).toEqual(expect.stringContaining('/payment/mandate/iban'));
      expect(error?.detail).toEqual(expect.stringContaining('/billing/outstandingLimit/amount'));
    });

    it('when the same request is sent again with the same Idempotency-Key, then the same contract comes back and one event exists', async () => {
      const key = randomUUID();
      const request = buildContractRequest();
      const first = await create(request, { 'Idempotency-Key': key });
      const second = await create(request, { 'Idempotency-Key': key });

      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      const { rows } = await under.service.context.pool.query('select count(*)::int as events from outbox where message_key = $1', [first.body.contractRef]);
      expect(rows[0].events).toBe(1);
    });

    it('when the same request races under one Idempotency-Key, then exactly one contract is created', async () => {
      const key = randomUUID();
      const request = buildContractRequest();
      const before = await counts();
      const responses = await Promise.all(Array.from({ length: 6 }, () => create(request, { 'Idempotency-Key': key })));

      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(responses.map((response) => response.body.contractRef)).size).toBe(1);
      expect(await counts()).toEqual({ contracts: before!.contracts + 1, outbox: before!.outbox + 1, keys: before!.keys + 1 });
    });

    it('when an Idempotency-Key is reused for a different request, then 409 IDEMPOTENCY_KEY_REUSED and nothing new', async () => {
      const key = randomUUID();
      await create(buildContractRequest(), { 'Idempotency-Key': key });
      const before = await counts();
      expectError(await create(buildContractRequest(), { 'Idempotency-Key': key }), 409, 'IDEMPOTENCY_KEY_REUSED');
      expect(await counts()).toEqual(before);
    });

    it('when no token, a bad token or a token without contracts:write is used, then 401, 401 and 403', async () => {
      const body = buildContractRequest();
      expectError(await under.api.post('/v1/contracts').send(body), 401, 'UNAUTHORIZED');
      expectError(await under.api.post('/v1/contracts').set('Authorization', 'Bearer not.a.token').send(body), 401, 'UNAUTHORIZED');
      const reader = await under.token(['contracts:read']);
      expectError(await under.api.post('/v1/contracts').set('Authorization', `Bearer ${reader}`).send(body), 403, 'FORBIDDEN');
      const writerOnly = await under.token(['contracts:write']);
      expectError(await under.api.get('/v1/contracts').set('Authorization', `Bearer ${writerOnly}`), 403, 'FORBIDDEN');
      expectError(await under.api.post('/v1/contracts/CTR-2026-000001/activate').set('Authorization', `Bearer ${reader}`), 403, 'FORBIDDEN');
    });
  });

  describe('GET /v1/contracts/{contractRef}', () => {
    it('when the contract exists, then it is returned as created', async () => {
      const request = buildContractRequest();
      const { body } = await create(request);
      const response = await under.api.get(`/v1/contracts/${body.contractRef}`).set(auth());
      expect(response.status).toBe(200);
      expect(response.body).toEqual(body);
    });

    it('when the contract is unknown, then 404 CONTRACT_NOT_FOUND; when the reference is malformed, then 400', async () => {
      expectError(await under.api.get('/v1/contracts/CTR-1999-000001').set(auth()), 404, 'CONTRACT_NOT_FOUND');
      expectError(await under.api.get('/v1/contracts/nope').set(auth()), 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /v1/contracts', () => {
    it('when filtered by customerRef, then only that customer’s contracts come back, paginated in contractRef order', async () => {
      const customerRef = `CUST-LIST-${randomUUID()}`;
      const refs: string[] = [];
      for (let index = 0; index < 5; index += 1) refs.push((await created({ subscriber: { party: { customerRef } } })).contractRef);
      await act(refs[0]!, '/suspend', { reason: 'x' }); // CREATED cannot be suspended: stays CREATED
      await act(refs[1]!, '/terminate', { reason: 'customer left' });

      const page1 = await under.api.get('/v1/contracts').query({ customerRef, pageSize: 2 }).set(auth());
      const page3 = await under.api.get('/v1/contracts').query({ customerRef, pageSize: 2, page: 3 }).set(auth());
      expect(page1.status).toBe(200);
      expect(page1.body.contracts.map((contract: { contractRef: string }) => contract.contractRef)).toEqual([...refs].sort().slice(0, 2));
      expect(page1.body.metadata).toEqual({ query: `/v1/contracts?customerRef=${encodeURIComponent(customerRef)}&pageSize=2`, page: 1, pageSize: 2, countItems: 2, totalItems: 5, totalPages: 3 });
      expect(page3.body.contracts.map((contract: { contractRef: string }) => contract.contractRef)).toEqual([...refs].sort().slice(4));

      const terminated = await under.api.get('/v1/contracts').query({ customerRef, status: 'TERMINATED' }).set(auth());
      expect(terminated.body.contracts.map((contract: { contractRef: string }) => contract.contractRef)).toEqual([refs[1]]);
    });

    it('when filtered by subscriberRef, then its contracts come back', async () => {
      const request = buildContractRequest();
      const { body } = await create(request);
      const response = await under.api.get('/v1/contracts').query({ subscriberRef: request.subscriber.subscriberRef }).set(auth());
      expect(response.body.contracts).toEqual([body]);
      expect(response.body.metadata.totalItems).toBe(1);
    });

    it('when a filter or page size is out of range, then 400', async () => {
      expectError(await under.api.get('/v1/contracts').query({ status: 'DELETED' }).set(auth()), 400, 'VALIDATION_FAILED');
      expectError(await under.api.get('/v1/contracts').query({ pageSize: 1000 }).set(auth()), 400, 'VALIDATION_FAILED');
      expectError(await under.api.get('/v1/contracts').query({ colour: 'red' }).set(auth()), 400, 'VALIDATION_FAILED');
    });
  });

  describe('lifecycle actions', () => {
    it('when a contract goes CREATED → ACTIVE → SUSPENDED → ACTIVE → TERMINATED, then each step answers the new state and version', async () => {
      const { contractRef } = await created();
      const steps: Array<[string, object | undefined, string, number]> = [
        ['/activate', undefined, 'ACTIVE', 2],
        ['/suspend', { reason: 'unpaid invoice' }, 'SUSPENDED', 3],
        ['/reactivate', undefined, 'ACTIVE', 4],
        ['/terminate', { reason: 'customer left', effectiveDate: todayInParis() }, 'TERMINATED', 5],
      ];
      for (const [action, body, status, version] of steps) {
        const response = await act(contractRef, action, body);
        expect({ action, status: response.status, body: response.body.status, version: response.body.version }).toEqual({ action, status: 200, body: status, version });
      }
      const final = await under.api.get(`/v1/contracts/${contractRef}`).set(auth());
      expect(final.body).toMatchObject({ status: 'TERMINATED', statusReason: 'customer left', terminatedAt: todayInParis(), version: 5 });
    });

    it.each<[string, string, object | undefined]>([
      ['suspend a CREATED contract', '/suspend', { reason: 'x' }],
      ['reactivate a CREATED contract', '/reactivate', undefined],
    ])('when asked to %s, then 409 ILLEGAL_TRANSITION naming from and to, and nothing is published', async (_case, action, body) => {
      const { contractRef } = await created();
      const before = await counts();
      const [error] = expectError(await act(contractRef, action, body), 409, 'ILLEGAL_TRANSITION').errors;
      expect(error?.message).toMatch(/CREATED → (SUSPENDED|ACTIVE)/);
      expect(await counts()).toEqual(before);
    });

    it('when a terminated contract is changed in any way, then every change is refused as TERMINATED being final', async () => {
      const { contractRef } = await created();
      await act(contractRef, '/terminate', { reason: 'customer left' });
      const before = await counts();
      const attempts = [
        act(contractRef, '/activate'),
        act(contractRef, '/suspend', { reason: 'x' }),
        act(contractRef, '/reactivate'),
        act(contractRef, '/terminate', { reason: 'again' }),
        act(contractRef, '/mandate', buildContractRequest().payment.mandate, 'put'),
        act(contractRef, '/mandate/revoke', { reason: 'x' }),
        act(contractRef, '/outstanding-limit', { amount: 10, currency: 'EUR' }, 'put'),
      ];
      for (const response of await Promise.all(attempts)) {
        const [error] = expectError(response, 409, 'ILLEGAL_TRANSITION').errors;
        expect(error?.message).toContain('TERMINATED is final');
      }
      expect(await counts()).toEqual(before);
    });

    it('when the mandate is pending signature, then activation is refused until a signed mandate replaces it', async () => {
      const { contractRef } = await created({ payment: { mandate: { status: 'PENDING_SIGNATURE', signedAt: undefined } } });
      expectError(await act(contractRef, '/activate'), 409, 'MANDATE_NOT_ACTIVE');

      const mandate: ContractRequest['payment']['mandate'] = { mandateRef: 'RUM-NEW-1', iban: 'DE89370400440532013000', signedAt: todayInParis(), status: 'ACTIVE' };
      const replaced = await act(contractRef, '/mandate', mandate, 'put');
      expect(replaced.status).toBe(200);
      expect(replaced.body.payment.mandate).toEqual(mandate);
      expect((await act(contractRef, '/activate')).body).toMatchObject({ status: 'ACTIVE', version: 3 });
    });

    it('when the mandate is revoked, then it shows REVOKED with date and reason, and a second revocation is refused', async () => {
      const { contractRef } = await created();
      const revoked = await act(contractRef, '/mandate/revoke', { reason: 'account closed' });
      expect(revoked.body.payment.mandate).toMatchObject({ status: 'REVOKED', revokedAt: todayInParis(), revocationReason: 'account closed' });
      expectError(await act(contractRef, '/mandate/revoke', { reason: 'again' }), 409, 'MANDATE_ALREADY_REVOKED');
      expectError(await act(contractRef, '/activate'), 409, 'MANDATE_NOT_ACTIVE');
    });

    it('when a French IBAN has the wrong length, then the message says how long a French IBAN is', async () => {
      const before = await counts();
      const [error] = expectError(await create(buildContractRequest({ payment: { mandate: { iban: 'FR6930006000011' } } })), 400, 'INVALID_IBAN').errors;
      expect(error?.message).toBe('IBAN FR6930006000011 has 15 characters; an IBAN of FR has 27.');
      expect(await counts()).toEqual(before);
    });

    it('when no BIC is given, then the mandate is accepted without one', async () => {
      const request = buildContractRequest();
      const { bic: _bic, ...mandate } = request.payment.mandate;
      const response = await create({ ...request, payment: { mandate } });
      expect(response.status).toBe(201);
      expect(response.body.payment.mandate.bic).toBeUndefined();
    });

    it("when a contract is created with another contract's mandate reference, then 409 MANDATE_REF_IN_USE and nothing is written", async () => {
      const first = await created();
      const before = await counts();
      const response = await create(buildContractRequest({ payment: { mandate: { mandateRef: first.payment.mandate.mandateRef } } }), { 'Idempotency-Key': randomUUID() });
      const [error] = expectError(response, 409, 'MANDATE_REF_IN_USE').errors;
      expect(error?.message).toContain(first.payment.mandate.mandateRef);
      expect(await counts()).toEqual(before);
    });

    it("when a mandate is replaced by one with another contract's reference, then 409 MANDATE_REF_IN_USE; its own reference may be kept", async () => {
      const [first, second] = [await created(), await created()];
      const taken = { ...second.payment.mandate, mandateRef: first.payment.mandate.mandateRef };
      expectError(await act(second.contractRef, '/mandate', taken, 'put'), 409, 'MANDATE_REF_IN_USE');
      const kept = await act(second.contractRef, '/mandate', { ...second.payment.mandate, iban: 'DE89370400440532013000' }, 'put');
      expect(kept.status).toBe(200);
    });

    it('when two contracts are created at once with the same mandate reference, then one is created and the other gets 409', async () => {
      const mandateRef = `RUM-RACE-${randomUUID().slice(0, 8)}`;
      const responses = await Promise.all([1, 2].map(() => create(buildContractRequest({ payment: { mandate: { mandateRef } } }))));
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    });

    it('when a replacement mandate has a bad IBAN, then 400 INVALID_IBAN', async () => {
      const { contractRef } = await created();
      const mandate = { mandateRef: 'RUM-BAD', iban: 'GB29NWBK60161331926891', status: 'ACTIVE', signedAt: todayInParis() };
      expectError(await act(contractRef, '/mandate', mandate, 'put'), 400, 'INVALID_IBAN');
    });

    it('when the limit changes, then the new amount shows; a currency change, zero or extra decimals are refused', async () => {
      const { contractRef } = await created();
      const changed = await act(contractRef, '/outstanding-limit', { amount: 2500.75, currency: 'EUR' }, 'put');
      expect(changed.body.billing.outstandingLimit).toEqual({ amount: 2500.75, currency: 'EUR' });
      expectError(await act(contractRef, '/outstanding-limit', { amount: 2500, currency: 'USD' }, 'put'), 409, 'CURRENCY_CHANGE_REFUSED');
      expectError(await act(contractRef, '/outstanding-limit', { amount: 0, currency: 'EUR' }, 'put'), 400, 'VALIDATION_FAILED');
      expectError(await act(contractRef, '/outstanding-limit', { amount: 1.234, currency: 'EUR' }, 'put'), 400, 'INVALID_AMOUNT');
    });

    it('when a contract is created without a language, then it is French; one created in English can change back to French', async () => {
      const french = await created();
      expect(french.language).toBe('fr');
      const english = await create(buildContractRequest({ language: 'en' }));
      expect(english.status).toBe(201);
      expect(english.body.language).toBe('en');
      const changed = await act(english.body.contractRef, '/language', { language: 'fr', reason: 'new accountant' }, 'put');
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ language: 'fr', version: 2 });
      expect((await under.api.get(`/v1/contracts/${english.body.contractRef}`).set(auth())).body.language).toBe('fr');
      expectError(await act(english.body.contractRef, '/language', { language: 'de' }, 'put'), 400, 'VALIDATION_FAILED');
      expectError(await create(buildContractRequest({ language: 'es' as never })), 400, 'VALIDATION_FAILED');
    });

    it('when termination is dated in the future or before creation, then 400 INVALID_EFFECTIVE_DATE', async () => {
      const { contractRef } = await created();
      expectError(await act(contractRef, '/terminate', { reason: 'x', effectiveDate: addDays(todayInParis(), 1) }), 400, 'INVALID_EFFECTIVE_DATE');
      expectError(await act(contractRef, '/terminate', { reason: 'x', effectiveDate: addDays(todayInParis(), -1) }), 400, 'INVALID_EFFECTIVE_DATE');
    });

    it('when the contract is unknown, then 404 CONTRACT_NOT_FOUND; when the body is missing its reason, then 400', async () => {
      expectError(await act('CTR-1999-000001', '/activate'), 404, 'CONTRACT_NOT_FOUND');
      const { contractRef } = await created();
      expectError(await act(contractRef, '/suspend', {}), 400, 'VALIDATION_FAILED');
    });
  });
});
