import type * as IbanTools from 'ibantools' with { 'resolution-mode': 'import' };
import type { Problem } from './contract.errors';

// ibantools is an ES module that ships a CommonJS build (its "require" export), which Node
// loads for this CommonJS package; only its typings are declared for ES modules.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { countrySpecs, isSEPACountry, validateBIC, validateIBAN, ValidationErrorsBIC, ValidationErrorsIBAN } = require('ibantools') as typeof IbanTools;

/**
 * What is wrong with a mandate's bank account, each in words a back-office user can act on.
 * The rules are ibantools' (a maintained registry of every country's IBAN length and BBAN
 * structure, with the national check keys such as the French RIB key): a mandate is not worth
 * recording on an account no bank would debit. A SEPA direct debit also needs an account in
 * the SEPA area.
 */
export function ibanProblems(iban: string, field: string): Problem[] {
  const country = iban.slice(0, 2);
  const spec = countrySpecs[country];
  const { errorCodes } = validateIBAN(iban);
  const problem = (message: string): Problem[] => [{ code: 'INVALID_IBAN', field, message }];
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry) || !spec?.chars) return problem(`IBAN ${iban} does not start with the code of a country that has IBANs (${country}).`);
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    return problem(`IBAN ${iban} has ${iban.length} characters; an IBAN of ${country} has ${spec.chars}.`);
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) {
    return problem(`IBAN ${iban}: its account number (BBAN) does not have the structure of an account of ${country} (bank, branch, account and key in their places).`);
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)) {
    return problem(`IBAN ${iban}: the national check key of its account number is wrong (the account number has a typing error).`);
  }
  if (errorCodes.length > 0) return problem(`IBAN ${iban} fails its ISO 13616 check digits (a typing error).`);
  if (!isSEPACountry(country)) return problem(`IBAN ${iban} is an account of ${country}, outside the SEPA area: it cannot be debited by SEPA direct debit.`);
  return [];
}

/** A BIC is optional (an IBAN identifies the bank within SEPA); one given must be well formed, of a known country. */
export function bicProblems(bic: string | null, field: string): Problem[] {
  if (bic === null) return [];
  const { errorCodes } = validateBIC(bic);
  if (errorCodes.includes(ValidationErrorsBIC.NoBICCountry)) {
    return [{ code: 'INVALID_BIC', field, message: `BIC ${bic}: ${bic.slice(4, 6)} (its 5th and 6th characters) is not a country code.` }];
  }
  if (errorCodes.length > 0) return [{ code: 'INVALID_BIC', field, message: `BIC ${bic} is not an ISO 9362 business identifier code (8 or 11 letters and digits).` }];
  return [];
}
