/**
 * Dead letters, for the people who run the platform:
 *
 *   npm run dlq -- list [--prefix local.]
 *   npm run dlq -- show <topic> [--limit 20]
 *   npm run dlq -- redrive <topic> [--id 0:12 --id 0:13] [--by jane.doe]
 *
 * `<topic>` is the original topic (e.g. local.contract.lifecycle.v1); its dead letters are in
 * `<topic>.dlq`. `show` prints each with why it failed (x-error-* headers). `redrive` sends them
 * back to the topic once the cause is fixed; each is recorded in `<topic>.dlq.redriven` and
 * never sent twice, and the consumers apply an event once whatever happens.
 */
import { parseArgs } from 'node:util';
import { deadLetterTopicOf, describeMessage, describeTopics, readTopic, redriveDeadLetters } from '@boissipay/runtime';
import { runKafkaTool } from './kafka-tool-connection';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { prefix: { type: 'string' }, limit: { type: 'string', default: '20' }, id: { type: 'string', multiple: true }, by: { type: 'string', default: process.env.USER ?? 'operator' } },
});
const [command, topic] = positionals;

runKafkaTool('boissipay-dlq', async (tools) => {
  if (command === 'list') {
    const dlqs = (await describeTopics(tools.admin, { prefix: values.prefix })).filter((overview) => overview.topic.endsWith('.dlq'));
    for (const { topic: dlq, messages } of dlqs) console.log(`${dlq}  ${messages} dead letter(s)`);
  } else if (command === 'show' && topic) {
    for (const { partition, message } of await readTopic(tools.kafka, tools.admin, deadLetterTopicOf(topic), { fromBeginning: true, limit: Number(values.limit) })) {
      console.log(JSON.stringify({ id: `${partition}:${message.offset}`, ...(await describeMessage(tools.codec, partition, message)) }));
    }
  } else if (command === 'redrive' && topic) {
    const result = await redriveDeadLetters(tools.kafka, tools.admin, topic, { only: values.id, by: values.by });
    for (const { deadLetter, eventKey, toOffset } of result.redriven) console.log(`redriven ${deadLetter} (key ${eventKey}) → ${topic} offset ${toOffset}`);
    if (result.alreadyRedriven.length > 0) console.log(`already redriven before, not sent again: ${result.alreadyRedriven.join(', ')}`);
    if (result.redriven.length === 0 && result.alreadyRedriven.length === 0) console.log('nothing to redrive');
  } else {
    console.error('usage: npm run dlq -- list [--prefix P] | show <topic> [--limit N] | redrive <topic> [--id partition:offset …] [--by name]');
    process.exitCode = 2;
  }
});
