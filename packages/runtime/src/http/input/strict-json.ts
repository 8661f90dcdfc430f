/**
 * JSON.parse lets the last of two equal keys win and body-parser drops a leading byte-order
 * mark, so `{"amount": 1, "amount": 1000}` or a BOM-prefixed body would be read differently by
 * different JSON readers on the way. Such a body is refused instead. No maintained package
 * detects duplicate keys (the JSON parsers that could are full ASTs, far heavier on the decision
 * path), hence this small scanner, run only on bodies that are otherwise valid JSON.
 */
export function jsonProblemOf(raw: Buffer): string | undefined {
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return 'The request body starts with a byte-order mark; send plain UTF-8 JSON.';
  const text = raw.toString('utf8');
  const objects: Array<Set<string> | undefined> = [];
  let expectingKey = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      const end = endOfString(text, index);
      if (end < 0) return undefined; // malformed: the parser reports it
      const current = objects.at(-1);
      if (expectingKey && current) {
        const key = JSON.parse(text.slice(index, end + 1)) as string;
        if (current.has(key)) return `The request body repeats the key "${key}" in one object.`;
        current.add(key);
        expectingKey = false;
      }
      index = end;
    } else if (char === '{') {
      objects.push(new Set());
      expectingKey = true;
    } else if (char === '[') {
      objects.push(undefined);
    } else if (char === '}' || char === ']') {
      objects.pop();
    } else if (char === ',') {
      expectingKey = objects.at(-1) !== undefined;
    }
  }
  return undefined;
}

/** Index of the quote closing the string that opens at `start`, or -1. */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index;
  }
  return -1;
}
