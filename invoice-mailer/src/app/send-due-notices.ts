import { contextOfTraceParent, inSpan, keepLeased, leaseEnd, retryScheduleOf, runWithCorrelationId } from '@boissipay/runtime';
import { decideAfterFailure } from '../domain/delivery';
import { noticeTextOf } from '../domain/notice-messages';
import { claimDueNotices, markNoticeFailed, markNoticeSent, renewNoticeLease, scheduleNoticeRetry, type ClaimedNotice } from '../infra/notice-repository';
import { renderNoticeEmail } from '../infra/render-notice-html';
import type { OutgoingMail, SendResult } from '../infra/smtp-mail-sender';
import type { DeliveryRoundOptions } from './deliver-due-invoices';
import type { DeliveryDependencies } from './dependencies';

/**
 * One round of the notice worker, the delivery worker's sibling with the same guarantees
 * (ADR 0007, 0012): claim due notices with a lease, send each outside any transaction under the
 * Message-ID fixed when it was recorded, then record the outcome only while the claim is still
 * ours. A process that dies after the SMTP server's "250" and before the commit sends the
 * notice again once the lease runs out: the same text, the same Message-ID. Returns how many
 * notices it claimed.
 */
export async function sendDueNotices(dependencies: DeliveryDependencies, options: DeliveryRoundOptions): Promise<number> {
  const now = dependencies.clock();
  const claimed = await claimDueNotices(dependencies.db, { now, leaseUntil: leaseEnd(now, options.leaseMs), limit: dependencies.batchSize });
  const results = await Promise.allSettled(
    claimed.map((claim) =>
      runWithCorrelationId(claim.correlationId ?? undefined, () =>
        inSpan('send notice', { parent: contextOfTraceParent(claim.traceParent), attributes: { 'boissipay.notice_kind': claim.notice.kind } }, () => sendOne(dependencies, claim, options)),
      ),
    ),
  );
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  return claimed.length;
}

async function sendOne(dependencies: DeliveryDependencies, claim: ClaimedNotice, { leaseMs }: DeliveryRoundOptions): Promise<void> {
  const { notice } = claim;
  const ownClaim = { noticeId: notice.noticeId, attempts: notice.attempts };
  const result = await keepLeased(
    {
      leaseMs,
      renew: () => renewNoticeLease(dependencies.db, ownClaim, leaseEnd(dependencies.clock(), leaseMs)),
      onRenewalError: (error) => dependencies.logger.warn({ err: error, noticeId: notice.noticeId }, 'notice lease renewal failed'),
    },
    () => attemptSending(dependencies, claim),
  );
  const logger = dependencies.logger.child({ noticeId: notice.noticeId, kind: notice.kind, contractRef: notice.contractRef, attempt: notice.attempts });
  const now = dependencies.clock();
  if (result.kind === 'accepted') {
    const recorded = await dependencies.db.transaction((tx) => markNoticeSent(tx, notice.noticeId, now));
    logger.info({ smtpResponse: result.response, recorded }, 'notice e-mailed');
    return;
  }
  const decision = decideAfterFailure(notice.attempts, result.failure, retryScheduleOf(dependencies.retryPolicy, dependencies.random), now);
  if (decision.kind === 'retry') {
    await dependencies.db.transaction((tx) => scheduleNoticeRetry(tx, ownClaim, { nextAttemptAt: decision.nextAttemptAt, lastError: result.failure.reason, now }));
    logger.warn({ reason: result.failure.reason, nextAttemptAt: decision.nextAttemptAt.toISOString() }, 'notice e-mail failed; will retry');
    return;
  }
  const recorded = await dependencies.db.transaction((tx) => markNoticeFailed(tx, ownClaim, { reason: decision.reason, lastError: result.failure.reason, failedAt: now }));
  logger.error({ reason: decision.reason, recorded }, 'notice e-mail given up');
}

async function attemptSending(dependencies: DeliveryDependencies, { notice }: ClaimedNotice): Promise<SendResult> {
  let mail: OutgoingMail;
  try {
    const sellerName = dependencies.seller.name;
    const email = renderNoticeEmail(noticeTextOf({ ...notice, recipientName: notice.recipientName ?? '' }, sellerName), notice.language, sellerName);
    mail = {
      to: { name: notice.recipientName ?? '', address: notice.recipient },
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: notice.messageId,
      attachments: [],
      headers: {
        'X-Boissipay-Notice-Id': notice.noticeId,
        'X-Boissipay-Notice-Kind': notice.kind,
        'X-Boissipay-Contract-Ref': notice.contractRef,
        ...(notice.invoiceRef ? { 'X-Boissipay-Invoice-Ref': notice.invoiceRef } : {}),
      },
    };
  } catch (error) {
    return { kind: 'failed', failure: { kind: 'permanent', reason: `the notice could not be written: ${(error as Error).message}` } };
  }
  return dependencies.mailSender.send(mail);
}
