import { bicProblems, ibanProblems } from './bank-account';

const messageOf = (iban: string) => ibanProblems(iban, '/payment/mandate/iban').map((problem) => `${problem.code}: ${problem.message}`);

describe('the bank account of a mandate', () => {
  it.each(['FR7630006000011234567890189', 'DE89370400440532013000', 'BE68539007547034', 'IT60X0542811101000000123456'])('when the IBAN %s is valid, then nothing is wrong', (iban) => {
    expect(ibanProblems(iban, '/iban')).toEqual([]);
  });

  it('when a French IBAN is too short, then the message gives its length and the length of a French IBAN', () => {
    expect(messageOf('FR6930006000011')).toEqual(['INVALID_IBAN: IBAN FR6930006000011 has 15 characters; an IBAN of FR has 27.']);
  });

  it('when the check digits are wrong, then it says so', () => {
    expect(messageOf('DE89370400440532013001')).toEqual(['INVALID_IBAN: IBAN DE89370400440532013001 fails its ISO 13616 check digits (a typing error).']);
  });

  it('when the French RIB key is wrong, then the national check key is named', () => {
    expect(messageOf('FR7630006000011234567890188')[0]).toContain('national check key');
  });

  it('when the account number has letters where the country has digits, then the BBAN structure is named', () => {
    expect(messageOf('FR76300060000112345678901X9')[0]).toContain('does not have the structure of an account of FR');
  });

  it('when the country has no IBAN, then it says so', () => {
    expect(messageOf('XX7630006000011234567890189')[0]).toContain('(XX)');
  });

  it('when the account is outside the SEPA area, then it cannot be debited by SEPA', () => {
    expect(messageOf('BR1800360305000010009795493C1')[0]).toContain('outside the SEPA area');
  });

  it('when no BIC is given, then nothing is wrong; a valid one is accepted', () => {
    expect(bicProblems(null, '/bic')).toEqual([]);
    expect(bicProblems('AGRIFRPP', '/bic')).toEqual([]);
    expect(bicProblems('BNPAFRPPXXX', '/bic')).toEqual([]);
  });

  it('when the BIC has an unknown country, then INVALID_BIC names it', () => {
    expect(bicProblems('AGRIQQPP', '/bic')).toEqual([{ code: 'INVALID_BIC', field: '/bic', message: 'BIC AGRIQQPP: QQ (its 5th and 6th characters) is not a country code.' }]);
  });
});
