/**
 * Broker answers that no retry can change: the record (or its batch) is over the topic's
 * max.message.bytes, or the broker's validation rejects it. Everything else (a broker down,
 * a leader moving, a timeout) is transient and retried.
 */
const REFUSED_FOR_GOOD = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD']);

/** Kafka's refusal, found however deep kafkajs wrapped it (retrier, aggregate of brokers). */
export function kafkaRefusalOf(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const { type, cause, errors, originalError } = error as { type?: unknown; cause?: unknown; errors?: unknown; originalError?: unknown };
  if (typeof type === 'string' && REFUSED_FOR_GOOD.has(type)) return type;
  for (const inner of [cause, originalError, ...(Array.isArray(errors) ? errors : [])]) {
    const refusal = kafkaRefusalOf(inner, depth + 1);
    if (refusal) return refusal;
  }
  return undefined;
}

/**
 * The payload does not match the topic's schema: encoding it again gives the same error.
 * Known by name: the registry client does not export its error classes.
 */
export function isUnencodablePayload(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConfluentSchemaRegistryValidationError';
}
