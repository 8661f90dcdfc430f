import { COMPATIBILITY, SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import type { schema as avsc } from 'avsc';

/** An Avro record schema as written in an `.avsc` file. */
export type AvroRecordSchema = avsc.RecordType & { type: 'record' };

export interface TopicSchema {
  topic: string;
  schema: AvroRecordSchema;
}

/** A topic bound to the event type it carries: the `eventTopic` each generated Avro module exports. */
export interface EventTopic<TEvent> extends TopicSchema {
  /** Type only, never set. */
  readonly eventType?: TEvent;
}

export interface RegisteredSchema extends TopicSchema {
  subject: string;
  id: number;
}

/**
 * The client library speaks the Confluent API but cannot set a subject's compatibility
 * before the first registration, so the base URL is kept beside it for that one call.
 */
export interface SchemaRegistryClient {
  url: string;
  api: SchemaRegistry;
}

export class SchemaRegistrationError extends Error {
  constructor(
    readonly subject: string,
    readonly incompatible: boolean,
    detail: string,
  ) {
    super(
      incompatible
        ? `Schema for subject "${subject}" is not BACKWARD compatible with its registered versions: ${detail}`
        : `Schema for subject "${subject}" could not be registered: ${detail}`,
    );
    this.name = 'SchemaRegistrationError';
  }
}

const REGISTRY_CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const HTTP_CONFLICT = 409;

export function createSchemaRegistry(url: string): SchemaRegistryClient {
  const baseUrl = url.replace(/\/+$/, '');
  return { url: baseUrl, api: new SchemaRegistry({ host: baseUrl }) };
}

export function subjectOf(topic: string): string {
  return `${topic}-value`;
}

/**
 * Both Confluent and Apicurio (ccompat) accept a subject-level config before the subject
 * has any version, so the very first version is already checked under BACKWARD.
 */
async function requireBackwardCompatibility(registry: SchemaRegistryClient, subject: string): Promise<void> {
  const response = await fetch(`${registry.url}/config/${encodeURIComponent(subject)}`, {
    method: 'PUT',
    headers: { 'content-type': REGISTRY_CONTENT_TYPE, accept: REGISTRY_CONTENT_TYPE },
    body: JSON.stringify({ compatibility: COMPATIBILITY.BACKWARD }),
  });
  if (!response.ok) {
    throw new SchemaRegistrationError(subject, false, `PUT /config answered ${response.status}: ${await response.text()}`);
  }
}

async function registerOne(registry: SchemaRegistryClient, { topic, schema }: TopicSchema): Promise<RegisteredSchema> {
  const subject = subjectOf(topic);
  await requireBackwardCompatibility(registry, subject);
  try {
    // Registering a version the subject already has is a no-op that returns its id. The
    // client checks that the subject's level (set just above) is BACKWARD before registering.
    const { id } = await registry.api.register(schema, { subject, compatibility: COMPATIBILITY.BACKWARD });
    return { topic, schema, subject, id };
  } catch (error) {
    const status = (error as { status?: number }).status;
    throw new SchemaRegistrationError(subject, status === HTTP_CONFLICT, (error as Error).message);
  }
}

/**
 * Registers each topic's value schema under `<topic>-value` with BACKWARD compatibility. A
 * version that old events could not be read with is refused by the registry and reported
 * as a SchemaRegistrationError with `incompatible: true`: the service must not start.
 */
export async function registerSchemas(
  registry: SchemaRegistryClient,
  schemas: readonly TopicSchema[],
): Promise<RegisteredSchema[]> {
  const registered: RegisteredSchema[] = [];
  for (const topicSchema of schemas) registered.push(await registerOne(registry, topicSchema));
  return registered;
}
