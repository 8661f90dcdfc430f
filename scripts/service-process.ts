import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { type ServiceName } from './platform';

const repoRoot = path.resolve(__dirname, '..');

/**
 * Starts a service's src/main.ts as a Node process of its own, TypeScript loaded by tsx
 * (`node --import tsx`, as in the container images). Not through the tsx CLI: its wrapper
 * process forwards SIGTERM but cannot forward SIGKILL, so killing it would leave the service
 * itself running, orphaned — a "crash" that crashes nothing.
 */
export function spawnService(service: ServiceName, options: { env: NodeJS.ProcessEnv; stdio: StdioOptions }): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, service, 'src', 'main.ts')], { cwd: repoRoot, env: options.env, stdio: options.stdio });
}
