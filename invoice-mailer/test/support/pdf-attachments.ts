import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// unpdf is ESM-only and Jest runs CommonJS: it reads the PDF in a child Node process, as pdf-text.ts does.
const EXTRACT = `
import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[1])));
const attachments = (await pdf.getAttachments()) ?? {};
const files = Object.values(attachments).map((file) => ({ filename: file.filename, content: Buffer.from(file.content).toString('base64') }));
process.stdout.write(JSON.stringify(files));
`;

/** The files embedded in a PDF (its associated files, such as Factur-X's factur-x.xml), by name. */
export async function pdfAttachments(pdf: Buffer): Promise<Map<string, Buffer>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mailer-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', EXTRACT, file], { cwd: path.resolve(__dirname, '../../..') });
    const files = JSON.parse(stdout) as Array<{ filename: string; content: string }>;
    return new Map(files.map((entry) => [entry.filename, Buffer.from(entry.content, 'base64')]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
