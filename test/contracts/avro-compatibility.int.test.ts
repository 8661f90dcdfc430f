import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import avro from 'avsc';
import { createSchemaRegistry, loadConfig, registerSchemas, SchemaRegistrationError, type AvroRecordSchema } from '@boissipay/runtime';
import { billingConfig } from '../../billing-service/src/config';

/**
 * An event schema may only change BACKWARD-compatibly: every event already on a topic must
 * stay readable with the new schema. Each spec is checked against every version of it ever
 * committed, locally (avsc resolution) and by the real schema registry (BACKWARD subject).
 */
const repoRoot = path.resolve(__dirname, '../..');
const avroDir = path.join(repoRoot, 'specs/avro');
const specFiles = readdirSync(avroDir).filter((file) => file.endsWith('.avsc'));
const registry = createSchemaRegistry(loadConfig(billingConfig).SCHEMA_REGISTRY_URL);
const run = randomBytes(4).toString('hex');

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Every distinct committed version of a spec file, oldest first (empty outside a git checkout). */
function committedVersionsOf(file: string): AvroRecordSchema[] {
  const relative = `specs/avro/${file}`;
  let commits: string[];
  try {
    commits = git('log', '--format=%H', '--reverse', '--', relative).split('\n').filter(Boolean);
  } catch {
    return [];
  }
  const texts = commits.map((commit) => git('show', `${commit}:${relative}`));
  return texts.filter((text, index) => text !== texts[index - 1]).map((text) => JSON.parse(text) as AvroRecordSchema);
}

function currentVersionOf(file: string): AvroRecordSchema {
  return JSON.parse(readFileSync(path.join(avroDir, file), 'utf8')) as AvroRecordSchema;
}

/** Names of the older versions the candidate cannot read (avsc: reader = candidate, writer = old). */
function unreadableVersions(candidate: AvroRecordSchema, olderVersions: AvroRecordSchema[]): number[] {
  const reader = avro.Type.forSchema(candidate);
  return olderVersions.flatMap((old, index) => {
    try {
      reader.createResolver(avro.Type.forSchema(old));
      return [];
    } catch {
      return [index + 1];
    }
  });
}

/** Registers the versions in order under a fresh BACKWARD subject; resolves with the error of the first refused one. */
async function registryVerdict(name: string, versions: AvroRecordSchema[]): Promise<SchemaRegistrationError | undefined> {
  const topic = `compat-check-${run}-${name}`;
  for (const schema of versions) {
    try {
      await registerSchemas(registry, [{ topic, schema }]);
    } catch (error) {
      if (error instanceof SchemaRegistrationError) return error;
      throw error;
    }
  }
  return undefined;
}

describe.each(specFiles)('event schema %s', (file) => {
  const history = committedVersionsOf(file);
  const current = currentVersionOf(file);

  it('when compared with every committed version, then it can still read events written with each of them', () => {
    expect(unreadableVersions(current, history)).toEqual([]);
  });

  it('when registered after every committed version in a BACKWARD subject of the registry, then the registry accepts it', async () => {
    expect(await registryVerdict(file.replace(/\W+/g, '-'), [...history, current])).toBeUndefined();
  });
});

describe('a breaking change to an event schema', () => {
  const file = specFiles.find((name) => name.startsWith('contract.lifecycle')) ?? specFiles[0];
  const current = currentVersionOf(file as string);
  const broken: AvroRecordSchema = { ...current, fields: [...current.fields, { name: 'mandatoryNewField', type: 'string' }] };

  it('when a field without default is added, then the local check finds the old versions unreadable', () => {
    expect(unreadableVersions(broken, [current])).toEqual([1]);
  });

  it('when a field without default is added, then the registry refuses it as incompatible', async () => {
    const verdict = await registryVerdict('broken', [current, broken]);
    expect(verdict?.incompatible).toBe(true);
  });
});
