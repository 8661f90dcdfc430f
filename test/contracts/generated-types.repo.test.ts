import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const repoRoot = path.resolve(__dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const generator = path.join(repoRoot, 'scripts/generate.ts');

/** Runs the real `npm run generate` script (openapi-typescript is ESM-only inside, so not importable under Jest). */
async function generate(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [generator, ...args], { cwd: repoRoot });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('generated types (npm run generate)', () => {
  it('when compared with what specs/ produces now, then the committed generated files are identical', async () => {
    const result = await generate('--check');
    expect(result.output).toContain('up to date');
    expect(result.code).toBe(0);
  });

  describe('in a scratch copy of specs/', () => {
    let workDir: string;
    let specsDir: string;
    let outDir: string;
    const check = () => generate('--check', '--specs', specsDir, '--out', outDir);

    beforeEach(async () => {
      workDir = await mkdtemp(path.join(tmpdir(), 'boissipay-codegen-'));
      specsDir = path.join(workDir, 'specs');
      outDir = path.join(workDir, 'generated');
      await cp(path.join(repoRoot, 'specs'), specsDir, { recursive: true });
      await cp(path.join(repoRoot, 'test/fixtures/avro/sample.order-placed.v1.avsc'), path.join(specsDir, 'avro/sample.order-placed.v1.avsc'));
      expect((await generate('--specs', specsDir, '--out', outDir)).code).toBe(0);
      expect((await check()).code).toBe(0);
    });

    afterEach(() => rm(workDir, { recursive: true, force: true }));

    it('when a spec changes after generation, then the check fails naming the stale file', async () => {
      const specPath = path.join(specsDir, 'openapi/billing.yaml');
      await writeFile(specPath, (await readFile(specPath, 'utf8')).replaceAll('format: date-time', 'format: date'));
      const result = await check();
      expect(result.code).toBe(1);
      expect(result.output).toContain('openapi/billing.ts');
    });

    it('when an avro schema gains a field, then the check fails naming its generated module', async () => {
      const specPath = path.join(specsDir, 'avro/sample.order-placed.v1.avsc');
      const schema = JSON.parse(await readFile(specPath, 'utf8'));
      schema.fields.push({ name: 'channel', type: 'string', default: 'web' });
      await writeFile(specPath, JSON.stringify(schema));
      const result = await check();
      expect(result.code).toBe(1);
      expect(result.output).toContain('avro/sampleOrderPlacedV1.ts');
    });

    it('when a generated file is edited by hand or left behind, then the check fails naming both', async () => {
      await writeFile(path.join(outDir, 'openapi/contract.ts'), '// edited\n', { flag: 'a' });
      await writeFile(path.join(outDir, 'openapi/orphan.ts'), 'export {};\n');
      const result = await check();
      expect(result.code).toBe(1);
      expect(result.output).toContain('openapi/contract.ts');
      expect(result.output).toContain('openapi/orphan.ts (no spec produces it)');
    });
  });
});
