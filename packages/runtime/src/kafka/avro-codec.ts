import { Type, type Resolver } from 'avsc';
import { subjectOf, type EventTopic, type RegisteredSchema, type SchemaRegistryClient, type TopicSchema } from './schema-registry';
import { subjectVersions } from './subject-versions';

/**
 * The message can never be decoded, however often it is retried (not Confluent wire format,
 * unknown schema id, bytes that do not match the writer schema): it belongs in a DLQ.
 * Other decode failures (registry unreachable) are transient and thrown as they are.
 */
export class UndecodableMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecodableMessageError';
  }
}

export interface AvroCodec {
  /** Confluent wire format with the schema this service registered for `topic`. */
  encode(topic: string, value: unknown): Promise<Buffer>;
  /**
   * Decodes with the writer schema named in the message; when a reader schema is known for
   * `topic`, the value is resolved into it (fields added since default, removed ones dropped).
   */
  decode(buffer: Buffer, topic?: string): Promise<unknown>;
}

/**
 * Decodes a message of `kafkaTopic` (the bound topic, behind any KAFKA_TOPIC_PREFIX) whose reader
 * schema the codec was given from `bound`: the value has the bound event type. The one place
 * that types a decoded value, for readers outside a consumer binding (a rebuild).
 */
export async function decodeBound<TEvent>(codec: AvroCodec, buffer: Buffer, kafkaTopic: string, bound: EventTopic<TEvent>): Promise<TEvent> {
  void bound;
  return (await codec.decode(buffer, kafkaTopic)) as TEvent;
}

const MAGIC_BYTE = 0;
const HEADER_LENGTH = 5;
const HTTP_NOT_FOUND = 404;

export function createAvroCodec(
  registry: SchemaRegistryClient,
  schemas: { produces?: readonly RegisteredSchema[]; consumes?: readonly TopicSchema[] },
): AvroCodec {
  const writerIds = new Map((schemas.produces ?? []).map(({ topic, id }) => [topic, id]));
  const readers = new Map((schemas.consumes ?? []).map(({ topic, schema }) => [topic, Type.forSchema(schema)]));
  const resolvers = new Map<string, Resolver>();
  const subjects = subjectVersions(registry);

  async function writerTypeOf(schemaId: number): Promise<Type> {
    try {
      return (await registry.api.getSchema(schemaId)) as unknown as Type;
    } catch (error) {
      if ((error as { status?: number }).status === HTTP_NOT_FOUND) {
        throw new UndecodableMessageError(`schema id ${schemaId} is unknown to the registry`);
      }
      throw error;
    }
  }

  function resolverFor(cacheKey: string, reader: Type, writer: Type): Resolver {
    let resolver = resolvers.get(cacheKey);
    if (!resolver) {
      resolver = reader.createResolver(writer);
      resolvers.set(cacheKey, resolver);
    }
    return resolver;
  }

  return {
    async encode(topic, value) {
      const schemaId = writerIds.get(topic);
      if (schemaId === undefined) throw new Error(`no schema registered by this service for topic "${topic}"`);
      return registry.api.encode(schemaId, value);
    },

    async decode(buffer, topic) {
      if (buffer.length < HEADER_LENGTH || buffer[0] !== MAGIC_BYTE) {
        throw new UndecodableMessageError('value is not in Confluent wire format (magic byte 0 + schema id)');
      }
      const schemaId = buffer.readInt32BE(1);
      const writer = await writerTypeOf(schemaId);
      const reader = topic === undefined ? undefined : readers.get(topic);
      // A topic this service consumes is read only in the schemas registered for it.
      if (reader && topic !== undefined && !(await subjects.belongsTo(topic, schemaId))) {
        throw new UndecodableMessageError(`schema id ${schemaId} is not a version of ${subjectOf(topic)}: the message was not written by this topic's producer`);
      }
      try {
        const payload = buffer.subarray(HEADER_LENGTH);
        if (!reader) return writer.fromBuffer(payload);
        return reader.fromBuffer(payload, resolverFor(`${topic}/${schemaId}`, reader, writer));
      } catch (error) {
        throw new UndecodableMessageError(`value does not match writer schema ${schemaId}: ${(error as Error).message}`);
      }
    },
  };
}
