import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { textRunsOf } from './text-runs';

type Doc = PDFKit.PDFDocument;
type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * DejaVu Sans Condensed (npm dejavu-fonts-ttf), embedded: PDF's standard Helvetica only encodes
 * Windows-1252, so names such as Dvořák, Αθήνα or Москва came out garbled. Condensed keeps
 * Helvetica's widths closely enough for the same layout.
 */
const DEJAVU_FILES = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FACES = {
  regular: { name: 'Body', file: path.join(DEJAVU_FILES, 'DejaVuSansCondensed.ttf') },
  bold: { name: 'Body-Bold', file: path.join(DEJAVU_FILES, 'DejaVuSansCondensed-Bold.ttf') },
  oblique: { name: 'Body-Oblique', file: path.join(DEJAVU_FILES, 'DejaVuSansCondensed-Oblique.ttf') },
} as const;

/**
 * DejaVu has no Chinese, Japanese nor Korean: those characters are drawn with WenQuanYi Micro
 * Hei (Debian package fonts-wqy-microhei, Apache-2.0 or GPLv3 with the font exception), one
 * 5 MB file with the CJK ideographs, kana and every Hangul syllable, which the Dockerfile and
 * CI install. A full Noto CJK is 16 MB or more per weight, the npm packages of Noto SC/JP/KR
 * subsets weigh 40 to 75 MB installed, and Droid Sans Fallback has no Hangul. pdfkit embeds
 * only the glyphs a document uses, so an invoice grows by a few kilobytes only when it has such
 * a name. It has one weight: bold CJK text is drawn regular.
 */
export const CJK_FALLBACK = { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' } as const;
const CJK_FALLBACK_NAME = 'Fallback-CJK';

interface LoadedFace {
  name: string;
  data: Buffer;
  /** The font's name inside a collection file (.ttc). */
  postscriptName?: string;
  covers: (codePoint: number) => boolean;
}

interface InvoiceFonts {
  faces: LoadedFace[];
  /** Undefined when the CJK font is not installed: such characters then print as empty boxes. */
  fallback: LoadedFace | undefined;
}

let loaded: InvoiceFonts | undefined;

/** Read once per process: parsing the fallback's 4 MB for every invoice would be wasted work. */
function invoiceFonts(): InvoiceFonts {
  loaded ??= {
    faces: Object.values(FACES).map(({ name, file }) => loadFace(name, file)),
    fallback: existsSync(CJK_FALLBACK.file) ? loadFace(CJK_FALLBACK_NAME, CJK_FALLBACK.file, CJK_FALLBACK.postscriptName) : undefined,
  };
  return loaded;
}

/** Whether CJK text can be printed as written (logged at start-up when it cannot). */
export function cjkFallbackInstalled(): boolean {
  return invoiceFonts().fallback !== undefined;
}

function loadFace(name: string, file: string, postscriptName?: string): LoadedFace {
  const data = readFileSync(file);
  const font = fontkit.create(data, postscriptName);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection: name the font in it`);
  return { name, data, postscriptName, covers: (codePoint) => font.hasGlyphForCodePoint(codePoint) };
}

/**
 * Registers the faces on the document and makes its `text` and `heightOfString` draw (and
 * measure) each character the current face lacks with the CJK fallback: the text is split into
 * runs of one font, drawn one after the other as one continued text, so wrapping and position
 * work as for a single call. Done on this document object once, rather than at each of the
 * renderer's calls, so the layout code stays plain pdfkit.
 */
export function useInvoiceFonts(doc: Doc): void {
  const { faces, fallback } = invoiceFonts();
  for (const face of faces) doc.registerFont(face.name, face.data);
  if (!fallback) return;
  doc.registerFont(fallback.name, fallback.data, fallback.postscriptName);

  const coversOf = new Map(faces.map((face) => [face.name, face.covers]));
  const font = doc.font.bind(doc);
  const text = doc.text.bind(doc);
  const heightOfString = doc.heightOfString.bind(doc);
  let current: string = FACES.regular.name;
  const runsOf = (value: string) => textRunsOf(value, { primary: coversOf.get(current) ?? (() => true), fallback: fallback.covers });

  doc.font = ((src: string, ...rest: never[]) => {
    current = src;
    return font(src, ...rest);
  }) as Doc['font'];

  doc.text = ((value: string | number, x?: number | TextOptions, y?: number, options?: TextOptions) => {
    const runs = runsOf(String(value));
    if (!runs.some((run) => run.fallback)) return text(value as string, x as number, y as number, options);
    const first = typeof x === 'object' ? { x: undefined, y: undefined, options: x } : { x, y, options };
    const primary = current;
    runs.forEach((run, index) => {
      const last = index === runs.length - 1;
      font(run.fallback ? fallback.name : primary);
      const continued = last ? (first.options?.continued ?? false) : true;
      if (index === 0) text(run.text, first.x as number, first.y as number, { ...first.options, continued });
      else text(run.text, { continued });
    });
    font(primary);
    return doc;
  }) as Doc['text'];

  // Measured in the fallback when any of it is drawn there: its CJK glyphs are the wider, so a row is never too short.
  doc.heightOfString = ((value: string, options?: TextOptions) => {
    if (!runsOf(value).some((run) => run.fallback)) return heightOfString(value, options);
    const primary = current;
    font(fallback.name);
    const height = heightOfString(value, options);
    font(primary);
    return height;
  }) as Doc['heightOfString'];
}
