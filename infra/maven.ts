import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runtimeDir } from './runtime-paths';
import { elapsedSince } from './timing';

// Kafka and the registry may both be fetched by one `start`; Maven runs are queued because
// two concurrent Maven processes writing the same ~/.m2 repository can corrupt it.
let mavenQueue: Promise<unknown> = Promise.resolve();

function runMaven(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const command = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
    const child = spawn(command, ['-B', '-q', ...args], {
      // Run outside the user's directory: a pom.xml there would change what `dependency:copy` means.
      cwd: runtimeDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) => reject(new Error(`could not run Maven (${command}): ${error.message}`)));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`mvn ${args.join(' ')} failed with code ${code}\n${output.trim()}`)),
    );
  });
}

/** Runs `work` once the previous Maven work (if any) has finished, whatever its outcome. */
function runAfterPreviousMaven(work: () => Promise<void>): Promise<void> {
  const run = mavenQueue.then(work);
  mavenQueue = run.catch(() => undefined);
  return run;
}

function directorySizeBytes(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const entryPath = path.join(dir, entry.name);
    return total + (entry.isDirectory() ? directorySizeBytes(entryPath) : fs.statSync(entryPath).size);
  }, 0);
}

/** Runs a downloading Maven command and reports what came down, how big and how long it took. */
export function downloadWithMaven(what: string, args: string[], outputDir: string): Promise<void> {
  return runAfterPreviousMaven(async () => {
    const started = process.hrtime.bigint();
    console.log(`  downloading ${what} with Maven (once; cached in ~/.m2 afterwards)...`);
    await runMaven(args);
    const megabytes = (directorySizeBytes(outputDir) / 1024 / 1024).toFixed(0);
    console.log(`  downloaded ${what}: ${megabytes} MB in ${elapsedSince(started)}`);
  });
}
