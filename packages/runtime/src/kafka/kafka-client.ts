import { Kafka, logLevel, Partitioners, type LogEntry, type Producer } from 'kafkajs';
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

export function createKafka(options: { brokers: string[]; clientId: string; logger: Logger }): Kafka {
  return new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
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
