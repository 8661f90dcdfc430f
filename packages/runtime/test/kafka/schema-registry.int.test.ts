import { createSchemaRegistry, registerSchemas, SchemaRegistrationError } from '../../src/kafka';
import { loadAvroFixture } from '../fixtures/avro/load-avro-fixture';
import { testEnvironment, uniqueName } from '../support/test-environment';

const registry = createSchemaRegistry(testEnvironment.schemaRegistryUrl);

async function compatibilityOf(subject: string): Promise<string> {
  const response = await fetch(`${registry.url}/config/${subject}`);
  return ((await response.json()) as { compatibilityLevel: string }).compatibilityLevel;
}

describe('schema registration', () => {
  let topic: string;

  beforeEach(async () => {
    topic = uniqueName('runtime-schema');
    await registerSchemas(registry, [{ topic, schema: loadAvroFixture('sample-event.v1') }]);
  });

  it('when v1 is registered, then its subject is <topic>-value under BACKWARD compatibility', async () => {
    expect(await compatibilityOf(`${topic}-value`)).toBe('BACKWARD');
  });

  it('when the same version is registered again, then the registry returns the same id', async () => {
    const [first] = await registerSchemas(registry, [{ topic, schema: loadAvroFixture('sample-event.v1') }]);
    const [again] = await registerSchemas(registry, [{ topic, schema: loadAvroFixture('sample-event.v1') }]);
    expect(again?.id).toBe(first?.id);
  });

  it('when v2 only adds a field with a default, then it is accepted as a new version', async () => {
    const [v2] = await registerSchemas(registry, [{ topic, schema: loadAvroFixture('sample-event.v2-added-optional-field') }]);
    expect(v2).toMatchObject({ topic, subject: `${topic}-value`, id: expect.any(Number) });
    const versions = await (await fetch(`${registry.url}/subjects/${topic}-value/versions`)).json();
    expect(versions).toHaveLength(2);
  });

  it.each(['sample-event.v2-added-required-field', 'sample-event.v2-changed-field-type'] as const)(
    'when v2 is %s, then the registry rejects it as incompatible',
    async (fixture) => {
      const registration = registerSchemas(registry, [{ topic, schema: loadAvroFixture(fixture) }]);
      await expect(registration).rejects.toBeInstanceOf(SchemaRegistrationError);
      await expect(registration).rejects.toMatchObject({
        incompatible: true,
        message: expect.stringContaining(`"${topic}-value" is not BACKWARD compatible`),
      });
    },
  );
});
