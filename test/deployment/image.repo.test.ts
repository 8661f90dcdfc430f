import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readRepoFile, repoRoot } from './repo-files';

const dockerfile = readRepoFile('Dockerfile');
const packageJson = JSON.parse(readRepoFile('package.json')) as {
  workspaces: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The npm workspace folders, with `packages/*` expanded. */
function workspaceFolders(): string[] {
  return packageJson.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(path.join(repoRoot, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(repoRoot, parent, entry.name, 'package.json')))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

describe('Dockerfile', () => {
  it('when a workspace exists, then its manifest is copied before the dependencies are installed', () => {
    const installAt = dockerfile.indexOf('npm ci');
    for (const folder of workspaceFolders()) {
      const copy = dockerfile.indexOf(`COPY ${folder}/package.json ${folder}/`);
      expect([folder, copy >= 0 && copy < installAt]).toEqual([folder, true]);
    }
  });

  it('the final image holds the production dependencies only and runs the sources with tsx, which is therefore a production dependency', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toContain(
      'CMD ["node", "--disable-warning=TimeoutNegativeWarning", "--import", "tsx", "--import", "/app/packages/runtime/src/tracing/instrument.ts", "src/main.ts"]',
    );
    expect(existsSync(path.join(repoRoot, 'packages/runtime/src/tracing/instrument.ts'))).toBe(true);
    const tsxIn = packageJson.dependencies.tsx ? 'dependencies' : packageJson.devDependencies.tsx ? 'devDependencies' : 'nowhere';
    expect({ tsxIn }).toEqual({ tsxIn: 'dependencies' });
  });

  it('the base image is pinned, the service runs as a non-root user, exposes its port and reports readiness', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:\d+\.\d+\.\d+-[a-z]+-slim$/m);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^EXPOSE \$\{SERVICE_PORT\}$/m);
    expect(runtime).toMatch(/^ENV NODE_ENV=production/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*\/health\/ready/m);
  });

  it('.dockerignore keeps local installs, secrets, git and the local infrastructure out of the build context', () => {
    const ignored = readRepoFile('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '.env', '.env.*', '.git', 'infra']) expect(ignored).toContain(entry);
  });
});
