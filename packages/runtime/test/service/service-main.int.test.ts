import { execFile } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

/** Starts a real service entry point the way `npm start` and the images do. */
function startMain(service: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(tsx, [path.join(repoRoot, service, 'src/main.ts')], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 }, (_error, _stdout, stderr) =>
      resolve({ code: child.exitCode, stderr }),
    );
  });
}

describe('a service process with bad configuration', () => {
  it('when production has no token secret, then it exits at start-up naming AUTH_JWT_SECRET', async () => {
    const { code, stderr } = await startMain('billing-service', { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toContain('billing-service: Invalid configuration');
    expect(stderr).toContain('AUTH_JWT_SECRET is required');
  });

  it('when a variable is malformed, then it exits naming that variable and its value', async () => {
    const { code, stderr } = await startMain('contract-service', { PORT: 'eighty', KAFKA_BROKERS: '' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT="eighty" is invalid');
    expect(stderr).toContain('KAFKA_BROKERS="" is invalid');
    expect(stderr).not.toMatch(/\n\s+at /); // a message for the operator, not a stack trace
  });
});
