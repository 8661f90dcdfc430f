import { MoneyError, toMinorUnits, toScaledInteger } from '@boissipay/money';
import type { billingApi } from '@boissipay/contracts';
import { requestFingerprint } from '@boissipay/runtime';
import type { Submission } from '../app/submission';
import { vatTreatmentOf } from '../domain/vat-category';
import { billingError } from './billing-errors';

type OperationRequest = billingApi.components['schemas']['OperationRequest'];

export type RequestContext = Pick<Submission, 'idempotencyKey' | 'submittedBy' | 'scope' | 'correlationId'>;

/**
 * The validated body (the spec already checked types, ranges and formats) → a submission in
 * minor units. What the spec cannot express about the format is checked here: a known
 * currency, amounts exact in it, VAT rates of at most two decimals, a VAT category that fits
 * the line's rate, tax and exemption reason (domain/vat-category.ts). Whether the amounts add
 * up is the domain's to say (domain/order-totals.ts).
 */
export function submissionOf(body: OperationRequest, context: RequestContext): Submission {
  const { order } = body;
  if (body.type === 'PURCHASE' && order.refundedOrderRef !== undefined) {
    throw billingError('VALIDATION_FAILED', '/body/order/refundedOrderRef: only a REFUND refers to a purchase.');
  }
  const currency = order.currencyCode;
  const minor = (amount: number, path: string) => toMinor(amount, currency, path);

  const lines: Submission['lines'] = [];
  order.orderItems.forEach((item, itemIndex) => {
    item.productItems.forEach((product, productIndex) => {
      const path = `/body/order/orderItems/${itemIndex}/productItems/${productIndex}`;
      const line = {
        quantity: product.quantity,
        unitPriceMinor: minor(product.unitPrice, `${path}/unitPrice`),
        vatRateBasisPoints: basisPointsOf(product.vatRate, `${path}/vatRate`),
        amountWithoutTaxMinor: minor(product.amountWithoutTax, `${path}/amountWithoutTax`),
        amountTaxMinor: minor(product.amountTax, `${path}/amountTax`),
        amountWithTaxMinor: minor(product.amountWithTax, `${path}/amountWithTax`),
      };
      const vat = vatTreatmentOf({
        path,
        vatCategory: product.vatCategory,
        vatRateBasisPoints: line.vatRateBasisPoints,
        amountTaxMinor: line.amountTaxMinor,
        vatExemptionReasonCode: product.vatExemptionReasonCode,
        vatExemptionReason: product.vatExemptionReason,
      });
      if (vat.kind === 'problem') throw billingError('VAT_CATEGORY_INVALID', `${vat.path}: ${vat.message}`);
      lines.push({
        path,
        lineNo: lines.length + 1,
        orderItemNo: itemIndex + 1,
        productRef: product.productRef ?? null,
        productLabel: product.productLabel,
        packaging: product.packaging ?? null,
        ecoParticipationMinor: product.amountEcoParticipation === undefined ? null : minor(product.amountEcoParticipation, `${path}/amountEcoParticipation`),
        deliveredOn: item.deliveredOn ?? null,
        travellerName: product.travel?.travellerName ?? null,
        bookingRef: product.travel?.bookingRef ?? null,
        costCentre: product.travel?.costCentre ?? null,
        ...vat.treatment,
        ...line,
      });
    });
  });

  const totals = {
    withoutTaxMinor: minor(order.totalWithoutTax, '/body/order/totalWithoutTax'),
    taxMinor: minor(order.totalTax, '/body/order/totalTax'),
    withTaxMinor: minor(order.totalWithTax, '/body/order/totalWithTax'),
  };
  if (order.amountEcoParticipation !== undefined) minor(order.amountEcoParticipation, '/body/order/amountEcoParticipation');

  return {
    type: body.type,
    contractRef: body.contractRef,
    orderRef: order.orderRef,
    refundedOrderRef: body.type === 'REFUND' ? (order.refundedOrderRef ?? order.orderRef) : null,
    customerRef: body.customerRef ?? null,
    operationAt: body.operationAt,
    currency,
    totals,
    lines,
    orderPath: '/body/order',
    request: body as unknown as Record<string, unknown>,
    requestHash: requestFingerprint(body),
    ...context,
  };
}

function toMinor(amount: number, currency: string, path: string): number {
  try {
    return toMinorUnits(amount, currency);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    if (error.code === 'UNKNOWN_CURRENCY') throw billingError('UNKNOWN_CURRENCY', `${currency} is not an ISO 4217 currency code.`);
    throw billingError('INVALID_AMOUNT', `${path}: ${error.message}.`);
  }
}

/** A percent with at most two decimals (5.5, 20, 2.1) → basis points (550, 2000, 210), exactly. */
function basisPointsOf(percent: number, path: string): number {
  try {
    return toScaledInteger(percent, 2);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    throw billingError('INVALID_VAT_RATE', `${path}: a VAT rate is a percent with at most 2 decimals (5.5, 20); ${percent} is not.`);
  }
}

