import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { avroToTypeScript } from './avro-to-typescript';
import { openapiToTypeScript } from './openapi-to-typescript';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface CodegenDirs {
  specsDir: string;
  generatedDir: string;
}

export const defaultDirs: CodegenDirs = {
  specsDir: path.join(repoRoot, 'specs'),
  generatedDir: path.join(repoRoot, 'packages', 'contracts', 'generated'),
};

const header = (source: string) =>
  `// Generated from ${source} by \`npm run generate\`. Do not edit: change the spec and regenerate.\n`;

/** camelCase module name for a spec file: `contract.lifecycle.v1.avsc` → `contractLifecycleV1`. */
function identifierOf(file: string): string {
  return path
    .basename(file)
    .replace(/\.(ya?ml|avsc)$/, '')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

async function listSpecs(folder: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  return entries.filter((entry) => pattern.test(entry)).sort();
}

/** Every generated file, path → content, computed from the specs alone (no disk writes). */
export async function renderGeneratedFiles({ specsDir, generatedDir }: CodegenDirs = defaultDirs): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const exports: string[] = [];

  for (const file of await listSpecs(path.join(specsDir, 'openapi'), /\.ya?ml$/)) {
    const name = identifierOf(file);
    const content = await openapiToTypeScript(path.join(specsDir, 'openapi', file));
    files.set(path.join(generatedDir, 'openapi', `${name}.ts`), header(`specs/openapi/${file}`) + content);
    exports.push(`export * as ${name}Api from './openapi/${name}';`);
  }

  for (const file of await listSpecs(path.join(specsDir, 'avro'), /\.avsc$/)) {
    const name = identifierOf(file);
    const schema = JSON.parse(await readFile(path.join(specsDir, 'avro', file), 'utf8'));
    const content = avroToTypeScript(schema, { topic: path.basename(file, '.avsc') });
    files.set(path.join(generatedDir, 'avro', `${name}.ts`), header(`specs/avro/${file}`) + content);
    exports.push(`export * as ${name}Event from './avro/${name}';`);
  }

  const index = exports.length > 0 ? `${exports.join('\n')}\n` : 'export {};\n';
  files.set(path.join(generatedDir, 'index.ts'), header('specs/') + index);
  return files;
}
