import { Kafka, logLevel, Partitioners, type LogEntry, type Producer, type SASLOptions } from 'kafkajs';
import type { Logger } from '../logging';

const pinoMethodOf: Record<logLevel, 'error' | 'warn' | 'info' | 'debug' | undefined> = {
  [logLevel.NOTHING]: undefined,
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs its own way; route them into the service's structured logs instead. */
function kafkajsLogsTo(logger: Logger) {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const method = pinoMethodOf[level];
      if (!method) return;
      const { message, ...details } = log;
      kafkaLogger[method]({ namespace, ...details }, message);
    };
}

/** How the service authenticates to the brokers: TLS and a SASL principal in production, nothing locally. */
export interface KafkaSecurity {
  ssl: boolean;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export function kafkaSecurityOf(config: { KAFKA_SSL: boolean; KAFKA_SASL_MECHANISM: '' | 'plain' | 'scram-sha-256' | 'scram-sha-512'; KAFKA_SASL_USERNAME: string; KAFKA_SASL_PASSWORD: string }): KafkaSecurity {
  if (config.KAFKA_SASL_MECHANISM === '') return { ssl: config.KAFKA_SSL };
  return { ssl: config.KAFKA_SSL, sasl: { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD } };
}

/** kafkajs types each mechanism apart. */
function saslOptionsOf({ mechanism, username, password }: NonNullable<KafkaSecurity['sasl']>): SASLOptions {
  switch (mechanism) {
    case 'plain':
      return { mechanism, username, password };
    case 'scram-sha-256':
      return { mechanism, username, password };
    case 'scram-sha-512':
      return { mechanism, username, password };
  }
}

export function createKafka(options: { brokers: string[]; clientId: string; logger: Logger; security?: KafkaSecurity }): Kafka {
  const sasl = options.security?.sasl;
  return new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    ssl: options.security?.ssl ?? false,
    ...(sasl ? { sasl: saslOptionsOf(sasl) } : {}),
    // Below warn, kafkajs narrates every connection and rebalance.
    logLevel: logLevel.WARN,
    logCreator: kafkajsLogsTo(options.logger),
  });
}

/**
 * The producer for everything this runtime publishes (outbox relay, dead letters):
 * idempotent, so the broker drops the duplicates its own retries would create, with one
 * request in flight so a retried batch cannot overtake the next one. Sends must use
 * acks = -1 (all in-sync replicas), which kafkajs enforces for idempotent producers. The
 * Java-compatible partitioner keeps one key on one partition whatever the client language.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/** Every send of this runtime waits for all in-sync replicas. */
export const ALL_REPLICAS = -1;
