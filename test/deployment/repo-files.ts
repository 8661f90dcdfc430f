import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(__dirname, '../..');

export function readRepoFile(relativePath: string): string {
  return readFileSync(path.join(repoRoot, relativePath), 'utf8');
}

/** YAML with its `<<` merge keys resolved, as Compose and GitHub read it. */
export function readYaml<T>(relativePath: string): T {
  return parse(readRepoFile(relativePath), { merge: true }) as T;
}

export interface ComposeService {
  image?: string;
  build?: { context: string; args?: Record<string, string> };
  pull_policy?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  restart?: string;
  ports?: string[];
  volumes?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export const readCompose = (): ComposeFile => readYaml<ComposeFile>('docker-compose.yml');

/** The folders at the repository root that hold a service (a `src/main.ts`). */
export function serviceFolders(): string[] {
  return readdirSync(repoRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(repoRoot, entry.name, 'src', 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** The topics the specs declare: one `specs/avro/<topic>.avsc` per topic. */
export function declaredTopics(): string[] {
  return readdirSync(path.join(repoRoot, 'specs', 'avro'))
    .filter((file) => file.endsWith('.avsc'))
    .map((file) => file.slice(0, -'.avsc'.length))
    .sort();
}
