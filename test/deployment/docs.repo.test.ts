import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { requiredVariableNames } from '../../scripts/generate-env-example';
import { declaredTopics, readRepoFile, readYaml, repoRoot } from './repo-files';

interface AsyncApi {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: 'send' | 'receive'; channel: { $ref: string }; tags: Array<{ name: string }> }>;
  components: { messages: Record<string, { payload: { schemaFormat: string; schema: { $ref: string } } }> };
}

const architecture = readRepoFile('docs/architecture.md');
const deployment = readRepoFile('docs/deployment.md');
const asyncapi = readYaml<AsyncApi>('specs/asyncapi.yaml');

/** Follows a local JSON pointer (`#/components/messages/X`) inside the AsyncAPI document. */
function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], asyncapi);
}

describe('docs and the event catalogue', () => {
  it.each(declaredTopics())('when specs/avro declares %s, then docs/architecture.md and its DLQ list name it', (topic) => {
    expect(architecture).toContain(`\`${topic}\``);
    expect(architecture).toContain(`\`${topic}.dlq\``);
    expect(architecture).toContain(`(../specs/avro/${topic}.avsc)`);
  });

  it.each(declaredTopics())('when specs/avro declares %s, then specs/asyncapi.yaml has its channel, schema, producer and consumers', (topic) => {
    const [channelId, channel] = Object.entries(asyncapi.channels).find(([, candidate]) => candidate.address === topic) ?? [];
    expect(channel).toBeDefined();
    const schemas = Object.values(channel?.messages ?? {}).map((message) => (resolve(message.$ref) as AsyncApi['components']['messages'][string]).payload);
    expect(schemas).toEqual([{ schemaFormat: 'application/vnd.apache.avro;version=1.9.0', schema: { $ref: `./avro/${topic}.avsc` } }]);
    const actions = Object.values(asyncapi.operations).filter((operation) => operation.channel.$ref === `#/channels/${channelId}`).map((operation) => operation.action);
    expect(actions.filter((action) => action === 'send')).toHaveLength(1);
    expect(actions).toContain('receive');
  });

  it('every reference of specs/asyncapi.yaml resolves: local pointers and schema files', () => {
    const refs = [...readRepoFile('specs/asyncapi.yaml').matchAll(/\$ref: '([^']+)'/g)].map((match) => match[1] as string);
    for (const ref of refs) {
      if (ref.startsWith('#/')) expect([ref, resolve(ref) !== undefined]).toEqual([ref, true]);
      else expect([ref, existsSync(path.join(repoRoot, 'specs', ref))]).toEqual([ref, true]);
    }
  });

  it('every OpenAPI spec and each of its scopes is in the API catalogue', () => {
    for (const file of readdirSync(path.join(repoRoot, 'specs', 'openapi')).filter((name) => name.endsWith('.yaml'))) {
      expect(architecture).toContain(`(../specs/openapi/${file})`);
      const spec = parse(readRepoFile(`specs/openapi/${file}`)) as {
        components: { securitySchemes: Record<string, { flows?: Record<string, { scopes: Record<string, string> }> }> };
      };
      const scopes = Object.values(spec.components.securitySchemes).flatMap((scheme) => Object.values(scheme.flows ?? {}).flatMap((flow) => Object.keys(flow.scopes)));
      for (const scope of scopes) expect([file, scope, architecture.includes(`\`${scope}\``)]).toEqual([file, scope, true]);
    }
  });

  it('the deployment guide tells how to set every required variable, outside its generated reference', () => {
    const written = deployment.slice(0, deployment.indexOf('<!-- configuration-reference:begin'));
    for (const name of requiredVariableNames()) expect([name, written.includes(name)]).toEqual([name, true]);
  });

  it.each(['README.md', 'docs/deployment.md', 'docs/architecture.md'])('the relative links of %s lead to files that exist', (file) => {
    const links = [...readRepoFile(file).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => (match[1] as string).split('#')[0] as string);
    for (const link of links.filter((target) => target !== '' && !/^[a-z]+:/.test(target))) {
      expect([link, existsSync(path.resolve(repoRoot, path.dirname(file), link))]).toEqual([link, true]);
    }
  });

  it('the README keeps its quick start and links to the Docker path and the docs', () => {
    const readme = readRepoFile('README.md');
    expect(readme).toContain('## Quick start (no Docker needed)');
    expect(readme).toContain('## Run with Docker');
    expect(readme).toContain('(docs/deployment.md)');
    expect(readme).toContain('(docs/architecture.md)');
  });
});
