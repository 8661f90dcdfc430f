import { UndecodableMessageError, type AvroCodec } from '../avro-codec';
import { poison, type PoisonMessage } from './poison-message';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DecodedEvent = { event: { eventId: string } & Record<string, unknown> } | { poison: PoisonMessage };

/**
 * Decodes the value and checks it carries a usable eventId, without which the consumer could
 * not tell a redelivery from a new event. Only failures that retrying cannot cure become
 * poison; a registry outage is thrown so the message is retried, not discarded.
 */
export async function decodeEvent(codec: AvroCodec, topic: string, value: Buffer | null): Promise<DecodedEvent> {
  if (value === null) return { poison: poison('undecodable', new UndecodableMessageError('message has no value')) };
  let event: unknown;
  try {
    event = await codec.decode(value, topic);
  } catch (error) {
    if (error instanceof UndecodableMessageError) return { poison: poison('undecodable', error) };
    throw error;
  }
  const eventId = (event as { eventId?: unknown } | null)?.eventId;
  if (typeof eventId !== 'string' || !UUID.test(eventId)) {
    return { poison: poison('missing-event-id', new Error(`event has no uuid eventId (got ${JSON.stringify(eventId)})`)) };
  }
  return { event: event as { eventId: string } & Record<string, unknown> };
}
