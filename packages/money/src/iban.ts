import type * as IbanTools from 'ibantools' with { 'resolution-mode': 'import' };

// ibantools is an ES module that ships a CommonJS build (its "require" export), which Node
// loads for this CommonJS package; only its typings are declared for ES modules.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isValidIBAN } = require('ibantools') as typeof IbanTools;

/**
 * Whether an IBAN (electronic format: no spaces, upper case) is one a bank could debit: its
 * country's length and BBAN structure, national check keys and ISO 13616 check digits, by the
 * same maintained library contract-service checks mandates with (ibantools).
 */
export function isValidIban(iban: string): boolean {
  return isValidIBAN(iban);
}
