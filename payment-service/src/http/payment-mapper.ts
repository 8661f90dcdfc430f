import { toDecimal } from '@boissipay/money';
import type { paymentApi } from '@boissipay/contracts';
import type { PaymentAction } from '../domain/operator-actions';
import type { Payment, PaymentAttempt } from '../domain/payment';

type Schemas = paymentApi.components['schemas'];
export type PaymentResponseBody = Schemas['PaymentResponse'];

/** The payment as the API shows it: decimal amounts, ISO instants, absent rather than null optional fields. */
export function responseOf(payment: Payment, attempts?: readonly PaymentAttempt[], actions?: readonly PaymentAction[]): PaymentResponseBody {
  const { amount, mandate } = payment;
  return {
    paymentRef: payment.paymentRef,
    invoiceRef: payment.invoiceRef,
    invoiceId: payment.invoiceId,
    contractRef: payment.contractRef,
    status: payment.status,
    amount: { amount: toDecimal(amount.amountMinor, amount.currency), currency: amount.currency },
    dueDate: payment.dueDate,
    collectionDate: payment.collectionDate,
    ...(mandate ? { mandate: { mandateRef: mandate.mandateRef, iban: maskIban(mandate.iban), ...optional('bic', mandate.bic) } } : {}),
    attemptCount: payment.attemptCount,
    ...optional('nextAttemptAt', payment.nextAttemptAt?.toISOString() ?? null),
    ...optional('reasonCode', payment.reasonCode),
    ...optional('reasonMessage', payment.reasonMessage),
    ...optional('providerRef', payment.providerRef),
    method: payment.method,
    ...optional('bankReference', payment.bankReference),
    ...optional('receivedOn', payment.receivedOn),
    ...optional('settledAt', payment.settledAt?.toISOString() ?? null),
    ...optional('returnReasonCode', payment.returnReasonCode),
    ...optional('returnedAt', payment.returnedAt?.toISOString() ?? null),
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
    ...(attempts ? { attempts: attempts.map(attemptResponseOf) } : {}),
    ...(actions ? { actions: actions.map(actionResponseOf) } : {}),
  };
}

function actionResponseOf(action: PaymentAction): Schemas['PaymentAction'] {
  return {
    kind: action.kind,
    reason: action.reason,
    requestedBy: action.requestedBy,
    requestedAt: action.requestedAt.toISOString(),
    ...optional('bankReference', action.bankReference),
    ...optional('receivedOn', action.receivedOn),
  };
}

function attemptResponseOf(attempt: PaymentAttempt): Schemas['PaymentAttempt'] {
  return {
    attemptNumber: attempt.attemptNumber,
    attemptedAt: attempt.attemptedAt.toISOString(),
    outcome: attempt.outcome,
    ...optional('reasonCode', attempt.reasonCode),
    ...optional('message', attempt.message),
    ...optional('providerRef', attempt.providerRef),
  };
}

function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/** An IBAN as an operator may see it: enough to recognise the account, not to debit it. */
export function maskIban(iban: string): string {
  return `${iban.slice(0, 4)} **** ${iban.slice(-4)}`;
}
