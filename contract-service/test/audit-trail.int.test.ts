import { randomUUID } from 'node:crypto';
import { expectAuditEventsGuarded, readAuditEvents, waitFor } from '@boissipay/runtime/testing';
import { expireContracts } from '../src/app/expire-contracts';
import { addDays } from '../src/domain/dates';
import { buildContractRequest, todayInParis } from './support/contract-factory';
import { startContractService, type ContractServiceUnderTest } from './support/contract-service-under-test';
import { startLifecycleEventCollector, type LifecycleEventCollector } from './support/lifecycle-events';

const OPERATOR = 'operator-jane';
const OPERATOR_SCOPES = ['contracts:read', 'contracts:write'];

describe('contract audit trail', () => {
  let under: ContractServiceUnderTest;
  let collector: LifecycleEventCollector;
  let operator: string;
  let auditor: string;

  const send = (method: 'post' | 'put', path: string, requestId: string, body?: object, headers: Record<string, string> = {}) =>
    under.api[method](path).set({ Authorization: `Bearer ${operator}`, 'X-Correlation-Id': requestId, ...headers }).send(body);
  const createContract = async (requestId: string = randomUUID(), headers: Record<string, string> = {}, body: object = buildContractRequest()) => {
    const response = await send('post', '/v1/contracts', requestId, body, headers);
    expect(response.status).toBe(201);
    return response.body as { contractRef: string; contractId: string };
  };
  const auditCount = async () => (await under.service.context.pool.query<{ n: number }>('select count(*)::int as n from audit_events')).rows[0]?.n;
  const trailOf = (contractRef: string, query: Record<string, string | number> = {}) =>
    readAuditEvents(under.api, auditor, { entityType: 'contract', entityId: contractRef, ...query });

  beforeAll(async () => {
    under = await startContractService();
    collector = await startLifecycleEventCollector(under.topicPrefix);
    operator = await under.token(OPERATOR_SCOPES, OPERATOR);
    auditor = await under.token(['audit:read'], 'auditor-bob');
  });
  afterAll(async () => {
    await collector?.stop();
    await under?.stop();
  });

  it('when an operator creates a contract, activates, suspends it and changes its limit, then each change is readable with the subject, scopes, request id, reason and the changed fields', async () => {
    const contract = await createContract('req-create-1');
    const ref = contract.contractRef;
    expect((await send('post', `/v1/contracts/${ref}/activate`, 'req-activate-1', { reason: 'documents checked' })).status).toBe(200);
    expect((await send('post', `/v1/contracts/${ref}/suspend`, 'req-suspend-1', { reason: 'unpaid invoice' })).status).toBe(200);
    expect((await send('put', `/v1/contracts/${ref}/outstanding-limit`, 'req-limit-1', { amount: 2000, currency: 'EUR', reason: 'credit review' })).status).toBe(200);

    const { auditEvents, metadata } = await trailOf(ref);

    expect(metadata).toMatchObject({ page: 1, countItems: 4, totalItems: 4, totalPages: 1 });
    const actor = { subject: OPERATOR, scopes: OPERATOR_SCOPES };
    const common = { entityType: 'contract', entityId: ref, actor, auditEventId: expect.any(String), occurredAt: expect.any(String) };
    expect(auditEvents).toEqual([
      {
        ...common,
        action: 'CHANGE_LIMIT',
        requestId: 'req-limit-1',
        reason: 'credit review',
        before: { version: 3, outstandingLimit: { amountMinor: 1_500_050, currency: 'EUR' } },
        after: { version: 4, outstandingLimit: { amountMinor: 200_000, currency: 'EUR' } },
      },
      {
        ...common,
        action: 'SUSPEND',
        requestId: 'req-suspend-1',
        reason: 'unpaid invoice',
        before: { version: 2, status: 'ACTIVE', statusReason: null },
        after: { version: 3, status: 'SUSPENDED', statusReason: 'unpaid invoice' },
      },
      {
        ...common,
        action: 'ACTIVATE',
        requestId: 'req-activate-1',
        reason: 'documents checked',
        before: { version: 1, status: 'CREATED' },
        after: { version: 2, status: 'ACTIVE' },
      },
      {
        ...common,
        action: 'SUBSCRIBE',
        requestId: 'req-create-1',
        after: expect.objectContaining({ version: 1, status: 'CREATED', mandate: expect.objectContaining({ status: 'ACTIVE' }) }),
      },
    ]);
    // A summary, not the contract: no IBAN, no contact, no address.
    const created = JSON.stringify(auditEvents[3]);
    for (const personal of ['FR7630006000011234567890189', 'john.doe@acme.example', 'billing@acme.example', 'rue de la Paix']) expect(created).not.toContain(personal);
  });

  it('when a contract changes, then its lifecycle event on Kafka says who changed it and why', async () => {
    const contract = await createContract();
    await send('post', `/v1/contracts/${contract.contractRef}/activate`, randomUUID(), { reason: 'signed mandate received' });
    await send('put', `/v1/contracts/${contract.contractRef}/mandate`, randomUUID(), {
      mandateRef: 'RUM-NEW-1',
      iban: 'DE89370400440532013000',
      signedAt: todayInParis(),
      status: 'ACTIVE',
      reason: 'bank changed',
    });

    const events = await waitFor(
      async () => {
        const events = await collector.eventsOf(contract.contractId, contract.contractRef);
        return events.length >= 3 && events;
      },
      { timeoutMs: 20_000, description: `three events of ${contract.contractRef}` },
    );
    expect(events.map((event) => [event.type, event.changedBy, event.reason])).toEqual([
      ['SUBSCRIBED', OPERATOR, null],
      ['ACTIVATED', OPERATOR, 'signed mandate received'],
      ['MANDATE_CHANGED', OPERATOR, 'bank changed'],
    ]);
  });

  it('when activate comes without a body, as before, then it still works and records no reason', async () => {
    const { contractRef } = await createContract();
    expect((await send('post', `/v1/contracts/${contractRef}/activate`, randomUUID())).status).toBe(200);
    const [activation] = (await trailOf(contractRef, { pageSize: 1 })).auditEvents;
    expect(activation).toMatchObject({ action: 'ACTIVATE' });
    expect(activation).not.toHaveProperty('reason');
  });

  it('when the list is filtered by time and read page by page, then it returns exactly the events of the window, newest first, without overlap', async () => {
    const { contractRef } = await createContract();
    await send('post', `/v1/contracts/${contractRef}/activate`, randomUUID());
    await send('post', `/v1/contracts/${contractRef}/suspend`, randomUUID(), { reason: 'one' });
    await send('post', `/v1/contracts/${contractRef}/reactivate`, randomUUID(), { reason: 'two' });
    await send('post', `/v1/contracts/${contractRef}/terminate`, randomUUID(), { reason: 'three' });
    const all = (await trailOf(contractRef)).auditEvents;
    expect(all.map((event) => event.action)).toEqual(['TERMINATE', 'REACTIVATE', 'SUSPEND', 'ACTIVATE', 'SUBSCRIBE']);

    const pages = [await trailOf(contractRef, { pageSize: 2, page: 1 }), await trailOf(contractRef, { pageSize: 2, page: 2 }), await trailOf(contractRef, { pageSize: 2, page: 3 })];
    expect(pages.flatMap((page) => page.auditEvents.map((event) => event.auditEventId))).toEqual(all.map((event) => event.auditEventId));
    expect(pages[0]?.metadata).toMatchObject({ page: 1, pageSize: 2, countItems: 2, totalItems: 5, totalPages: 3 });

    // from is inclusive, to exclusive: [ACTIVATE, TERMINATE) holds ACTIVATE, SUSPEND and REACTIVATE.
    const activate = all[3]?.occurredAt ?? '';
    const terminate = all[0]?.occurredAt ?? '';
    expect(activate < terminate).toBe(true);
    const window = (await trailOf(contractRef, { from: activate, to: terminate })).auditEvents;
    expect(window.map((event) => event.action)).toEqual(all.filter((event) => event.occurredAt >= activate && event.occurredAt < terminate).map((event) => event.action));
    expect(window.map((event) => event.action)).toContain('ACTIVATE');
    expect(window.map((event) => event.action)).not.toContain('TERMINATE');

    // Without entityId, entityType alone matches every contract's events.
    expect((await readAuditEvents(under.api, auditor, { entityType: 'contract' })).metadata.totalItems).toBeGreaterThan(5);
    expect((await readAuditEvents(under.api, auditor, { entityType: 'payment' })).metadata.totalItems).toBe(0);
  });

  it('when the caller has no token or lacks audit:read, then the list answers 401 or 403', async () => {
    await expectAuditEventsGuarded(under.api, operator);
  });

  it('when a request is refused (400 or 409) or replayed with its Idempotency-Key, then nothing new is recorded', async () => {
    const key = randomUUID();
    const body = buildContractRequest();
    const { contractRef } = await createContract(randomUUID(), { 'Idempotency-Key': key }, body);
    const before = await auditCount();

    const replay = await send('post', '/v1/contracts', randomUUID(), body, { 'Idempotency-Key': key });
    expect(replay.status).toBe(200);
    const invalid = await send('post', '/v1/contracts', randomUUID(), buildContractRequest({ payment: { mandate: { iban: 'FR7630006000011234567890188' } } }));
    expect(invalid.status).toBe(400);
    expect((await send('post', `/v1/contracts/${contractRef}/reactivate`, randomUUID())).status).toBe(409);
    expect((await send('put', `/v1/contracts/${contractRef}/outstanding-limit`, randomUUID(), { amount: 10, currency: 'USD' })).status).toBe(409);
    expect((await send('post', `/v1/contracts/${contractRef}/suspend`, randomUUID(), { reason: '' })).status).toBe(400);

    expect(await auditCount()).toBe(before);
    expect((await trailOf(contractRef)).auditEvents.map((event) => event.action)).toEqual(['SUBSCRIBE']);
  });

  it('when the service expires a contract by itself, then the change is recorded with a system subject and its event says so', async () => {
    const contract = await createContract();
    await send('post', `/v1/contracts/${contract.contractRef}/activate`, randomUUID());
    const later = addDays(todayInParis(), 400);

    expect(await expireContracts(under.dependencies(), later)).toContain(contract.contractRef);

    const [expiry] = (await trailOf(contract.contractRef, { pageSize: 1 })).auditEvents;
    expect(expiry).toMatchObject({ action: 'EXPIRE', actor: { subject: 'system:contract-expiry', scopes: [] }, reason: 'validity ended', after: { status: 'EXPIRED' } });
    const { rows } = await under.service.context.pool.query("select payload->>'changedBy' as changed_by from outbox where message_key = $1 and payload->>'type' = 'EXPIRED'", [
      contract.contractRef,
    ]);
    expect(rows).toEqual([{ changed_by: 'system:contract-expiry' }]);
  });
});
