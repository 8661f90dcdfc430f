/**
 * ISO 13616 IBAN check: move the first four characters to the end, turn letters into
 * numbers (A = 10 … Z = 35) and the result must be 1 modulo 97. Computed piecewise so the
 * 30-odd-digit number never leaves safe integers.
 */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = Number.parseInt(character, 36);
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder === 1;
}
