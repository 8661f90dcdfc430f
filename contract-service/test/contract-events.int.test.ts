import { waitFor } from '@boissipay/runtime/testing';
import type { contractApi } from '@boissipay/contracts';
import { startSchedules } from '@boissipay/runtime';
import { expireContracts } from '../src/app/expire-contracts';
import { addDays } from '../src/domain/dates';
import { contractExpirySchedule } from '../src/infra/contract-expiry.schedule';
import { buildContractRequest, todayInParis } from './support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from './support/contract-service-under-test';
import { startLifecycleEventCollector, type LifecycleEvent, type LifecycleEventCollector } from './support/lifecycle-events';

type ContractResponse = contractApi.components['schemas']['ContractResponse'];

describe('contract.lifecycle.v1 events', () => {
  let under: ContractServiceUnderTest;
  let collector: LifecycleEventCollector;
  /** Every contract this file creates, for the rebuild test at the end. */
  const mine = new Map<string, string>();

  const auth = () => ({ Authorization: `Bearer ${under.writer}` });
  const create = async (overrides: Parameters<typeof buildContractRequest>[0] = {}): Promise<ContractResponse> => {
    const response = await under.api.post('/v1/contracts').set(auth()).send(buildContractRequest(overrides));
    expect(response.status).toBe(201);
    mine.set(response.body.contractRef, response.body.contractId);
    return response.body;
  };
  const act = (contractRef: string, action: string, body?: object, method: 'post' | 'put' = 'post') =>
    under.api[method](`/v1/contracts/${contractRef}${action}`).set(auth()).send(body);
  const read = async (contractRef: string): Promise<ContractResponse> => (await under.api.get(`/v1/contracts/${contractRef}`).set(auth())).body;
  /** Waits until Kafka holds the contract's events up to `version`, and returns them all. */
  const eventsUpTo = (contract: { contractId: string; contractRef: string }, version: number) =>
    waitFor(
      async () => {
        const events = await collector.eventsOf(contract.contractId, contract.contractRef);
        return events.some((event) => event.version >= version) && events;
      },
      { timeoutMs: 20_000, description: `events of ${contract.contractRef} up to version ${version}` },
    );

  beforeAll(async () => {
    under = await startContractService();
    collector = await startLifecycleEventCollector(under.topicPrefix);
  });
  afterAll(async () => {
    await collector?.stop();
    await under?.stop();
  });

  it('when a contract goes through every kind of change, then each publishes exactly one event, in order, with the full state after it', async () => {
    const contract = await create();
    const ref = contract.contractRef;
    const newMandate = { mandateRef: 'RUM-REPLACED', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', signedAt: todayInParis(), status: 'ACTIVE' };
    for (const [action, body, method] of [
      ['/activate'],
      ['/suspend', { reason: 'unpaid invoice' }],
      ['/reactivate'],
      ['/mandate', newMandate, 'put'],
      ['/mandate/revoke', { reason: 'account closed' }],
      ['/outstanding-limit', { amount: 999.99, currency: 'EUR' }, 'put'],
      ['/language', { language: 'en', reason: 'accounts team in London' }, 'put'],
      ['/terminate', { reason: 'customer left' }],
    ] as Array<[string, object?, ('post' | 'put')?]>) {
      expect((await act(ref, action, body, method)).status).toBe(200);
    }

    const events = await eventsUpTo(contract, 9);
    expect(events.map((event) => [event.version, event.type, event.contract.status, event.reason])).toEqual([
      [1, 'SUBSCRIBED', 'CREATED', null],
      [2, 'ACTIVATED', 'ACTIVE', null],
      [3, 'SUSPENDED', 'SUSPENDED', 'unpaid invoice'],
      [4, 'REACTIVATED', 'ACTIVE', null],
      [5, 'MANDATE_CHANGED', 'ACTIVE', null],
      [6, 'MANDATE_REVOKED', 'ACTIVE', 'account closed'],
      [7, 'LIMIT_CHANGED', 'ACTIVE', null],
      [8, 'LANGUAGE_CHANGED', 'ACTIVE', 'accounts team in London'],
      [9, 'TERMINATED', 'TERMINATED', 'customer left'],
    ]);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(9);
    for (const event of events) {
      expect(event.contractRef).toBe(ref);
      expect(event.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(event.correlationId).toEqual(expect.any(String));
    }
    expect(events[4]?.contract.mandate).toEqual({ ...newMandate, revokedAt: null });
    expect(events[5]?.contract.mandate).toMatchObject({ mandateRef: 'RUM-REPLACED', status: 'REVOKED', revokedAt: todayInParis() });
    expect(events[6]?.contract.outstandingLimit).toEqual({ amountMinor: 99_999, currency: 'EUR' });
    expect(events.slice(0, 7).map((event) => event.contract.language)).toEqual(Array(7).fill('fr'));
    expect(events.slice(7).map((event) => event.contract.language)).toEqual(['en', 'en']);
    expect(events[8]?.contract.terminatedAt).toBe(todayInParis());
  });

  it('when a request carries a correlation id, then its event carries it too', async () => {
    const response = await under.api.post('/v1/contracts').set(auth()).set('x-correlation-id', 'corr-contract-events').send(buildContractRequest());
    mine.set(response.body.contractRef, response.body.contractId);
    const [event] = await eventsUpTo(response.body, 1);
    expect(event).toMatchObject({ type: 'SUBSCRIBED', correlationId: 'corr-contract-events', causationId: null });
  });

  it('when the expiry job runs on a day after expireAt, then ACTIVE and SUSPENDED contracts become EXPIRED and publish it; others stay', async () => {
    const expireAt = addDays(todayInParis(), 30);
    const active = await create({ expireAt });
    const suspended = await create({ expireAt });
    const created = await create({ expireAt });
    const later = await create({ expireAt: addDays(expireAt, 1) });
    for (const contract of [active, suspended, later]) await act(contract.contractRef, '/activate');
    await act(suspended.contractRef, '/suspend', { reason: 'unpaid invoice' });

    const onLastDay = await expireContracts(under.dependencies(), expireAt);
    expect(onLastDay).not.toContain(active.contractRef);
    const expired = await expireContracts(under.dependencies(), addDays(expireAt, 1));
    expect(expired).toEqual(expect.arrayContaining([active.contractRef, suspended.contractRef]));
    expect(expired).not.toContain(created.contractRef);
    expect(expired).not.toContain(later.contractRef);
    expect(await expireContracts(under.dependencies(), addDays(expireAt, 1))).toEqual([]);

    expect(await read(active.contractRef)).toMatchObject({ status: 'EXPIRED', statusReason: 'validity ended', version: 3 });
    expect(await read(suspended.contractRef)).toMatchObject({ status: 'EXPIRED', version: 4 });
    expect(await read(created.contractRef)).toMatchObject({ status: 'CREATED', version: 1 });
    const events = await eventsUpTo(active, 3);
    expect(events.map((event) => event.type)).toEqual(['SUBSCRIBED', 'ACTIVATED', 'EXPIRED']);
    expect(events[2]).toMatchObject({ reason: 'validity ended', contract: { status: 'EXPIRED' } });
    expect((await eventsUpTo(suspended, 4)).at(-1)).toMatchObject({ type: 'EXPIRED', version: 4 });

    const [error] = (await act(active.contractRef, '/reactivate')).body.errors;
    expect(error).toMatchObject({ errorCode: 'ILLEGAL_TRANSITION', message: expect.stringContaining('EXPIRED is final') });
  });

  it('when the scheduler starts after a contract’s validity ended, then its start-up check expires it at once', async () => {
    const expireAt = addDays(todayInParis(), 10);
    const contract = await create({ expireAt });
    await act(contract.contractRef, '/activate');
    const twoWeeksLater = new Date(Date.now() + 14 * 24 * 3600 * 1000);
    const { logger } = under.service.context;
    const job = await startSchedules([contractExpirySchedule(under.dependencies(() => twoWeeksLater), { cron: '0 0 1 1 *', logger })], logger);
    await job.stop();
    expect(await read(contract.contractRef)).toMatchObject({ status: 'EXPIRED' });
    expect((await eventsUpTo(contract, 3)).at(-1)).toMatchObject({ type: 'EXPIRED' });
  });

  it('when 20 changes race on one contract, then versions are contiguous, unique and in order in the database and on Kafka', async () => {
    const contract = await create();
    await act(contract.contractRef, '/activate');
    const changes = Array.from({ length: 20 }, (_, index) => {
      if (index % 7 === 3) return act(contract.contractRef, '/suspend', { reason: `race ${index}` });
      if (index % 7 === 5) return act(contract.contractRef, '/reactivate');
      return act(contract.contractRef, '/outstanding-limit', { amount: 1000 + index, currency: 'EUR' }, 'put');
    });
    const responses = await Promise.all(changes);
    // Suspensions and reactivations may find the contract in the wrong state: refused, nothing published.
    expect(responses.every((response) => response.status === 200 || (response.status === 409 && response.body.errors[0].errorCode === 'ILLEGAL_TRANSITION'))).toBe(true);
    const accepted = responses.filter((response) => response.status === 200);
    const lastVersion = 2 + accepted.length;
    expect(accepted.map((response) => response.body.version).sort((a, b) => a - b)).toEqual(range(3, lastVersion));
    expect((await read(contract.contractRef)).version).toBe(lastVersion);

    const { rows } = await under.service.context.pool.query<{ version: number }>(
      "select (payload->>'version')::int as version from outbox where message_key = $1 order by id",
      [contract.contractRef],
    );
    expect(rows.map((row) => row.version)).toEqual(range(1, lastVersion));
    const events = await eventsUpTo(contract, lastVersion);
    expect(events.map((event) => event.version)).toEqual(range(1, lastVersion));
  });

  it('when a new reader folds the topic from the beginning, then it rebuilds every contract of this file exactly as the API shows it', async () => {
    const contracts = [...mine].map(([contractRef, contractId]) => ({ contractRef, contractId }));
    const current = await Promise.all(contracts.map((contract) => read(contract.contractRef)));

    const rebuilt = await Promise.all(
      contracts.map(async (contract, index) => fold(await eventsUpTo(contract, current[index]!.version))),
    );
    expect(rebuilt).toEqual(current.map(expectedStateOf));
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** What a projection keeps, from events alone: the latest snapshot, its version, and why the status is what it is. */
function fold(events: LifecycleEvent[]) {
  let state: { version: number; statusReason: string | null; snapshot: LifecycleEvent['contract'] } | undefined;
  for (const event of events) {
    if (state && event.version <= state.version) continue;
    const statusReason = ['SUSPENDED', 'TERMINATED', 'EXPIRED'].includes(event.type)
      ? event.reason
      : ['ACTIVATED', 'REACTIVATED'].includes(event.type)
        ? null
        : (state?.statusReason ?? null);
    state = { version: event.version, statusReason, snapshot: event.contract };
  }
  return state;
}

/** The API's view of a contract in the event's vocabulary (minor units, flat subscriber, six-line address). */
function expectedStateOf(contract: ContractResponse) {
  const { subscriber, payment, billing } = contract;
  const address = subscriber.billingAddress;
  const [whole, fraction = ''] = String(billing.outstandingLimit.amount).split('.');
  return {
    version: contract.version,
    statusReason: contract.statusReason ?? null,
    snapshot: {
      contractId: contract.contractId,
      contractRef: contract.contractRef,
      productRef: contract.productRef,
      contractType: contract.contractType,
      status: contract.status,
      createdAt: contract.createdAt,
      signedAt: contract.signedAt ?? null,
      activatedAt: contract.activatedAt,
      expireAt: contract.expireAt,
      terminatedAt: contract.terminatedAt ?? null,
      subscriber: {
        subscriberRef: subscriber.subscriberRef,
        subscriberType: subscriber.subscriberType,
        customerId: subscriber.party?.customerId ?? null,
        customerRef: subscriber.party?.customerRef ?? null,
        siren: subscriber.eInvoicing?.siren ?? null,
        vatNumber: subscriber.eInvoicing?.vatNumber ?? null,
      },
      distributorRef: contract.distributor.distributorRef,
      billingContact: { firstName: billing.contact.firstName, lastName: billing.contact.lastName, email: billing.contact.mail, phone: billing.contact.phone ?? null },
      billingAddress: {
        line1: address.line1,
        line2: address.line2 ?? '',
        line3: address.line3 ?? '',
        line4: address.line4 ?? '',
        line5: address.line5 ?? '',
        line6: address.line6,
        country: address.countryCode ?? 'FR',
      },
      mandate: {
        mandateRef: payment.mandate.mandateRef,
        iban: payment.mandate.iban,
        bic: payment.mandate.bic ?? null,
        signedAt: payment.mandate.signedAt ?? null,
        status: payment.mandate.status,
        revokedAt: payment.mandate.revokedAt ?? null,
      },
      // EUR: two decimals, converted as text so the expectation does not lean on the code under test.
      outstandingLimit: { amountMinor: Number(whole + fraction.padEnd(2, '0')), currency: billing.outstandingLimit.currency },
      language: contract.language,
    },
  };
}
