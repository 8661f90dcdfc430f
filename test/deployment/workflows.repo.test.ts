import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { serviceIdentities, serviceNames } from '../../scripts/platform';
import { readRepoFile, readYaml, repoRoot } from './repo-files';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  services?: Record<string, { image: string; env?: Record<string, string>; ports?: string[] }>;
  strategy?: { matrix: { include: Array<{ service: string; port: number }> } };
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[]; tags?: string[] }; pull_request?: unknown };
  jobs: Record<string, Job>;
}

const workflowFiles = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];
const ci = readYaml<Workflow>('.github/workflows/ci.yml');
const release = readYaml<Workflow>('.github/workflows/release.yml');
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepUsing = (workflow: Workflow, action: string) => stepsOf(workflow).find((step) => step.uses?.startsWith(`${action}@`));
const runs = (workflow: Workflow) => stepsOf(workflow).map((step) => step.run ?? '').join('\n');

describe('GitHub workflows', () => {
  it("when read by GitHub's workflow parser, then neither has an error", async () => {
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    let stdout: string;
    try {
      ({ stdout } = await promisify(execFile)(tsx, ['test/deployment/validate-workflows.mjs', ...workflowFiles], { cwd: repoRoot }));
    } catch (error) {
      const { stderr } = error as { stderr: string };
      if (stderr.includes("Cannot find package '@actions/workflow-parser'")) {
        throw new Error('The workflows are checked with GitHub\'s parser: add the devDependency "@actions/workflow-parser" (npm install -D @actions/workflow-parser@0.3.61).');
      }
      throw error;
    }
    expect(JSON.parse(stdout)).toEqual(workflowFiles.map((file) => ({ file, errors: [] })));
  });

  it('every action is pinned to a commit', () => {
    for (const file of workflowFiles) {
      const uses = [...readRepoFile(file).matchAll(/uses:\s*(\S+)/g)].map((match) => match[1] as string);
      expect(uses.length).toBeGreaterThan(0);
      for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    }
  });

  it('both build every service with its folder and port, as docker-compose.yml does, and the back office', () => {
    const expected = [...serviceNames.map((service) => ({ service, port: serviceIdentities[service].port })), { service: 'backoffice', port: 8484 }];
    expect(ci.jobs.images?.strategy?.matrix.include).toEqual(expected);
    expect(release.jobs.images?.strategy?.matrix.include).toEqual(expected);
    for (const workflow of [ci, release]) {
      expect(String(stepUsing(workflow, 'docker/build-push-action')?.with?.['build-args'])).toBe(
        'SERVICE=${{ matrix.service }}\nSERVICE_PORT=${{ matrix.port }}\n',
      );
    }
  });

  it('CI lints, typechecks, checks generated files and runs every test on Node 20, Java 17 and a trusting PostgreSQL', () => {
    expect(ci.on.push?.branches).toEqual(['main']);
    expect(ci.on.pull_request).toBeDefined();
    expect(stepUsing(ci, 'actions/setup-node')?.with?.['node-version']).toBe(20);
    expect(stepUsing(ci, 'actions/setup-java')?.with).toMatchObject({ distribution: 'temurin', 'java-version': 17 });
    const postgres = ci.jobs.test?.services?.postgres;
    expect(postgres?.env?.POSTGRES_HOST_AUTH_METHOD).toBe('trust');
    expect(postgres?.ports).toEqual(['5432:5432']);
    for (const command of ['npm ci', 'npm run lint', 'npm run typecheck', 'npm run generate:check', 'scripts/generate-env-example.ts --check', 'npm test']) {
      expect(runs(ci)).toContain(command);
    }
  });

  it('a release runs on main and on v* tags, pushes with the Docker Hub secrets, then POSTs to the Portainer webhook', () => {
    expect(release.on.push).toEqual({ branches: ['main'], tags: ['v*'] });
    expect(stepUsing(release, 'docker/login-action')?.with).toEqual({
      username: '${{ secrets.DOCKERHUB_USERNAME }}',
      password: '${{ secrets.DOCKERHUB_TOKEN }}',
    });
    expect(stepUsing(release, 'docker/build-push-action')?.with?.push).toBe(true);
    const tags = String(stepUsing(release, 'docker/metadata-action')?.with?.tags);
    expect(tags).toContain('type=raw,value=latest,enable={{is_default_branch}}');
    expect(tags).toContain('type=semver,pattern={{version}}');
    expect(tags).toContain('type=sha,prefix=sha-');
    const redeploy = release.jobs.redeploy;
    expect(redeploy?.needs).toBe('images');
    expect(redeploy?.steps[0]?.env).toEqual({ PORTAINER_WEBHOOK_URL: '${{ secrets.PORTAINER_WEBHOOK_URL }}' });
    expect(redeploy?.steps[0]?.run).toMatch(/curl .*\\\n\s*-X POST "\$PORTAINER_WEBHOOK_URL"/);
  });
});
