import { toDecimal } from '@boissipay/money';
import type { billingApi } from '@boissipay/contracts';
import type { BillingRunPreview } from '../app/preview-billing-run';
import type { BillingRunView } from '../app/read-billing-runs';
import type { InvoiceTotals } from '../domain/invoice';
import type { CurrencyTotalsRow } from '../infra/billing-run-repository';
import { vatSubtotalResponseOf } from './invoice-mapper';

type Schemas = billingApi.components['schemas'];

function currencyTotalsOf(totals: CurrencyTotalsRow): Schemas['CurrencyTotals'] {
  const { currency } = totals;
  return {
    currencyCode: currency,
    totalWithoutTax: toDecimal(totals.withoutTaxMinor, currency),
    totalTax: toDecimal(totals.taxMinor, currency),
    totalWithTax: toDecimal(totals.withTaxMinor, currency),
  };
}

export function billingRunResponseOf({ run, issued }: BillingRunView): Schemas['BillingRun'] {
  return {
    runId: run.runId,
    period: run.period,
    status: run.status,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    contractsConsidered: run.contractsConsidered,
    contractsBilled: issued.contractsBilled,
    invoicesIssued: issued.invoicesIssued,
    creditNotesIssued: issued.creditNotesIssued,
    totals: issued.totals.map(currencyTotalsOf),
    errors: run.errors.map(({ contractRef, message }) => ({ contractRef, message })),
  };
}

export function billingRunPreviewResponseOf(period: string, preview: BillingRunPreview): Schemas['BillingRunPreview'] {
  const byCurrency = new Map<string, CurrencyTotalsRow>();
  const add = (currency: string, totals: InvoiceTotals) => {
    const sum = byCurrency.get(currency) ?? { currency, withoutTaxMinor: 0, taxMinor: 0, withTaxMinor: 0 };
    sum.withoutTaxMinor += totals.withoutTaxMinor;
    sum.taxMinor += totals.taxMinor;
    sum.withTaxMinor += totals.withTaxMinor;
    byCurrency.set(currency, sum);
  };
  const contracts = preview.contracts.map(({ contractRef, operationCount, draft }) => {
    add(draft.currency, draft.totals);
    return {
      contractRef,
      invoiceType: draft.invoiceType,
      currencyCode: draft.currency,
      operationCount,
      lineCount: draft.lines.length,
      totalWithoutTax: toDecimal(draft.totals.withoutTaxMinor, draft.currency),
      totalTax: toDecimal(draft.totals.taxMinor, draft.currency),
      totalWithTax: toDecimal(draft.totals.withTaxMinor, draft.currency),
      vatBreakdown: draft.vatBreakdown.map((subtotal) => vatSubtotalResponseOf(subtotal, draft.currency)),
    };
  });
  return {
    period,
    dryRun: true,
    contracts,
    totals: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)).map(currencyTotalsOf),
    errors: preview.errors,
  };
}
