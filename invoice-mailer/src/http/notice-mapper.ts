import { toDecimal } from '@boissipay/money';
import type { mailerApi } from '@boissipay/contracts';
import type { Notice } from '../domain/notice';

type Schemas = mailerApi.components['schemas'];
export type NoticeResponseBody = Schemas['Notice'];
export type NoticesResponseBody = Schemas['NoticesResponse'];

/** The notice as the API shows it: the debit's facts for a debit notice, fields that do not apply left out. */
export function noticeResponseOf(notice: Notice): NoticeResponseBody {
  const { facts } = notice;
  const debit = facts.kind === 'DEBIT_FAILED' || facts.kind === 'DEBIT_RETURNED' ? facts : undefined;
  return {
    noticeId: notice.noticeId,
    kind: notice.kind,
    contractRef: notice.contractRef,
    ...(notice.invoiceRef === null ? {} : { invoiceRef: notice.invoiceRef }),
    ...(debit ? { amount: { amount: toDecimal(debit.amountMinor, debit.currency), currency: debit.currency } } : {}),
    ...(debit?.reasonCode ? { reasonCode: debit.reasonCode } : {}),
    ...(debit?.returnReasonCode ? { returnReasonCode: debit.returnReasonCode } : {}),
    ...(notice.recipient === null ? {} : { recipient: notice.recipient }),
    language: notice.language,
    status: notice.status,
    attempts: notice.attempts,
    messageId: notice.messageId,
    causeEventId: notice.causeEventId,
    receivedAt: notice.receivedAt.toISOString(),
    updatedAt: notice.updatedAt.toISOString(),
    ...(notice.status === 'PENDING' ? { nextAttemptAt: notice.nextAttemptAt.toISOString() } : {}),
    ...(notice.lastError === null ? {} : { lastError: notice.lastError }),
    ...(notice.sentAt === null ? {} : { sentAt: notice.sentAt.toISOString() }),
    ...(notice.failedAt === null ? {} : { failedAt: notice.failedAt.toISOString() }),
    ...(notice.failureReason === null ? {} : { failureReason: notice.failureReason }),
  };
}
