import { textRunsOf, type Coverage } from './text-runs';

// A primary face with Latin, Greek and Cyrillic (as DejaVu), a fallback with CJK only.
const coverage: Coverage = {
  primary: (codePoint) => codePoint < 0x0530,
  fallback: (codePoint) => (codePoint >= 0x3040 && codePoint <= 0x30ff) || (codePoint >= 0x4e00 && codePoint <= 0x9fff) || (codePoint >= 0xac00 && codePoint <= 0xd7af),
};

describe('textRunsOf', () => {
  it('when the text is all within the primary face, then it is one primary run', () => {
    expect(textRunsOf('Dvořák – Αθήνα, Москва', coverage)).toEqual([{ text: 'Dvořák – Αθήνα, Москва', fallback: false }]);
  });

  it('when Chinese, Japanese and Korean are mixed with Latin, then each script goes to the face that has it, spaces staying in their run', () => {
    expect(textRunsOf('Customer: 北京旅行社 株式会社 (김민준)', coverage)).toEqual([
      { text: 'Customer: ', fallback: false },
      { text: '北京旅行社 株式会社 ', fallback: true },
      { text: '(', fallback: false },
      { text: '김민준', fallback: true },
      { text: ')', fallback: false },
    ]);
  });

  it('when a character is in neither face, then it stays with the primary one', () => {
    expect(textRunsOf('a\u{1F600}b', coverage)).toEqual([{ text: 'a\u{1F600}b', fallback: false }]);
  });

  it('when the text is empty, then there is no run', () => {
    expect(textRunsOf('', coverage)).toEqual([]);
  });
});
