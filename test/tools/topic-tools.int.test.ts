import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Admin, Producer } from 'kafkajs';
import { createIdempotentProducer, redriveDeadLetters, redriveLogTopicOf, type IdempotentConsumer } from '@boissipay/runtime';
import { createScratchDatabase, waitFor, type ScratchDatabase } from '@boissipay/runtime/testing';
import { effectRowsOf, isProcessed, publishSampleEvents, startSampleConsumer, writeEffect, type SampleHandler } from '../../packages/runtime/test/support/sample-consumer';
import { buildSampleEvent } from '../../packages/runtime/test/support/sample-event';
import { createSampleTopic, type SampleTopic } from '../../packages/runtime/test/support/sample-topic';
import { fixtureDatabase, testEnvironment, uniqueName } from '../../packages/runtime/test/support/test-environment';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Runs `npm run <script> -- args` the way an operator would, without npm's banner. */
function runScript(script: 'topics' | 'dlq', args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [path.join(repoRoot, 'scripts', `${script}.ts`), ...args], { cwd: repoRoot, timeout: 60_000 }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('topic browser and dead-letter tools', () => {
  let sample: SampleTopic;
  let producer: Producer;
  let admin: Admin;

  beforeAll(async () => {
    sample = await createSampleTopic('tools');
    producer = createIdempotentProducer(sample.kafka);
    await producer.connect();
    admin = sample.kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [sample.topic, `${sample.topic}.dlq`, redriveLogTopicOf(sample.topic)] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('when a topic holds Avro events, then `topics tail` prints each with its key, headers and decoded value', async () => {
    const events = [buildSampleEvent(), buildSampleEvent(), buildSampleEvent()];
    await publishSampleEvents(producer, sample, events, { 'x-correlation-id': 'corr-tail' });

    const { code, stdout } = await runScript('topics', ['tail', sample.topic, '--from-beginning', '--limit', '10']);
    expect(code).toBe(0);
    const printed = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(printed).toEqual(events.map((event, index) => expect.objectContaining({ partition: 0, offset: String(index), key: event.contractRef, headers: { 'x-correlation-id': 'corr-tail' }, value: event })));

    const last = await runScript('topics', ['tail', sample.topic, '--limit', '1', '--key', events[2]!.contractRef]);
    expect(last.stdout.trim().split('\n').map((line) => JSON.parse(line).value)).toEqual([events[2]]);
    const listed = await runScript('topics', ['list', '--prefix', sample.topic]);
    expect(listed.stdout).toContain(`${sample.topic}  3 message(s)  [p0 0..3]`);
  });

  describe('dead-letter redrive', () => {
    let scratch: ScratchDatabase<typeof fixtureDatabase.schema>;
    let consumer: IdempotentConsumer;
    let ledgerBroken = true;
    const calls = new Map<string, number>();
    const handler: SampleHandler = async (event, tx, context) => {
      calls.set(event.eventId, (calls.get(event.eventId) ?? 0) + 1);
      if (ledgerBroken && event.note === 'needs-ledger') throw new Error('customer ledger is unavailable');
      await writeEffect(event, tx, context);
    };

    beforeAll(async () => {
      scratch = await createScratchDatabase({ adminUrl: testEnvironment.postgresAdminUrl, prefix: 'tools_dlq', ...fixtureDatabase });
      consumer = await startSampleConsumer(scratch, sample, uniqueName('tools-dlq'), handler);
    });
    afterAll(async () => {
      await consumer?.stop();
      await scratch?.drop();
    });

    it('when a dead letter is redriven once its cause is fixed, then it is applied once, and redriving again sends nothing', async () => {
      const failing = buildSampleEvent({ note: 'needs-ledger' });
      await publishSampleEvents(producer, sample, [failing]);
      const shown = await waitFor(
        async () => {
          const { stdout } = await runScript('dlq', ['show', sample.topic]);
          return stdout.includes(failing.eventId) ? stdout : undefined;
        },
        { timeoutMs: 30_000, description: 'the dead letter, shown' },
      );
      const deadLetter = JSON.parse(shown.trim().split('\n').find((line) => line.includes(failing.eventId)) ?? '{}');
      expect(deadLetter).toMatchObject({ id: '0:0', value: failing, headers: { 'x-error-type': 'handler-failed', 'x-error-message': 'Error: customer ledger is unavailable' } });
      expect(await isProcessed(scratch, failing.eventId)).toBe(false);

      ledgerBroken = false;
      const redrive = await runScript('dlq', ['redrive', sample.topic, '--id', '0:0', '--by', 'ops-test']);
      expect(redrive.stdout).toContain(`redriven 0:0 (key ${failing.contractRef})`);
      await waitFor(() => isProcessed(scratch, failing.eventId), { timeoutMs: 30_000, description: 'the redriven event, applied' });
      expect(await effectRowsOf(scratch, failing.eventId)).toHaveLength(1);

      const again = await redriveDeadLetters(sample.kafka, admin, sample.topic, { by: 'ops-test' });
      expect(again).toEqual({ redriven: [], alreadyRedriven: ['0:0'] });
      expect(await effectRowsOf(scratch, failing.eventId)).toHaveLength(1);
    });
  });
});
