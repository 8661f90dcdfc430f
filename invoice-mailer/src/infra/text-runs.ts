/** A piece of text drawn in one font: the face's own, or the fallback for what the face lacks. */
export interface TextRun {
  text: string;
  fallback: boolean;
}

export interface Coverage {
  /** The primary face (DejaVu) has a glyph for it. */
  primary: (codePoint: number) => boolean;
  /** The fallback face (CJK) has a glyph for it. */
  fallback: (codePoint: number) => boolean;
}

// White space belongs to the run it is in: "北京 旅行社" stays one run, not three.
const NEUTRAL = /\s/u;

/**
 * Splits text into runs of one font each: every character the primary face lacks and the
 * fallback has goes to the fallback; a character neither has stays with the primary (its
 * missing-glyph box). Adjacent characters of one font make one run, so a wholly Latin text is
 * one primary run.
 */
export function textRunsOf(text: string, coverage: Coverage): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const current = runs[runs.length - 1];
    const fallback = NEUTRAL.test(char) ? (current?.fallback ?? false) : !coverage.primary(codePoint) && coverage.fallback(codePoint);
    if (current && current.fallback === fallback) current.text += char;
    else runs.push({ text: char, fallback });
  }
  return runs;
}
