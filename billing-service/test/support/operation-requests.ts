import { toDecimal } from '@boissipay/money';
import type { billingApi } from '@boissipay/contracts';
import { uniqueName } from './test-environment';

export type OperationRequest = billingApi.components['schemas']['OperationRequest'];

export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The ISO date `days` after today in Paris. */
export function daysAfterToday(days: number): string {
  return new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One order line of `totalMinor` with tax at 10 % VAT, adding up exactly: the base is the
 * total / 1.1 rounded to the minor unit, the tax the rest, within a minor unit of base × 10 %.
 */
export function buildOrder(totalMinor: number, currency = 'EUR', overrides: Partial<OperationRequest['order']> = {}): OperationRequest['order'] {
  const withoutTaxMinor = Math.floor((20 * totalMinor + 11) / 22); // round(totalMinor × 10 / 11), in integers
  const taxMinor = totalMinor - withoutTaxMinor;
  const decimal = (minor: number) => toDecimal(minor, currency === 'JPY' ? 'JPY' : 'EUR');
  return {
    orderRef: uniqueName('ORD'),
    currencyCode: currency,
    orderType: 'PS',
    orderItems: [
      {
        productItems: [
          {
            productRef: 'TGV-PAR-LYS',
            productLabel: 'Paris – Lyon, 2nd class',
            quantity: 1,
            unitPrice: decimal(withoutTaxMinor),
            vatRate: 10,
            amountWithoutTax: decimal(withoutTaxMinor),
            amountTax: decimal(taxMinor),
            amountWithTax: decimal(totalMinor),
            travel: { travellerName: 'Jane Martin', bookingRef: 'PNR7XK2Q', costCentre: 'CE-SPORTS' },
          },
        ],
      },
    ],
    totalWithoutTax: decimal(withoutTaxMinor),
    totalTax: decimal(taxMinor),
    totalWithTax: decimal(totalMinor),
    ...overrides,
  };
}

export function buildPurchaseRequest(contractRef: string, totalMinor = 10_000, overrides: Partial<OperationRequest> = {}): OperationRequest {
  return { type: 'PURCHASE', contractRef, operationAt: today(), order: buildOrder(totalMinor), ...overrides };
}

export function buildRefundRequest(contractRef: string, refundedOrderRef: string, totalMinor: number, overrides: Partial<OperationRequest> = {}): OperationRequest {
  return { type: 'REFUND', contractRef, operationAt: today(), order: buildOrder(totalMinor, 'EUR', { refundedOrderRef }), ...overrides };
}
