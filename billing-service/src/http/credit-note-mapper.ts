import { toDecimal } from '@boissipay/money';
import type { billingApi } from '@boissipay/contracts';
import type { CreditNoteRow } from '../infra/credit-note-repository';
import { languageOf, percentOf, vatSubtotalResponseOf } from './invoice-mapper';

type Schemas = billingApi.components['schemas'];

/** The credit note as the API shows it: decimal amounts, percent rates, ISO instants. */
export function creditNoteResponseOf(creditNote: CreditNoteRow): Schemas['CreditNote'] {
  const { currency } = creditNote;
  return {
    creditNoteRef: creditNote.creditNoteRef,
    invoiceRef: creditNote.invoiceRef,
    contractRef: creditNote.contractRef,
    issueDate: creditNote.issueDate,
    language: languageOf(creditNote.language),
    currency,
    totalWithoutTax: toDecimal(creditNote.totalWithoutTaxMinor, currency),
    totalTax: toDecimal(creditNote.totalTaxMinor, currency),
    totalWithTax: toDecimal(creditNote.totalWithTaxMinor, currency),
    vatBreakdown: creditNote.vatBreakdown.map((subtotal) => vatSubtotalResponseOf(subtotal, currency)),
    lines: creditNote.lines.map((line) => ({
      lineNumber: line.lineNumber,
      description: line.description,
      vatRate: percentOf(line.vatRateBasisPoints),
      amountWithoutTax: toDecimal(line.amountWithoutTaxMinor, currency),
      tax: toDecimal(line.taxMinor, currency),
      amountWithTax: toDecimal(line.amountWithTaxMinor, currency),
    })),
    reason: creditNote.reason,
    issuedBy: creditNote.issuedBy,
    issuedAt: creditNote.issuedAt.toISOString(),
  };
}
