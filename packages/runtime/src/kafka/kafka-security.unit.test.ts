import { kafkaSecurityOf } from './kafka-client';

describe('kafkaSecurityOf', () => {
  const none = { KAFKA_SSL: false, KAFKA_SASL_MECHANISM: '' as const, KAFKA_SASL_USERNAME: '', KAFKA_SASL_PASSWORD: '' };

  it('when no mechanism is set, then the service connects without authentication (locally)', () => {
    expect(kafkaSecurityOf(none)).toEqual({ ssl: false });
  });

  it('when a SCRAM principal is set over TLS, then the client authenticates as it', () => {
    expect(kafkaSecurityOf({ KAFKA_SSL: true, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'billing-service', KAFKA_SASL_PASSWORD: 's3cret' })).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'billing-service', password: 's3cret' },
    });
  });
});
