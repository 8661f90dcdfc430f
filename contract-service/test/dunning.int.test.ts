import type { contractApi } from '@boissipay/contracts';
import { waitFor } from '@boissipay/runtime/testing';
import { buildPaymentResult, startSettlementPublisher, type PaymentResultEvent, type SettlementPublisher } from '../../billing-service/test/support/settlement-events';
import { expireLapsedMandates } from '../src/app/expire-contracts';
import { addDays } from '../src/domain/dates';
import { lapseDateOf } from '../src/domain/mandate-expiry';
import { buildContractRequest, todayInParis } from './support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from './support/contract-service-under-test';
import { startLifecycleEventCollector, type LifecycleEventCollector } from './support/lifecycle-events';

type ContractResponse = contractApi.components['schemas']['ContractResponse'];

/** Dunning against the real service: payment.result.v1 published on its topic, its contracts read back through the API and its events. */
describe('dunning: a failed direct debit suspends the contract', () => {
  let under: ContractServiceUnderTest;
  let payments: SettlementPublisher;
  let collector: LifecycleEventCollector;

  beforeAll(async () => {
    under = await startContractService();
    [payments, collector] = await Promise.all([startSettlementPublisher(under.topicPrefix), startLifecycleEventCollector(under.topicPrefix)]);
  });
  afterAll(async () => {
    await collector?.stop();
    await payments?.stop();
    await under?.stop();
  });

  const auth = () => ({ Authorization: `Bearer ${under.writer}` });
  const read = async (contractRef: string): Promise<ContractResponse> => (await under.api.get(`/v1/contracts/${contractRef}`).set(auth())).body;
  async function activeContract(): Promise<ContractResponse> {
    const created = await under.api.post('/v1/contracts').set(auth()).send(buildContractRequest());
    expect(created.status).toBe(201);
    const activated = await under.api.post(`/v1/contracts/${created.body.contractRef}/activate`).set(auth()).send({});
    expect(activated.status).toBe(200);
    return activated.body;
  }
  const failedDebit = (contractRef: string, reasonCode: string, overrides: Partial<PaymentResultEvent> = {}) =>
    buildPaymentResult(
      { contractRef, invoiceRef: 'BIL-2026-000042', totalWithTaxMinor: 245_240 },
      { status: 'FAILED', reasonCode, reasonMessage: 'AM04 insufficient funds on the debtor account', settledAt: null, ...overrides },
    );
  const processed = async (eventId: string) =>
    ((await under.service.context.pool.query('select 1 from processed_events where event_id = $1', [eventId])).rowCount ?? 0) > 0;
  /** Publishes, then waits until the service has consumed every one of `results`. */
  async function delivered(...results: PaymentResultEvent[]): Promise<void> {
    await payments.publishPayments(...results);
    for (const result of results) await waitFor(() => processed(result.eventId), { description: `payment result ${result.eventId} consumed` });
  }

  it('when a debit fails for insufficient funds, then the contract is SUSPENDED once, with the invoice and reason, by an event caused by the payment result, audited as the dunning job', async () => {
    const contract = await activeContract();
    const result = failedDebit(contract.contractRef, 'INSUFFICIENT_FUNDS');

    await delivered(result, result);

    const suspended = await read(contract.contractRef);
    expect(suspended).toMatchObject({
      status: 'SUSPENDED',
      version: contract.version + 1,
      statusReason: 'Direct debit of invoice BIL-2026-000042 failed: INSUFFICIENT_FUNDS (AM04 insufficient funds on the debtor account)',
    });
    const events = await waitFor(async () => {
      const all = await collector.eventsOf(contract.contractId, contract.contractRef);
      return all.some((event) => event.type === 'SUSPENDED') && all;
    });
    expect(events.map((event) => [event.type, event.version, event.causationId])).toEqual([
      ['SUBSCRIBED', 1, null],
      ['ACTIVATED', 2, null],
      ['SUSPENDED', 3, result.eventId],
    ]);
    expect(events[2]?.reason).toBe(suspended.statusReason);
    expect(events[2]?.changedBy).toBe('system:dunning');
    // Delivered twice, applied and audited once.
    const audited = await under.service.context.pool.query(
      "select action, actor_subject, actor_scopes, reason from audit_events where entity_type = 'contract' and entity_id = $1 and action = 'SUSPEND'",
      [contract.contractRef],
    );
    expect(audited.rows).toEqual([{ action: 'SUSPEND', actor_subject: 'system:dunning', actor_scopes: [], reason: suspended.statusReason }]);
  });

  it('when a settled debit is returned by the debtor\'s bank, then the contract is SUSPENDED as for a refusal, once', async () => {
    const contract = await activeContract();
    const returned = failedDebit(contract.contractRef, 'INSUFFICIENT_FUNDS', {
      status: 'RETURNED',
      reasonMessage: 'SEPA AM04: insufficient funds on the debtor account',
      settledAt: '2026-11-05T05:00:00.000Z',
      returnReasonCode: 'AM04',
      returnedAt: '2026-11-09T10:00:00.000Z',
    });
    await delivered(returned, returned);
    expect(await read(contract.contractRef)).toMatchObject({
      status: 'SUSPENDED',
      version: contract.version + 1,
      statusReason: 'Direct debit of invoice BIL-2026-000042 was returned: INSUFFICIENT_FUNDS (SEPA AM04: insufficient funds on the debtor account)',
    });
  });

  it('when a debit succeeds or fails on the payment provider\'s side, then the contract stays ACTIVE', async () => {
    const contract = await activeContract();
    const paid = buildPaymentResult({ contractRef: contract.contractRef, invoiceRef: 'BIL-2026-000043', totalWithTaxMinor: 1_000 });
    const unavailable = failedDebit(contract.contractRef, 'PROVIDER_UNAVAILABLE', { reasonMessage: 'the provider is temporarily unavailable' });

    await delivered(paid, unavailable);

    expect(await read(contract.contractRef)).toMatchObject({ status: 'ACTIVE', version: contract.version });
  });

  it('when the contract is no longer ACTIVE, or unknown here, then a failed debit is consumed and changes nothing', async () => {
    const contract = await activeContract();
    expect((await under.api.post(`/v1/contracts/${contract.contractRef}/terminate`).set(auth()).send({ reason: 'customer left' })).status).toBe(200);
    const terminated = await read(contract.contractRef);

    await delivered(failedDebit(contract.contractRef, 'ACCOUNT_CLOSED'), failedDebit('CTR-2026-999999999', 'INSUFFICIENT_FUNDS'));

    expect(await read(contract.contractRef)).toEqual(terminated);
  });

  it('when a mandate has no collection for 36 months, then it is revoked as expired with its event; a successful debit starts the 36 months again', async () => {
    const today = todayInParis();
    const [unused, used] = [await activeContract(), await activeContract()];
    const collectedOn = addDays(today, 400);
    await delivered(
      buildPaymentResult(
        { contractRef: used.contractRef, invoiceRef: 'BIL-2027-000001', totalWithTaxMinor: 10_000 },
        { mandateRef: used.payment.mandate.mandateRef, settledAt: `${collectedOn}T09:00:00.000Z` },
      ),
    );

    const lapseDate = lapseDateOf(today);
    expect(await expireLapsedMandates(under.dependencies(), addDays(lapseDate, -1))).not.toEqual(expect.arrayContaining([unused.contractRef]));
    const lapsed = await expireLapsedMandates(under.dependencies(), lapseDate);
    expect(lapsed).toContain(unused.contractRef);
    expect(lapsed).not.toContain(used.contractRef);

    expect((await read(unused.contractRef)).payment.mandate).toMatchObject({
      status: 'REVOKED',
      revokedAt: lapseDate,
      revocationReason: `Expired: no collection for 36 months since its signature on ${today} (SEPA rulebook); a new mandate must be signed.`,
    });
    expect((await read(used.contractRef)).payment.mandate).toMatchObject({ status: 'ACTIVE', lastCollectedOn: collectedOn });
    const events = await waitFor(async () => {
      const all = await collector.eventsOf(unused.contractId, unused.contractRef);
      return all.some((event) => event.type === 'MANDATE_REVOKED') && all;
    });
    expect(events.map((event) => event.type)).toEqual(['SUBSCRIBED', 'ACTIVATED', 'MANDATE_REVOKED']);
    // Once revoked, it is not revoked again.
    expect(await expireLapsedMandates(under.dependencies(), addDays(lapseDate, 1))).not.toContain(unused.contractRef);
    expect(await expireLapsedMandates(under.dependencies(), lapseDateOf(collectedOn))).toContain(used.contractRef);
  });
});
