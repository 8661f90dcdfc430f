import { jsonProblemOf } from './strict-json';

const problemOf = (text: string) => jsonProblemOf(Buffer.from(text, 'utf8'));

describe('jsonProblemOf', () => {
  it.each(['{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}', '{"a":"x\\"a\\":1"}', '[{"k":1},{"k":1}]', '{"a\\u0062":1,"ab ":2}'])('when every object has distinct keys (%s), then nothing to say', (text) => {
    expect(problemOf(text)).toBeUndefined();
  });

  it.each([
    ['{"amount":1,"amount":1000}', 'amount'],
    ['{"order":{"items":[],"items":[1]}}', 'items'],
    ['[{"a":1},{"b":1,"b":2}]', 'b'],
    ['{"ab":1,"a\\u0062":2}', 'ab'],
  ])('when an object repeats a key (%s), then it is named', (text, key) => {
    expect(problemOf(text)).toBe(`The request body repeats the key "${key}" in one object.`);
  });

  it('when the body starts with a byte-order mark, then it is refused', () => {
    expect(problemOf('\ufeff{}')).toMatch(/byte-order mark/);
  });
});
