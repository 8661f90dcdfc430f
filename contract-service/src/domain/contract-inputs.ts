import { MoneyError, toMinorUnits, type Money } from '@boissipay/money';
import type { IsoDate, Mandate } from './contract';
import type { Problem } from './contract.errors';
import { bicProblems, ibanProblems } from './bank-account';
import { isAfter } from './dates';

/** A mandate as a client submits it: never REVOKED, which only revocation produces. */
export interface MandateInput {
  mandateRef: string;
  iban: string;
  bic: string | null;
  signedAt: IsoDate | null;
  status: 'PENDING_SIGNATURE' | 'ACTIVE';
}

/** An amount as the API carries it: a decimal number and its currency. */
export interface AmountInput {
  amount: number;
  currency: string;
}

type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** A signed, ACTIVE mandate on a valid IBAN (and BIC, when given); `field` locates it in the request body. */
export function checkMandate(input: MandateInput, today: IsoDate, field: string): Checked<Mandate> {
  const problems: Problem[] = [...ibanProblems(input.iban, `${field}/iban`), ...bicProblems(input.bic, `${field}/bic`)];
  if (input.status === 'ACTIVE' && input.signedAt === null) {
    problems.push({ code: 'INVALID_MANDATE', field: `${field}/signedAt`, message: 'An ACTIVE mandate must have been signed: signedAt is required.' });
  }
  if (input.status === 'PENDING_SIGNATURE' && input.signedAt !== null) {
    problems.push({ code: 'INVALID_MANDATE', field: `${field}/signedAt`, message: 'A mandate PENDING_SIGNATURE cannot have a signedAt date; send it as ACTIVE.' });
  }
  if (input.signedAt !== null && isAfter(input.signedAt, today)) {
    problems.push({ code: 'INVALID_MANDATE', field: `${field}/signedAt`, message: `The mandate cannot be signed in the future (${input.signedAt}).` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...input, revokedAt: null, revocationReason: null } };
}

/** A strictly positive amount in a known currency, converted exactly to minor units. */
export function checkLimit(input: AmountInput, field: string): Checked<Money> {
  try {
    const amountMinor = toMinorUnits(input.amount, input.currency);
    if (amountMinor <= 0) {
      return { ok: false, problems: [{ code: 'INVALID_AMOUNT', field: `${field}/amount`, message: 'The outstanding limit must be greater than zero.' }] };
    }
    return { ok: true, value: { amountMinor, currency: input.currency } };
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    const unknownCurrency = error.code === 'UNKNOWN_CURRENCY';
    return {
      ok: false,
      problems: [
        {
          code: unknownCurrency ? 'UNKNOWN_CURRENCY' : 'INVALID_AMOUNT',
          field: `${field}/${unknownCurrency ? 'currency' : 'amount'}`,
          message: error.message,
        },
      ],
    };
  }
}
