import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { type ServiceName } from './platform';

const repoRoot = path.resolve(__dirname, '..');

/** Registers the OpenTelemetry instrumentations before the service requires what they patch (ADR 0016). */
const instrumentation = path.join(repoRoot, 'packages', 'runtime', 'src', 'tracing', 'instrument.ts');

/**
 * Starts a service's src/main.ts as a Node process of its own, TypeScript loaded by tsx
 * (`node --import tsx`, as in the container images), instrumented for tracing unless told
 * otherwise (a benchmark's baseline), with `nodeArgs` before them (e.g. `--cpu-prof`). Not through the tsx CLI: its wrapper
 * process forwards SIGTERM but cannot forward SIGKILL, so killing it would leave the service
 * itself running, orphaned — a "crash" that crashes nothing.
 */
export function spawnService(service: ServiceName, options: { env: NodeJS.ProcessEnv; stdio: StdioOptions; instrumented?: boolean; nodeArgs?: readonly string[] }): ChildProcess {
  const preload = options.instrumented === false ? [] : ['--import', instrumentation];
  return spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', ...preload, path.join(repoRoot, service, 'src', 'main.ts')], { cwd: repoRoot, env: options.env, stdio: options.stdio });
}

/** The back office's src/main.ts, the same way (it is not one of the platform's services: it owns no topic). */
export function spawnBackoffice(options: { env: NodeJS.ProcessEnv; stdio: StdioOptions }): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'backoffice', 'src', 'main.ts')], { cwd: repoRoot, env: options.env, stdio: options.stdio });
}
