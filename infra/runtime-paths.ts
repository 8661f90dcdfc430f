import path from 'node:path';

/**
 * Everything the infra scripts download or write lives under infra/.runtime (git-ignored),
 * so "reset everything" is a single directory removal.
 */
export const infraDir = __dirname;
export const runtimeDir = path.join(infraDir, '.runtime');
export const logsDir = path.join(runtimeDir, 'logs');
export const pidsDir = path.join(runtimeDir, 'pids');

export function logFile(name: string): string {
  return path.join(logsDir, `${name}.log`);
}

export function pidFile(name: string): string {
  return path.join(pidsDir, `${name}.json`);
}
