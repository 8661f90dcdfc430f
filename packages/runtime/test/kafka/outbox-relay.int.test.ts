import { eq, sql } from 'drizzle-orm';
import type { Producer } from 'kafkajs';
import { outbox, withTransaction } from '../../src/db';
import {
  createIdempotentProducer,
  enqueueEvent,
  startOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
} from '../../src/kafka';
import { CORRELATION_HEADER, runWithCorrelationId } from '../../src/logging';
import { createScratchDatabase, waitFor, type ScratchDatabase } from '../../src/testing';
import { sampleEffects } from '../fixtures/db/schema';
import { startMessageCollector, type MessageCollector } from '../support/message-collector';
import { buildSampleEvent, type SampleEvent } from '../support/sample-event';
import { createSampleTopic, type SampleTopic } from '../support/sample-topic';
import { fixtureDatabase, testEnvironment, testLogger } from '../support/test-environment';

// Far beyond any wait below: every publish in this file is woken by LISTEN/NOTIFY or by start-up.
const SAFETY_NET_POLL_MS = 60_000;
const NOTIFY_DEADLINE_MS = 5_000;

describe('transactional outbox relay', () => {
  let scratch: ScratchDatabase<typeof fixtureDatabase.schema>;
  let sample: SampleTopic;
  let producer: Producer;
  let collector: MessageCollector;
  const running: OutboxRelay[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, prefix: 'runtime_outbox', ...fixtureDatabase });
    sample = await createSampleTopic('runtime-outbox', { partitions: 3 });
    producer = createIdempotentProducer(sample.kafka);
    await producer.connect();
    collector = await startMessageCollector(sample.kafka, [sample.topic], (value) => sample.codec.decode(value));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((relay) => relay.stop()));
  });

  afterAll(async () => {
    await collector?.stop();
    await producer?.disconnect();
    await scratch?.drop();
  });

  async function startRelay(overrides: Partial<OutboxRelayOptions> = {}): Promise<OutboxRelay> {
    const relay = await startOutboxRelay({
      pool: scratch.pool,
      producer,
      codec: sample.codec,
      logger: testLogger,
      pollIntervalMs: SAFETY_NET_POLL_MS,
      ...overrides,
    });
    running.push(relay);
    return relay;
  }

  /** A use case: the business row and its event in one transaction. */
  function commitPurchase(event: SampleEvent, options: { failAfterWrites?: boolean } = {}): Promise<void> {
    return withTransaction(scratch.db, async (tx) => {
      await tx.insert(sampleEffects).values({ eventId: event.eventId, contractRef: event.contractRef, amountCents: event.amountCents });
      await enqueueEvent(tx, { topic: sample.topic, key: event.contractRef, event });
      if (options.failAfterWrites) throw new Error('purchase rejected after the writes');
    });
  }

  function receivedCopies(eventId: string): number {
    return collector.messages.filter((message) => (message.event as SampleEvent | undefined)?.eventId === eventId).length;
  }

  function receivedAmountsFor(contractRef: string): number[] {
    return collector.messages.filter((message) => message.key === contractRef).map((message) => (message.event as SampleEvent).amountCents);
  }

  async function pendingEventIds(): Promise<string[]> {
    const rows = await scratch.db.select({ eventId: outbox.eventId }).from(outbox).where(sql`${outbox.publishedAt} is null`);
    return rows.map((row) => row.eventId);
  }

  /**
   * Once every row is marked, a later event of the same key arriving proves that anything
   * published before it has arrived too (one key, one partition, in order).
   */
  async function settleKey(contractRef: string): Promise<void> {
    await waitFor(async () => (await pendingEventIds()).length === 0, { description: 'every outbox row marked published' });
    const marker = buildSampleEvent({ contractRef, note: 'marker' });
    await commitPurchase(marker);
    await waitFor(() => receivedCopies(marker.eventId) > 0, { description: 'the marker event' });
  }

  it('when a business row and its event commit, then the event is published once, with the correlation id', async () => {
    await startRelay();
    const event = buildSampleEvent();

    await runWithCorrelationId('corr-outbox-1', () => commitPurchase(event));

    const received = await waitFor(() => collector.messages.find((message) => message.key === event.contractRef));
    expect(received.event).toEqual(event);
    expect(received.headers[CORRELATION_HEADER]).toBe('corr-outbox-1');
    await settleKey(event.contractRef);
    expect(receivedCopies(event.eventId)).toBe(1);
    expect(await scratch.db.select().from(sampleEffects).where(eq(sampleEffects.eventId, event.eventId))).toHaveLength(1);
  });

  it('when a row commits while the relay idles, then NOTIFY publishes it long before the safety-net poll', async () => {
    await startRelay();
    const warmUp = buildSampleEvent();
    await commitPurchase(warmUp);
    // Past this point the start-up run is over: only a NOTIFY (or the 60 s poll) can wake the relay.
    await waitFor(async () => (await pendingEventIds()).length === 0);
    const event = buildSampleEvent();
    const committedAt = Date.now();

    await commitPurchase(event);

    await waitFor(() => receivedCopies(event.eventId) > 0, { timeoutMs: NOTIFY_DEADLINE_MS, description: 'a NOTIFY-driven publish' });
    expect(Date.now() - committedAt).toBeLessThan(NOTIFY_DEADLINE_MS);
  });

  it('when the process dies between commit and publish, then the relay publishes the rows exactly once on start', async () => {
    const events = [1, 2, 3].map((amountCents) => buildSampleEvent({ contractRef: 'CTR-crash-before-publish', amountCents }));
    for (const event of events) await commitPurchase(event); // no relay running: as if it crashed
    expect(await pendingEventIds()).toEqual(expect.arrayContaining(events.map((event) => event.eventId)));

    await startRelay();

    await settleKey('CTR-crash-before-publish');
    expect(events.map((event) => receivedCopies(event.eventId))).toEqual([1, 1, 1]);
    expect(receivedAmountsFor('CTR-crash-before-publish').slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('when the relay restarts, then it publishes the rows committed while it was down and not the published ones', async () => {
    const before = buildSampleEvent();
    const whileDown = buildSampleEvent({ contractRef: before.contractRef });
    const first = await startRelay();
    await commitPurchase(before);
    await waitFor(() => receivedCopies(before.eventId) > 0);
    await first.stop();

    await commitPurchase(whileDown);
    await startRelay();

    await settleKey(before.contractRef);
    expect([receivedCopies(before.eventId), receivedCopies(whileDown.eventId)]).toEqual([1, 1]);
  });

  it('when the relay dies after the send but before marking, then the event is published again (at-least-once)', async () => {
    const event = buildSampleEvent();
    await startRelay();
    await commitPurchase(event);
    await waitFor(() => receivedCopies(event.eventId) > 0);
    await Promise.all(running.splice(0).map((relay) => relay.stop()));
    // The marking transaction never committed: the row is pending again.
    await scratch.db.update(outbox).set({ publishedAt: null }).where(eq(outbox.eventId, event.eventId));

    await startRelay();

    await settleKey(event.contractRef);
    expect(receivedCopies(event.eventId)).toBe(2); // same eventId twice: consumers drop the copy
  });

  it('when the business transaction rolls back, then neither the row nor the event exists', async () => {
    await startRelay();
    const rejected = buildSampleEvent();

    await expect(commitPurchase(rejected, { failAfterWrites: true })).rejects.toThrow('purchase rejected');

    await settleKey(rejected.contractRef);
    expect(receivedCopies(rejected.eventId)).toBe(0);
    expect(await scratch.db.select().from(outbox).where(eq(outbox.eventId, rejected.eventId))).toHaveLength(0);
    expect(await scratch.db.select().from(sampleEffects).where(eq(sampleEffects.eventId, rejected.eventId))).toHaveLength(0);
  });

  it('when many events of one key are committed while two relays compete in small batches, then they arrive in order', async () => {
    const secondProducer = createIdempotentProducer(sample.kafka);
    await secondProducer.connect();
    try {
      await startRelay({ batchSize: 7 });
      await startRelay({ batchSize: 5, producer: secondProducer });
      const contractRef = 'CTR-ordered';
      const amounts = Array.from({ length: 60 }, (_, index) => index + 1);

      for (const amountCents of amounts) await commitPurchase(buildSampleEvent({ contractRef, amountCents }));

      await settleKey(contractRef);
      expect(receivedAmountsFor(contractRef).slice(0, amounts.length)).toEqual(amounts);
    } finally {
      await Promise.all(running.splice(0).map((relay) => relay.stop()));
      await secondProducer.disconnect();
    }
  });
});
