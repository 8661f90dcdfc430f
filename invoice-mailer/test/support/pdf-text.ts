import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// unpdf is ESM-only and Jest runs CommonJS: it reads the PDF in a child Node process.
const EXTRACT = `
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[1])));
const { totalPages, text } = await extractText(pdf, { mergePages: true });
process.stdout.write(JSON.stringify({ pages: totalPages, text }));
`;

export interface PdfText {
  pages: number;
  /** The text with every run of white space (no-break spaces included) made one space. */
  text: string;
}

export async function pdfText(pdf: Buffer): Promise<PdfText> {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const dir = await mkdtemp(path.join(tmpdir(), 'mailer-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', EXTRACT, file], { cwd: path.resolve(__dirname, '../../..') });
    const { pages, text } = JSON.parse(stdout) as { pages: number; text: string };
    // Long references wrap after a hyphen; joining them back keeps them searchable.
    return { pages, text: text.replace(/\s+/g, ' ').replace(/- (?=\S)/g, '-') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
