/**
 * Contract-first code generation: TypeScript types from specs/openapi/*.yaml and
 * specs/avro/*.avsc into packages/contracts/generated. `--check` writes nothing and fails
 * when the committed files differ from what the specs produce (stale or hand-edited).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultDirs, renderGeneratedFiles, repoRoot, type CodegenDirs } from './codegen/generated-files';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)])),
  );
  return nested.flat();
}

/** Generated files that differ from what the specs produce now, relative to the generated folder. */
export async function findStaleFiles(dirs: CodegenDirs = defaultDirs): Promise<string[]> {
  const expected = await renderGeneratedFiles(dirs);
  const stale: string[] = [];
  for (const [file, content] of expected) {
    const actual = await readFile(file, 'utf8').catch(() => undefined);
    if (actual !== content) stale.push(path.relative(dirs.generatedDir, file));
  }
  for (const file of await listFiles(dirs.generatedDir)) {
    if (!expected.has(file)) stale.push(`${path.relative(dirs.generatedDir, file)} (no spec produces it)`);
  }
  return stale;
}

export async function writeGeneratedFiles(dirs: CodegenDirs = defaultDirs): Promise<number> {
  const expected = await renderGeneratedFiles(dirs);
  await rm(dirs.generatedDir, { recursive: true, force: true });
  for (const [file, content] of expected) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return expected.size;
}

/** `--specs DIR` and `--out DIR` point the generator at another tree (used by its own tests). */
function dirsFromArgs(args: readonly string[]): CodegenDirs {
  const valueOf = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  return {
    specsDir: path.resolve(valueOf('--specs') ?? defaultDirs.specsDir),
    generatedDir: path.resolve(valueOf('--out') ?? defaultDirs.generatedDir),
  };
}

async function main(): Promise<void> {
  const dirs = dirsFromArgs(process.argv.slice(2));
  const relativeOut = path.relative(repoRoot, dirs.generatedDir);
  if (!process.argv.includes('--check')) {
    console.log(`generated ${await writeGeneratedFiles(dirs)} file(s) in ${relativeOut}`);
    return;
  }
  const stale = await findStaleFiles(dirs);
  if (stale.length === 0) return console.log('generated files are up to date with specs/');
  console.error(`${relativeOut} is out of date with specs/ (run npm run generate):\n  ${stale.join('\n  ')}`);
  process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
