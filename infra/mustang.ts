import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { javaCommand } from './java';
import { downloadWithMaven } from './maven';
import { infraDir, runtimeDir } from './runtime-paths';

const runFile = promisify(execFile);

/**
 * The Mustang project's validator, as its command-line build on Maven Central
 * (org.mustangproject:Mustang-CLI, one self-contained jar of about 60 MB): the Factur-X and
 * EN 16931 checks of an invoice's XML (XSD, EN 16931 schematron, and the French and German
 * CIUS rules as warnings and notices) and veraPDF's PDF/A check of a PDF with the XML it carries.
 * The validator's own artifact (org.mustangproject:validator) cannot be resolved from Maven
 * Central alone: its POMs name a parent and a repository that are not there.
 */
export const MUSTANG_VERSION = '2.26.0';
const ARTIFACT = `org.mustangproject:Mustang-CLI:${MUSTANG_VERSION}`;
const mustangDir = path.join(runtimeDir, 'mustang');
const jarFile = path.join(mustangDir, `Mustang-CLI-${MUSTANG_VERSION}.jar`);
const validateAllSource = path.join(infraDir, 'mustang', 'ValidateAll.java');

/** Downloads the validator once (cached in ~/.m2 and infra/.runtime); returns its jar. */
export async function fetchMustang(): Promise<string> {
  if (fs.existsSync(jarFile)) return jarFile;
  // Downloaded aside and renamed, so an interrupted download is never taken as complete.
  const partialDir = path.join(mustangDir, 'download');
  fs.rmSync(partialDir, { recursive: true, force: true });
  fs.mkdirSync(partialDir, { recursive: true });
  await downloadWithMaven(`Mustang validator ${MUSTANG_VERSION}`, ['dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${partialDir}`], partialDir);
  fs.renameSync(path.join(partialDir, path.basename(jarFile)), jarFile);
  fs.rmSync(partialDir, { recursive: true, force: true });
  return jarFile;
}

export interface MustangVerdict {
  file: string;
  /** The validator's verdict: no error in any part (PDF/A, XML schema, schematron). */
  valid: boolean;
  /** Its XML report, with every error, warning and notice. */
  report: string;
}

/**
 * Validates the files (Factur-X PDFs or CII XML documents) in one JVM: starting it and loading
 * veraPDF, the schemas and the schematron take most of the time, each further file little.
 */
export async function validateWithMustang(files: readonly string[]): Promise<MustangVerdict[]> {
  if (files.length === 0) return [];
  const jar = await fetchMustang();
  const absolute = files.map((file) => path.resolve(file));
  const { stdout } = await runFile(javaCommand(), ['-Xmx1g', '-cp', jar, validateAllSource, ...absolute], { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  const verdicts = new Map<string, boolean>();
  for (const line of stdout.split('\n')) {
    const match = /^MUSTANG (VALID|INVALID) (.+)$/.exec(line.trim());
    if (match?.[2]) verdicts.set(match[2], match[1] === 'VALID');
  }
  return absolute.map((file) => {
    const valid = verdicts.get(file);
    if (valid === undefined) throw new Error(`the Mustang validator said nothing of ${file}:\n${stdout.slice(-2000)}`);
    return { file, valid, report: fs.readFileSync(`${file}.validation.xml`, 'utf8') };
  });
}

/** The errors a report lists (empty when valid), as one line each: enough to tell what failed. */
export function mustangErrorsOf(report: string): string[] {
  return [...report.matchAll(/<(error|exception)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => (match[2] ?? '').replace(/\s+/g, ' ').trim());
}
