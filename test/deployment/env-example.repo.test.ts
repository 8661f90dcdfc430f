import { backofficeVariables, catalogueNames, findStaleFiles, renderEnvExample, requiredVariableNames, stackOnlyVariables, stackSettingOf } from '../../scripts/generate-env-example';
import { readCompose, readRepoFile } from './repo-files';

const envExample = readRepoFile('.env.example');
const hasLine = (pattern: string) => new RegExp(`^${pattern}$`, 'm').test(envExample);

describe('.env.example', () => {
  it('when generated again from the config catalogue, then .env.example and the configuration reference of docs/deployment.md are unchanged', async () => {
    expect(await findStaleFiles()).toEqual([]);
    expect(envExample).toBe(renderEnvExample());
  });

  it('every catalogue variable is there: a setting to change, or a note saying how the stack sets it', () => {
    const missing = catalogueNames.filter((name) => {
      const kind = stackSettingOf(name).kind;
      return kind === 'per-service' || kind === 'service-default' ? !hasLine(`# ${name}: .*`) : !hasLine(`${name}=.*`);
    });
    expect(missing).toEqual([]);
  });

  it('every variable of the stack itself is there with its default', () => {
    for (const variable of stackOnlyVariables) {
      if (variable.value !== undefined) expect(envExample).toMatch(new RegExp(`^${variable.name}="?${variable.value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"?$`, 'm'));
    }
  });

  it('every required variable is there, empty: nothing that looks like a usable secret ships in the repository', () => {
    for (const name of requiredVariableNames()) expect(hasLine(`${name}=`)).toBe(true);
  });

  it("every back-office variable is in .env.example and the configuration reference, and compose passes it as they say", () => {
    const deployment = readRepoFile('docs/deployment.md');
    const environment = readCompose().services.backoffice?.environment ?? {};
    expect(backofficeVariables.length).toBeGreaterThan(0);
    for (const { name, inStack } of backofficeVariables) {
      expect([name, hasLine(`# ${name}: .*`), deployment.includes(`| \`${name}\` |`)]).toEqual([name, true, true]);
      expect([name, name in environment]).toEqual([name, !inStack.startsWith('not passed')]);
    }
  });
});
