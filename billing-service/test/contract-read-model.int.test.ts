import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { startBillingUnderTest, waitForContractVersion, type BillingUnderTest } from './support/billing-under-test';
import { contractHistory, startContractEventPublisher, type ContractEvent, type ContractEventPublisher } from './support/contract-events';
import { contractLifecycleV1Event } from '@boissipay/contracts';
import { createKafka, createLogger } from '@boissipay/runtime';
import { waitFor } from '@boissipay/runtime/testing';
import { testEnvironment } from './support/test-environment';

const repoRoot = path.resolve(__dirname, '../..');
// The file's own topics (as for every billing test file): the rebuild replays the whole contract topic.
const { topicPrefix } = testEnvironment;
const contractTopic = `${topicPrefix}${contractLifecycleV1Event.topic}`;

describe('contract read model (contract.lifecycle.v1 → contracts)', () => {
  let billing: BillingUnderTest;
  let publisher: ContractEventPublisher;

  beforeAll(async () => {
    [billing, publisher] = await Promise.all([startBillingUnderTest(), startContractEventPublisher()]);
  });
  afterAll(async () => {
    await publisher?.stop();
    await billing?.stop();
  });

  /** Runs the rebuild command as an operator would, against this file's service and topics. */
  async function runRebuildCommand(...args: string[]): Promise<void> {
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    await promisify(execFile)(tsx, [path.join(repoRoot, 'billing-service', 'src', 'rebuild-read-model.ts'), ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: billing.databaseUrl,
        KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        SCHEMA_REGISTRY_URL: testEnvironment.schemaRegistryUrl,
        BILLING_CONTRACT_CONSUMER_NAME: billing.consumerName,
        LOG_LEVEL: 'warn',
      },
      timeout: 60_000,
    });
  }

  /** A row no event ever described: a rebuild from the topic must not keep it. */
  async function insertRowNotInTopic(copyOf: string): Promise<void> {
    await query(`insert into contracts select 'CTR-not-in-topic', contract_id, product_ref, contract_type, status, created_on, signed_on, activated_at, expire_at, terminated_at,
        mandate_ref, mandate_status, mandate_signed_at, mandate_revoked_at, mandate_iban, mandate_bic, limit_minor, limit_currency, subscriber, distributor_ref,
        billing_contact, billing_address, version, last_event_id, last_event_type, last_event_at from contracts where contract_ref = $1`, [copyOf]);
  }

  const query = (sql: string, params: unknown[] = []) => billing.service.context.pool.query(sql, params);
  const contractRows = async (refs: string[]) => (await query('select * from contracts where contract_ref = any($1) order by contract_ref', [refs])).rows;
  const isProcessed = async (eventId: string) => ((await query('select 1 from processed_events where event_id = $1', [eventId])).rowCount ?? 0) > 0;

  async function applied(event: ContractEvent): Promise<void> {
    await publisher.publish(event);
    await waitForContractVersion(billing, event.contractRef, event.version);
  }

  it('when an event is projected, then the row carries the contract as the event describes it', async () => {
    const history = contractHistory();
    await applied(history.current);
    const [row] = await contractRows([history.contractRef]);
    const { contract } = history.current;
    expect(row).toMatchObject({
      contract_ref: history.contractRef,
      status: 'ACTIVE',
      mandate_ref: contract.mandate?.mandateRef,
      mandate_status: 'ACTIVE',
      limit_minor: '100000',
      limit_currency: 'EUR',
      billing_contact: contract.billingContact,
      subscriber: contract.subscriber,
      version: '1',
      last_event_id: history.current.eventId,
    });
    expect((await query('select outstanding_minor, currency from balances where contract_ref = $1', [history.contractRef])).rows).toEqual([{ outstanding_minor: '0', currency: 'EUR' }]);
  });

  it('when the same event is delivered twice, then it is applied once and the read model is unchanged', async () => {
    const history = contractHistory();
    await applied(history.current);
    const suspended = history.next('SUSPENDED', { status: 'SUSPENDED' });
    await applied(suspended);
    const before = await contractRows([history.contractRef]);

    await publisher.publish(suspended);
    // Same key, so the same partition: once this later message is consumed, the duplicate was too.
    const marker = { ...history.events[0], eventId: randomUUID() } as ContractEvent;
    await publisher.publish(marker);
    await waitFor(() => isProcessed(marker.eventId), { description: 'the marker event' });

    expect(await contractRows([history.contractRef])).toEqual(before);
    expect((await query('select count(*)::int as count from processed_events where event_id = $1', [suspended.eventId])).rows[0].count).toBe(1);
  });

  it('when an older version arrives after a newer one, then the newer state stays', async () => {
    const history = contractHistory();
    const activated = history.current;
    const suspended = history.next('SUSPENDED', { status: 'SUSPENDED' });
    const terminated = history.next('TERMINATED', { status: 'TERMINATED' });
    await publisher.publish(activated);
    await applied(terminated);
    const before = await contractRows([history.contractRef]);

    await publisher.publish(suspended);
    await waitFor(() => isProcessed(suspended.eventId), { description: 'the late event' });

    expect(await contractRows([history.contractRef])).toEqual(before);
    expect(before[0]).toMatchObject({ status: 'TERMINATED', version: '3' });
  });

  it('when the read model is rebuilt from the topic with the rebuild command, then it equals the live one', async () => {
    const histories = [contractHistory(), contractHistory({ status: 'CREATED' }), contractHistory()];
    const [first, second, third] = histories;
    if (!first || !second || !third) throw new Error('three histories');
    first.next('SUSPENDED', { status: 'SUSPENDED' });
    first.next('REACTIVATED', { status: 'ACTIVE' });
    second.next('ACTIVATED', { status: 'ACTIVE' });
    second.next('LIMIT_CHANGED', { outstandingLimit: { amountMinor: 250_000, currency: 'EUR' } });
    third.next('MANDATE_REVOKED', { mandate: null });
    // Out of order on purpose: the third contract's older event comes last.
    const [thirdFirst, thirdSecond] = third.events;
    if (!thirdFirst || !thirdSecond) throw new Error('two events');
    await publisher.publish(...first.events, ...second.events, thirdSecond, thirdFirst);
    await waitFor(() => isProcessed(thirdFirst.eventId), { description: 'the last published event' });
    for (const history of histories) await waitForContractVersion(billing, history.contractRef, history.current.version);

    const refs = histories.map((history) => history.contractRef);
    const live = await contractRows(refs);
    await insertRowNotInTopic(first.contractRef);

    await runRebuildCommand();

    expect(await contractRows(refs)).toEqual(live);
    expect(await contractRows(['CTR-not-in-topic'])).toEqual([]);
  });

  it('when retention has deleted the first events of the topic, then the rebuild refuses and changes nothing, unless told to go on with what is left', async () => {
    const lost = contractHistory();
    const kept = contractHistory();
    await publisher.publish(lost.current);
    await applied(kept.current);
    const everything = await query('select contract_ref from contracts order by contract_ref');

    // As retention would: every event up to and including the lost contract's only one is gone.
    const admin = createKafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'read-model-test', logger: createLogger({ service: 'test', level: 'silent' }) }).admin();
    await admin.connect();
    try {
      const [partition] = await admin.fetchTopicOffsets(contractTopic);
      if (!partition) throw new Error(`no partition of ${contractTopic}`);
      await admin.deleteTopicRecords({ topic: contractTopic, partitions: [{ partition: partition.partition, offset: String(Number(partition.high) - 1) }] });
    } finally {
      await admin.disconnect();
    }
    await insertRowNotInTopic(kept.contractRef);

    await expect(runRebuildCommand()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('rebuild refused') });
    expect((await query('select contract_ref from contracts where contract_ref <> $1 order by contract_ref', ['CTR-not-in-topic'])).rows).toEqual(everything.rows);
    expect(await contractRows(['CTR-not-in-topic'])).toHaveLength(1);

    await runRebuildCommand('--allow-missing-history');
    expect((await query('select contract_ref from contracts')).rows).toEqual([{ contract_ref: kept.contractRef }]);
  });
});
