import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { isUnencodablePayload, kafkaRefusalOf } from './refused-for-good';

const protocolError = (type: string, code: number) => Object.assign(new KafkaJSProtocolError('refused'), { type, code });

describe('what Kafka refuses for good', () => {
  it('when the broker says MESSAGE_TOO_LARGE, wrapped by the retrier, then it is a refusal', () => {
    const refusal = protocolError('MESSAGE_TOO_LARGE', 10);
    const wrapped = Object.assign(new KafkaJSNonRetriableError(refusal), { cause: refusal }) // as the retrier wraps it;
    expect(kafkaRefusalOf(wrapped)).toBe('MESSAGE_TOO_LARGE');
  });

  it('when one broker of several refuses a batch as too large, then it is a refusal', () => {
    expect(kafkaRefusalOf({ name: 'KafkaJSAggregateError', errors: [new Error('other'), protocolError('RECORD_LIST_TOO_LARGE', 18)] })).toBe('RECORD_LIST_TOO_LARGE');
  });

  it('when the broker is unavailable or the leader moved, then it is transient', () => {
    const moved = protocolError('NOT_LEADER_FOR_PARTITION', 6);
    expect(kafkaRefusalOf(Object.assign(new KafkaJSNonRetriableError(moved), { cause: moved }))).toBeUndefined();
    expect(kafkaRefusalOf(new Error('Connection timeout'))).toBeUndefined();
  });

  it('when the payload fails its schema, then it cannot be encoded; a registry outage can', () => {
    expect(isUnencodablePayload(Object.assign(new Error('invalid payload'), { name: 'ConfluentSchemaRegistryValidationError' }))).toBe(true);
    expect(isUnencodablePayload(new Error('fetch failed'))).toBe(false);
  });
});
