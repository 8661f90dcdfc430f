/**
 * A topic browser for people without Kafka UI (no Docker here):
 *
 *   npm run topics -- list [--prefix local.]
 *   npm run topics -- tail <topic> [--from-beginning] [--key CTR-2026-000001] [--limit 20]
 *
 * `list`: topics, partitions, end offsets, and each consumer group's lag. `tail`: the last (or
 * first) messages, one JSON object per line: partition, offset, timestamp, key, headers, and the
 * value decoded from Avro with the schema it was written with.
 */
import { parseArgs } from 'node:util';
import { describeMessage, describeTopics, readTopic } from '@boissipay/runtime';
import { runKafkaTool } from './kafka-tool-connection';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { prefix: { type: 'string' }, 'from-beginning': { type: 'boolean', default: false }, key: { type: 'string' }, limit: { type: 'string', default: '20' } },
});
const [command, topic] = positionals;

runKafkaTool('boissipay-topics', async (tools) => {
  if (command === 'list') {
    for (const overview of await describeTopics(tools.admin, { prefix: values.prefix })) {
      const offsets = overview.partitions.map(({ partition, low, high }) => `p${partition} ${low}..${high}`).join(', ');
      console.log(`${overview.topic}  ${overview.messages} message(s)  [${offsets}]`);
      for (const { groupId, lag } of overview.groups) console.log(`    group ${groupId}  lag ${lag}`);
    }
  } else if (command === 'tail' && topic) {
    const messages = await readTopic(tools.kafka, tools.admin, topic, { fromBeginning: values['from-beginning'], key: values.key, limit: Number(values.limit) });
    for (const { partition, message } of messages) console.log(JSON.stringify(await describeMessage(tools.codec, partition, message)));
  } else {
    console.error('usage: npm run topics -- list [--prefix P] | tail <topic> [--from-beginning] [--key K] [--limit N]');
    process.exitCode = 2;
  }
});
