import { isValidIban } from './iban';

describe('isValidIban', () => {
  it('when IBANs of several countries have correct check digits, then they are valid', () => {
    for (const iban of ['FR7630006000011234567890189', 'DE89370400440532013000', 'GB29NWBK60161331926819', 'BE68539007547034', 'NL91ABNA0417164300']) {
      expect(isValidIban(iban)).toBe(true);
    }
  });

  it('when one digit is changed or two are swapped, then the checksum catches it', () => {
    expect(isValidIban('FR7630006000011234567890188')).toBe(false);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('GB29NWBK60161331926891')).toBe(false);
  });

  it('when the check digits are right but the length is not the country\'s, then it is invalid', () => {
    // 15 characters where a French IBAN has 27: its ISO 13616 check digits alone pass.
    expect(isValidIban('FR6930006000011')).toBe(false);
  });

  it('when the text is not shaped like an IBAN, then it is invalid without computing anything', () => {
    for (const iban of ['', 'FR76 3000 6000 0112 3456 7890 189', 'fr7630006000011234567890189', 'FR76', '7630006000011234567890189']) {
      expect(isValidIban(iban)).toBe(false);
    }
  });
});
